/**
 * Prints, as JSON, the store calls nested GraphQL reads make on a generated graph: the planned read
 * from `companies` (also through edges and aliases), and the same shape reached through `search`, planned where its first list is
 * reached and read once for every hit. Run by test/e2e/batching.test.ts in a plain Node process (through tsx, as `npm start`
 * runs), because how promises and dynamic imports interleave there is what decides whether batches
 * split.
 */
import "reflect-metadata";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { generateDataset } from "../../seed/generator";
import { countingStore } from "./counting-store";
import { execute } from "./execute";

const NESTED = `customers(first: 10) { nodes { customer { id name suppliers(first: 10) { nodes { supplier { id name } spend { estimate } } } } } }`;

/** NESTED through edges, with aliases: each item's fields resolve one step further below its list. */
const THROUGH_EDGES = `c: customers(first: 10) { edges { node { x: customer { id name s: suppliers(first: 10) { edges { node { supplier { id name } } } } } } } }`;

const store = new MemoryStore();
await store.load(generateDataset({ seed: 42, companies: 3000 }));
const counting = countingStore(store);

async function run(query: string) {
  counting.reset();
  const res = await execute(counting.store, query);
  const customers = JSON.stringify(res.data ?? {}).match(/"customer":/g)?.length ?? 0;
  return { errors: res.errors ?? null, customers, calls: Object.fromEntries(counting.calls) };
}

console.log(
  JSON.stringify({
    planned: await run(`{ companies(first: 20) { nodes { id ${NESTED} } } }`),
    throughEdges: await run(`{ companies(first: 20) { nodes { id ${THROUGH_EDGES} } } }`),
    batched: await run(
      `{ search(text: "company", kinds: [Company], first: 40) { hits { node { ... on Company { id ${NESTED} } } } } }`,
    ),
  }),
);
