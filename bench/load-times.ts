/** How long a generated graph takes to load, into Neo4j (empty each time) and into the embedded store. */
import type { Dataset } from "../src/domain/dataset";
import { MemoryStore } from "../src/store/memory/memory-store";
import type { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import type { MeasuredRows } from "./memory";
import { loadIntoNeo4j, type Neo4jLoadRun } from "./neo4j-load";
import { statsOf, timed } from "./stats";
import { companies, ms } from "./table";

/** Items per second, to the hundred, for `count` items in `milliseconds`. */
function perSecond(count: number, milliseconds: number): string {
  return (Math.round((count / milliseconds) * 10) * 100).toLocaleString("en");
}

/** Loads `d` into Neo4j `times` times (it stays loaded) and into fresh memory stores three times. */
export async function measureLoads(store: Neo4jStore, d: Dataset, times: number): Promise<MeasuredRows> {
  const runs: Neo4jLoadRun[] = [];
  for (let i = 0; i < times; i++) runs.push(await loadIntoNeo4j(store, d));
  const memoryTimes: number[] = [];
  for (let i = 0; i < 3; i++) memoryTimes.push(await timed(() => new MemoryStore().load(d)));
  const neo4j = statsOf(runs.map((run) => run.totalMs));
  const relationshipPhase = statsOf(runs.map((run) => run.phaseMs.relationships ?? Number.NaN));
  const memory = statsOf(memoryTimes);
  console.log(`  Neo4j load: ${ms(neo4j.median)} ms (memory store ${ms(memory.median)} ms)`);
  const graph = `${d.companies.length + d.products.length} nodes, ${d.relationships.length} relationships, ${d.evidence.length} evidence, ${d.metrics.length} metrics`;
  const size = companies(d.companies.length);
  return [
    [
      `${size} companies: Neo4j load (${runs[0]!.how})`,
      `median ${ms(neo4j.median)} ms over ${neo4j.runs} load(s) into an empty database (${graph})`,
    ],
    [
      `${size} companies: Neo4j load, relationships phase`,
      `median ${ms(relationshipPhase.median)} ms, ${perSecond(d.relationships.length, relationshipPhase.median)} relationships/s`,
    ],
    [`${size} companies: memory store load`, `median ${ms(memory.median)} ms over ${memory.runs} loads`],
  ];
}
