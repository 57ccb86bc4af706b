/**
 * Neo4j's offline importer (`neo4j-admin database import full`, the AdminTool of the jars the
 * launcher runs on) writing CSV files into a server folder of the launcher. The server must be
 * stopped: the importer takes the database's lock and replaces its store.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { ImportFiles } from "../src/store/neo4j/import-files";
import { ARRAY_DELIMITER } from "../src/store/neo4j/import-files";
import { neo4jJava, neo4jMemory } from "./launcher";

const ADMIN_TOOL = "org.neo4j.cli.AdminTool";
/** The launcher's one user database (Community edition has no other). */
const DATABASE = "neo4j";
const OUTPUT_TAIL_LINES = 30;

/** Where the launcher keeps the store of its database under a data folder (its home). */
export function databaseStoreDir(dataDir: string): string {
  return path.join(dataDir, "data", "databases", DATABASE);
}

/** The importer's command line: files by label and type, lists split at ARRAY_DELIMITER. */
function importArguments(files: ImportFiles, reportFile: string): string[] {
  const multiline = [...files.nodes, ...files.relationships].filter((f) => f.file.multiline);
  return [
    "database",
    "import",
    "full",
    ...files.nodes.map((n) => `--nodes=${n.labels.join(":")}=${n.file.path}`),
    ...files.relationships.map((r) => `--relationships=${r.type}=${r.file.path}`),
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
    // Not the v2 format, which names the multi-line files: in 5.26 it fails on a value that spans
    // lines across the end of its 4 MiB read buffer ("found CR outside a text cell").
    ...(multiline.length > 0 ? ["--multiline-fields=true"] : []),
    `--max-off-heap-memory=${neo4jMemory().importer}`,
    // Every processor, and the parallel writes a local SSD takes (its heuristics guess "off" in a container).
    `--threads=${os.availableParallelism()}`,
    "--high-parallel-io=on",
    // The files hold exactly the validated dataset: one bad entry is a fault, never a row to skip.
    "--bad-tolerance=0",
    `--report-file=${reportFile}`,
    // The caller has checked that the database holds nothing (see bulkLoad).
    "--overwrite-destination=true",
    DATABASE,
  ];
}

/**
 * Runs the importer into `dataDir` (created if missing). Rejects with the end of its output when it
 * fails; `log` gets every line it prints.
 */
export async function runImporter(dataDir: string, files: ImportFiles, log: (line: string) => void): Promise<void> {
  const home = path.resolve(dataDir);
  fs.mkdirSync(home, { recursive: true });
  const [java, ...javaArgs] = await neo4jJava(log);
  const { heap } = neo4jMemory();
  const reportFile = path.join(path.dirname(files.nodes[0]?.file.path ?? home), "import.report");
  // NEO4J_HOME is where the tool finds the databases; without a neo4j.conf there, the defaults.
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_HOME: home };
  delete env.NEO4J_CONF;
  const child = spawn(
    java!,
    [`-Xmx${heap / 2 ** 10}k`, ...javaArgs, ADMIN_TOOL, ...importArguments(files, reportFile)],
    {
      cwd: home,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const tail: string[] = [];
  const onLine = (line: string) => {
    log(line);
    tail.push(line);
    if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
  };
  readline.createInterface({ input: child.stdout }).on("line", onLine);
  readline.createInterface({ input: child.stderr }).on("line", onLine);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", (err) => reject(new Error(`cannot run the Neo4j importer: ${err.message}`)));
    child.on("close", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) {
    throw new Error(
      `the Neo4j importer failed (exit code ${code})\n--- importer output (last lines) ---\n${tail.join("\n")}`,
    );
  }
}
