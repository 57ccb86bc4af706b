/** Loading a generated graph into the benchmark's Neo4j, the way `npm run seed` does: Neo4jStore.load. */
import { performance } from "node:perf_hooks";
import type { Dataset } from "../src/domain/dataset";
import { DEFAULT_LOAD_BATCH_SIZE, type LoadPhase, phaseClock } from "../src/store/neo4j/batched-load";
import type { Neo4jStore } from "../src/store/neo4j/neo4j-store";

export interface Neo4jLoadRun {
  /** How the graph went in, for the results. */
  readonly how: string;
  readonly totalMs: number;
  /**
   * Time per phase, from the end of the one before it in its lane (see phaseClock; the first of each
   * lane also holds the checks before writing). The lanes run at once: the phases add up to more than totalMs.
   */
  readonly phaseMs: Readonly<Partial<Record<LoadPhase, number>>>;
}

/** Empties the database (not timed), loads `d` and checks the counts. */
export async function loadIntoNeo4j(store: Neo4jStore, d: Dataset): Promise<Neo4jLoadRun> {
  await store.clear();
  const phaseMs: Partial<Record<LoadPhase, number>> = {};
  const started = performance.now();
  const elapsed = phaseClock(started);
  await store.load(d, {
    onProgress: ({ phase }) => {
      phaseMs[phase] = elapsed(phase, performance.now());
    },
  });
  const totalMs = performance.now() - started;
  const counts = await store.counts();
  if (counts.companies !== d.companies.length || counts.relationships !== d.relationships.length) {
    throw new Error(
      `Neo4j holds ${counts.companies} companies and ${counts.relationships} relationships after loading ` +
        `${d.companies.length} and ${d.relationships.length}`,
    );
  }
  const how = `Neo4jStore.load, ${DEFAULT_LOAD_BATCH_SIZE.toLocaleString("en")} rows per transaction`;
  return { how, totalMs, phaseMs };
}
