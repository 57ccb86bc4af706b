/**
 * APOC, for the benchmark only: the Neo4j GraphQL Library checks at start for two APOC functions
 * (apoc.util.validatePredicate, apoc.date.convertFormat). The bench-apoc Maven profile in
 * neo4j/pom.xml copies APOC Core and the jars it needs into neo4j/target/bench-apoc, and the
 * benchmark's private Neo4j starts with them as plugins. Tests and the product never run with APOC.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Neo4jConfig } from "../src/store/neo4j/neo4j-config";
import { Neo4jExecutor } from "../src/store/neo4j/executor";

const NEO4J_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../neo4j");
const APOC_DIR = path.join(NEO4J_DIR, "target", "bench-apoc");
const COPY_COMMAND = [
  "-q",
  "-B",
  "-Dstyle.color=never",
  "-Pbench-apoc",
  "dependency:copy-dependencies@copy-bench-apoc",
];
const REQUIRED_FUNCTIONS = ["apoc.util.validatePredicate", "apoc.date.convertFormat"];

export interface ApocJars {
  readonly jars: readonly string[];
  /** Why there are none, when there are none. */
  readonly problem: string | null;
}

/** The APOC jars, fetched with Maven unless a copy newer than pom.xml is there already. */
export function benchApocJars(log: (line: string) => void): ApocJars {
  const pomTime = fs.statSync(path.join(NEO4J_DIR, "pom.xml")).mtimeMs;
  if (!fs.existsSync(APOC_DIR) || fs.statSync(APOC_DIR).mtimeMs < pomTime) {
    fs.rmSync(APOC_DIR, { recursive: true, force: true });
    log("fetching APOC for the Neo4j GraphQL Library (mvn -Pbench-apoc)...");
    const mvn = spawnSync(process.platform === "win32" ? "mvn.cmd" : "mvn", COPY_COMMAND, {
      cwd: NEO4J_DIR,
      encoding: "utf8",
      timeout: 10 * 60_000,
    });
    if (mvn.error || mvn.status !== 0) {
      const output = `${mvn.stdout ?? ""}${mvn.stderr ?? ""}`.trim().split("\n").slice(-5).join(" / ");
      const problem = `mvn ${COPY_COMMAND.join(" ")} in neo4j/ failed (${mvn.error?.message ?? `exit code ${mvn.status}`}): ${output}`;
      return { jars: [], problem };
    }
  }
  const jars = fs.readdirSync(APOC_DIR).filter((name) => name.endsWith(".jar"));
  if (!jars.some((name) => name.startsWith("apoc-core-")))
    return { jars: [], problem: `no apoc-core jar in ${APOC_DIR}` };
  return { jars: jars.map((name) => path.join(APOC_DIR, name)), problem: null };
}

/** Whether the server has the APOC functions the Neo4j GraphQL Library asks for. */
export async function serverHasApoc(cfg: Neo4jConfig): Promise<boolean> {
  const db = new Neo4jExecutor(cfg);
  try {
    const [found] = await db.read(
      "SHOW FUNCTIONS YIELD name WHERE name IN $names RETURN count(*) AS found",
      { names: REQUIRED_FUNCTIONS },
      (rec) => rec.get("found") as number,
    );
    return found === REQUIRED_FUNCTIONS.length;
  } finally {
    await db.close();
  }
}
