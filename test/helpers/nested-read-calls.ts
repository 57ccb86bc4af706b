/**
 * Prints, as JSON, the store calls one nested GraphQL read makes on a generated graph. Run by
 * test/unit/batching.test.ts in a plain Node process (through tsx, as `npm start` runs), because
 * how promises and dynamic imports interleave there is what decides whether batches split.
 */
import "reflect-metadata";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { generateDataset } from "../../seed/generator";
import { countingStore } from "./counting-store";
import { execute } from "./execute";

const store = new MemoryStore();
await store.load(generateDataset({ seed: 42, companies: 3000 }));
const counting = countingStore(store);
const res = await execute(
  counting.store,
  `{ companies(first: 20) { nodes { id customers(first: 10) { nodes { customer { id name suppliers(first: 10) { nodes { supplier { id name } spend { estimate } } } } } } } } }`,
);
const customers =
  (res.data?.companies as { nodes: { customers: { nodes: unknown[] } }[] } | undefined)?.nodes.flatMap(
    (c) => c.customers.nodes,
  ) ?? [];
console.log(
  JSON.stringify({
    errors: res.errors ?? null,
    customers: customers.length,
    calls: Object.fromEntries(counting.calls),
  }),
);
