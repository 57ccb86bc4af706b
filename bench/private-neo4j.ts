/** The benchmark's Neo4j: a private server (or NEO4J_URI when NEO4J_BENCH_ALLOW_CLEAR=1), stopped on Ctrl-C too. */
import { type ScratchNeo4j, startScratchNeo4j } from "../neo4j/scratch";

export async function startPrivateNeo4j(plugins: readonly string[]): Promise<ScratchNeo4j> {
  const server = await startScratchNeo4j({ allowClearEnv: "NEO4J_BENCH_ALLOW_CLEAR", log: neo4jLog, plugins });
  let stopping = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping Neo4j`);
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  return server;
}

export function neo4jLog(line: string): void {
  console.log(`[neo4j] ${line}`);
}
