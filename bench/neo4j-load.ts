/** Loading a generated graph into the benchmark's Neo4j, the way `npm run seed` does: Neo4jStore.load. */
import type { Dataset } from "../src/domain/dataset";
import { DEFAULT_LOAD_BATCH_SIZE } from "../src/store/neo4j/batched-load";
import type { Neo4jStore } from "../src/store/neo4j/neo4j-store";

/** Empties the database and loads `d`; returns how it was loaded, for the results. */
export async function loadIntoNeo4j(store: Neo4jStore, d: Dataset): Promise<string> {
  await store.clear();
  await store.load(d);
  const counts = await store.counts();
  if (counts.companies !== d.companies.length || counts.relationships !== d.relationships.length) {
    throw new Error(
      `Neo4j holds ${counts.companies} companies and ${counts.relationships} relationships after loading ` +
        `${d.companies.length} and ${d.relationships.length}`,
    );
  }
  return `Neo4jStore.load, ${DEFAULT_LOAD_BATCH_SIZE.toLocaleString("en")} rows per transaction`;
}
