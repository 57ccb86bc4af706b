import { beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../seed/generator";
import { StoreUnavailableError } from "../../src/domain/errors";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { execute } from "../helpers/execute";
import { failingStore } from "../helpers/failing-store";
import { type PathedAnswer, withFailedPathsNulled } from "../helpers/failed-paths";

/**
 * A store call that fails inside an answer must show in `errors`, never as a null, an empty list
 * or a shorter page. Each read below runs once per store call it makes, with that call (and only
 * it) failing: every answer must name the failure, and be the clean answer everywhere else.
 */

const NESTED = `query ($id: ID!) {
  company(id: $id) { id customers(first: 20) { nodes { customer { id parent { id } suppliers(first: 5) { nodes { supplier { id } } } } } } }
}`;

const MIXED = `query ($id: ID!) {
  companies(first: 8) { nodes { id customers(first: 5) { nodes { customer { id
    parent { id } ultimateParent { id }
    suppliers(first: 3) { totalCount nodes { supplier { id } spend { estimate } evidence { id quote } } }
  } } } } }
  relationshipGraph(centers: [$id], depth: 2, limit: 150) { nodes { id hop } edges { id } truncated }
  revenueFlows(company: $id) { total { estimate } flows { counterpartyId counterparty { id parent { id } } amount { estimate } } }
}`;

describe("a failed store call inside an answer", () => {
  const store = new MemoryStore();
  let hub: string;

  beforeAll(async () => {
    await store.load(generateDataset({ seed: 7, companies: 600 }));
    hub = await hubWithParentedCustomers(store);
  });

  const reads: [string, string, { planReads?: boolean }][] = [
    ["a hub's customers with their parents and suppliers, planned", NESTED, {}],
    ["a hub's customers with their parents and suppliers, level by level", NESTED, { planReads: false }],
    ["companies, customers, parents, suppliers, a relationship graph and revenue flows", MIXED, {}],
  ];

  it.each(reads)("is an error in the answer, whichever call fails: %s", async (_name, query, options) => {
    const clean = (await execute(store, query, { id: hub }, options)) as PathedAnswer;
    expect(clean.errors).toBeUndefined();
    const counting = failingStore(store);
    await execute(counting.store, query, { id: hub }, options);
    const calls = counting.calls();
    expect(calls).toBeGreaterThan(0);

    for (let n = 1; n <= calls; n++) {
      const failure = new StoreUnavailableError(`store call ${n} failed`);
      // A wrapper of its own for each run: an answer nulled to its root leaves the rest of its
      // resolvers running, and their calls must not count towards the next run's.
      const failing = failingStore(store);
      failing.failCall(n, failure);
      const answer = (await execute(failing.store, query, { id: hub }, options)) as PathedAnswer;
      // Every call the read makes feeds the answer: losing one must be said, and by that failure only.
      expect(
        answer.errors?.map((e) => e.message),
        `call ${n} of ${calls}`,
      ).toEqual(expect.arrayContaining([failure.message]));
      expect(new Set(answer.errors!.map((e) => e.message))).toEqual(new Set([failure.message]));
      // Everything the failure did not touch is the clean answer.
      expect(answer.data ?? null, `call ${n} of ${calls}`).toEqual(withFailedPathsNulled(clean, answer));
    }
  });
});

/** The company among the biggest suppliers whose first 20 customers have the most parents. */
async function hubWithParentedCustomers(store: MemoryStore): Promise<string> {
  const biggest = await store.mostConnected(["Company"], 10);
  let best = { id: "", parents: -1 };
  for (const { node } of biggest) {
    const answer = (await execute(store, NESTED, { id: node.id })) as PathedAnswer;
    const parents = (JSON.stringify(answer.data).match(/"parent":\{/g) ?? []).length;
    if (parents > best.parents) best = { id: node.id, parents };
  }
  expect(best.parents).toBeGreaterThan(0);
  return best.id;
}
