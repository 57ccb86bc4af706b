import type { GraphStore } from "./graph-store";
import { Journal } from "./memory/journal";
import { MemoryStore } from "./memory/memory-store";
import type { Neo4jConfig } from "./neo4j/neo4j-config";
import { Neo4jStore } from "./neo4j/neo4j-store";

/**
 * The store named by the configuration: Neo4j when NEO4J_URI is set, otherwise the embedded
 * in-memory store, keeping its journal at `journalPath` (empty; the caller loads the seed into it,
 * then replays the journal). `writer` names the command that will write (`npm start`, `npm run
 * import`): it takes the data folder's writer lock; null opens the journal to read only.
 */
export async function createStore(
  config: {
    readonly neo4j: Neo4jConfig | null;
    readonly journalPath: string;
  },
  writer: string | null,
): Promise<GraphStore> {
  if (config.neo4j === null)
    return new MemoryStore(writer ? Journal.forWriter(config.journalPath, writer) : new Journal(config.journalPath));
  return Neo4jStore.connect(config.neo4j);
}
