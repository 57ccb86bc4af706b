/**
 * `npm run neo4j`: runs a local Neo4j 5.26 Community server in the foreground until Ctrl-C.
 *
 * Environment:
 *   NEO4J_DATA_DIR  data folder (default: .neo4j-data in the repository root)
 *   NEO4J_PORT      Bolt port on 127.0.0.1 (default 7687; 0 picks a free one)
 *   NEO4J_PASSWORD  when set, authentication is on and user `neo4j` has this password
 *   NEO4J_HEAP      JVM heap, e.g. 2g (default 1g)
 *   NEO4J_PAGECACHE Neo4j page cache, e.g. 1g (default 512m)
 */
import { localDataDir, neo4jMemory, startLocalNeo4j, type LocalNeo4j } from "./launcher";

function fail(message: string): never {
  process.stderr.write(`neo4j: ${message}\n`);
  process.exit(1);
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 7687;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`NEO4J_PORT must be a port number, got "${raw}"`);
  return port;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

async function main(): Promise<void> {
  const dataDir = localDataDir();
  const port = parsePort(process.env.NEO4J_PORT);
  const password = process.env.NEO4J_PASSWORD || undefined;
  // A bad memory setting stops here, in one line, before anything starts.
  const memory = neo4jMemory();

  let server: LocalNeo4j | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nneo4j: ${signal} received, stopping...\n`);
    const done = server ? server.stop() : Promise.resolve();
    void done.then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGHUP", () => shutdown("SIGHUP"));

  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  process.stderr.write(
    `neo4j: starting Neo4j (data folder ${dataDir}, heap ${mib(memory.heap)}, page cache ${mib(memory.pageCache)})...\n`,
  );
  try {
    server = await startLocalNeo4j({
      dataDir,
      port,
      password,
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (err) {
    // The server's own output has already been printed above; keep this to one line.
    const message = err instanceof Error ? err.message : String(err);
    fail(message.split("\n")[0] ?? message);
  }
  if (stopping) {
    await server.stop();
    process.exit(0);
  }

  const credentials = password ? `NEO4J_USER=neo4j NEO4J_PASSWORD=${shellQuote(password)} ` : "";
  process.stdout.write(
    [
      "",
      `Neo4j is running at ${server.uri} (pid ${server.pid}, auth ${password ? "on, user neo4j" : "off"}, data ${dataDir})`,
      "Point the API at it from another terminal:",
      `  NEO4J_URI=${server.uri} ${credentials}npm run seed`,
      `  NEO4J_URI=${server.uri} ${credentials}npm start`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  const { code, signal } = await server.exited;
  if (!stopping) fail(`Neo4j stopped unexpectedly (${signal ?? `exit code ${code}`})`);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message.split("\n")[0]! : String(err)));
