/**
 * A Neo4j that a run may wipe, for the tests and the benchmark:
 *
 * - NEO4J_URI set: that server (with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE), but only when
 *   the caller's allow-clear variable is 1, because the run clears the database (Community Edition
 *   has a single user database, so there is no scratch one to pick).
 * - otherwise: a private server on a free port and a temporary data folder, both gone after stop().
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Neo4jConfig, redactUri } from "../src/store/neo4j/neo4j-config";
import { javaToolchainAvailable, startLocalNeo4j } from "./launcher";

export interface ScratchNeo4jOptions {
  /** The variable that must be 1 before an external NEO4J_URI may be cleared. */
  readonly allowClearEnv: "NEO4J_TEST_ALLOW_CLEAR" | "NEO4J_BENCH_ALLOW_CLEAR";
  /** Receives progress: the launcher build (the first one downloads Neo4j) and where the server is. */
  readonly log?: (line: string) => void;
  /** Plugin jars for a private server (see StartLocalNeo4jOptions.plugins); a NEO4J_URI server keeps its own. */
  readonly plugins?: readonly string[];
}

export interface ScratchNeo4j {
  readonly config: Neo4jConfig;
  /** true: the server named by NEO4J_URI; false: a private one this process started. */
  readonly external: boolean;
  /** Stops a private server and removes its folder; leaves an external one running. Idempotent. */
  stop(): Promise<void>;
}

/** No NEO4J_URI and no Java >= 17 with Maven: callers decide whether that fails the run or skips. */
export class Neo4jToolchainMissingError extends Error {
  override readonly name = "Neo4jToolchainMissingError";
}

export async function startScratchNeo4j(opts: ScratchNeo4jOptions): Promise<ScratchNeo4j> {
  const log = opts.log ?? (() => {});
  const external = process.env.NEO4J_URI;
  if (external) return useExternal(external, opts.allowClearEnv, log);

  const toolchain = javaToolchainAvailable();
  if (!toolchain.ok) throw new Neo4jToolchainMissingError(toolchain.why ?? "Java or Maven is missing");

  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-neo4j-"));
  const started = Date.now();
  let server: Awaited<ReturnType<typeof startLocalNeo4j>>;
  try {
    server = await startLocalNeo4j({
      dataDir: path.join(root, "data"),
      port: 0,
      plugins: opts.plugins,
      // Build progress is worth seeing; the server's own (timestamped) log lines are not.
      log: (line) => {
        if (/launcher|maven|mvn|download/i.test(line) && !/^\d{4}-\d{2}-\d{2}/.test(line)) log(line);
      },
    });
  } catch (err) {
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`private Neo4j at ${server.uri} (pid ${server.pid}, data in ${root}, started in ${seconds} s)`);
  let stopping: Promise<void> | undefined;
  return {
    config: { uri: server.uri, user: "neo4j", password: null, database: null },
    external: false,
    stop: () => (stopping ??= server.stop().finally(() => fs.rmSync(root, { recursive: true, force: true }))),
  };
}

function useExternal(uri: string, allowClearEnv: string, log: (line: string) => void): ScratchNeo4j {
  if (process.env[allowClearEnv] !== "1") {
    throw new Error(
      [
        `NEO4J_URI is set (${redactUri(uri)}), and this run clears the database it uses.`,
        "Refusing to use it. Either unset NEO4J_URI (a private Neo4j is then started), or set",
        `${allowClearEnv}=1 if that database may be wiped.`,
      ].join("\n"),
    );
  }
  log(`using the Neo4j at ${redactUri(uri)} (${allowClearEnv}=1: it will be cleared)`);
  return {
    // An empty variable counts as unset.
    config: {
      uri,
      user: process.env.NEO4J_USER || "neo4j",
      password: process.env.NEO4J_PASSWORD || null,
      database: process.env.NEO4J_DATABASE || null,
    },
    external: true,
    stop: async () => {},
  };
}
