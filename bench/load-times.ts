/** How long a generated graph takes to load, into Neo4j (empty each time) and into the embedded store. */
import type { Dataset } from "../src/domain/dataset";
import { MemoryStore } from "../src/store/memory/memory-store";
import type { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import type { MeasuredRows } from "./memory";
import { loadIntoNeo4j } from "./neo4j-load";
import { statsOf, timed } from "./stats";
import { companies, ms } from "./table";

/** Whole items per second, rounded to a thousand, for `count` items in `milliseconds`. */
function perSecond(count: number, milliseconds: number): string {
  return (Math.round(count / milliseconds) * 1000).toLocaleString("en");
}

/** Loads `d` into Neo4j `times` times (it stays loaded) and into fresh memory stores three times. */
export async function measureLoads(store: Neo4jStore, d: Dataset, times: number): Promise<MeasuredRows> {
  let how = "";
  const neo4jTimes: number[] = [];
  for (let i = 0; i < times; i++) neo4jTimes.push(await timed(async () => (how = await loadIntoNeo4j(store, d))));
  const memoryTimes: number[] = [];
  for (let i = 0; i < 3; i++) memoryTimes.push(await timed(() => new MemoryStore().load(d)));
  const neo4j = statsOf(neo4jTimes);
  const memory = statsOf(memoryTimes);
  console.log(`  Neo4j load: ${ms(neo4j.median)} ms (memory store ${ms(memory.median)} ms)`);
  const graph = `${d.companies.length + d.products.length} nodes, ${d.relationships.length} relationships, ${d.evidence.length} evidence, ${d.metrics.length} metrics`;
  return [
    [
      `${companies(d.companies.length)} companies: Neo4j load (${how})`,
      `median ${ms(neo4j.median)} ms over ${neo4j.runs} load(s) into an empty database (${graph}), ` +
        `${perSecond(d.relationships.length, neo4j.median)} relationships/s`,
    ],
    [
      `${companies(d.companies.length)} companies: memory store load`,
      `median ${ms(memory.median)} ms over ${memory.runs} loads`,
    ],
  ];
}
