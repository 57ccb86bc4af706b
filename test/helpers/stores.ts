import type { Dataset } from "../../src/domain/dataset";
import type { GraphStore } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { neo4jTestConfig } from "./neo4j-server";

/** A store name and how to get that store holding exactly one dataset (the caller closes it). */
export type LoadedStoreFactory = [name: string, load: (dataset: Dataset) => Promise<GraphStore>];

/**
 * Every store the tests can reach, for `describe.each`: the memory store always, Neo4j when the
 * test server runs. Call it at the top level of a test file: it takes the shared server's lock.
 */
export function loadedStoreFactories(): LoadedStoreFactory[] {
  const neo4jConfig = neo4jTestConfig();
  const memory: LoadedStoreFactory = [
    "memory",
    async (dataset) => {
      const store = new MemoryStore();
      await store.load(dataset);
      return store;
    },
  ];
  if (!neo4jConfig) return [memory];
  const neo4j: LoadedStoreFactory = [
    "neo4j",
    async (dataset) => {
      const store = await Neo4jStore.connect(neo4jConfig);
      await store.clear();
      await store.load(dataset);
      return store;
    },
  ];
  return [memory, neo4j];
}

/**
 * Puts one dataset in both stores for a differential test: Neo4j (the caller's open connection)
 * emptied and loaded, and a new memory store, which it returns as the reference.
 */
export async function loadBoth(neo4j: Neo4jStore, dataset: Dataset): Promise<MemoryStore> {
  const memory = new MemoryStore();
  await memory.load(dataset);
  await neo4j.clear();
  await neo4j.load(dataset);
  return memory;
}
