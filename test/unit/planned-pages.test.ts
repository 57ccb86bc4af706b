import { beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { countingStore } from "../helpers/counting-store";
import { execute } from "../helpers/execute";

/**
 * Each list resolver takes its page from its parent's planned answer by response key. These are the
 * places where a key could find the wrong page, or none: the same key meaning different lists at
 * places the planner merges, an end of an item that is not the planned one, a list refused at the
 * root, a clock set by a list for what is under it. Each answer must equal the one read a level at
 * a time with every part.
 */
describe("lists read their pages from the planned answer by response key", () => {
  const store = new MemoryStore();

  beforeAll(async () => {
    await store.load(loadSeed());
  });

  const sameAsLevelByLevel = async (query: string) => {
    const reference = await execute(store, query, {}, { planReads: false });
    expect(await execute(store, query)).toEqual(reference);
    return reference;
  };

  it("the same key under `nodes` and `edges` with different arguments gives each its own page", async () => {
    const answer = await sameAsLevelByLevel(`{ company(id: "microsoft") { customers(first: 5) {
      nodes { customer { id s: suppliers(first: 1) { nodes { id } } } }
      edges { node { customer { id s: suppliers(first: 3) { nodes { id } } } } }
    } } }`);
    expect(answer.errors).toBeUndefined();
    type Customer = { customer: { s: { nodes: unknown[] } } };
    const { nodes, edges } = (answer.data!.company as { customers: { nodes: Customer[]; edges: { node: Customer }[] } })
      .customers;
    expect(Math.max(...nodes.map((item) => item.customer.s.nodes.length))).toBe(1);
    expect(Math.max(...edges.map((edge) => edge.node.customer.s.nodes.length))).toBeGreaterThan(1);
  });

  it("a supplier shown beside its planned customer end reads its own lists, not the customer's", async () => {
    const answer = await sameAsLevelByLevel(`{ company(id: "microsoft") { customers(first: 5) { nodes {
      customer { id l: suppliers(first: 1) { totalCount } }
      supplier { id l: customers(first: 2) { totalCount nodes { id } } }
    } } } }`);
    expect(answer.errors).toBeUndefined();
  });

  it("a list whose arguments are refused reports the refusal, and its siblings still answer", async () => {
    const answer = await sameAsLevelByLevel(`{ company(id: "microsoft") {
      customers(first: 2) { nodes { id } }
      suppliers(first: 100000) { nodes { id } }
    } }`);
    expect(answer.errors?.[0]?.message).toMatch(/first must be between/);
  });

  it("a clock set by a list holds for what is under it, planned or not", async () => {
    const answer = await sameAsLevelByLevel(`{ company(id: "openai") {
      suppliers(asOf: "2023-01-01", first: 5) { nodes { id status supplier { id customers(first: 3) { nodes { id validFrom } } } } }
    } }`);
    expect(answer.errors).toBeUndefined();
  });

  it("lists under search hits are planned where they are reached: one read for every hit", async () => {
    const counting = countingStore(store);
    const query = `{ search(text: "o", kinds: [Company], first: 10) { hits { node { ... on Company {
      id customers(first: 3) { nodes { customer { id suppliers(first: 2) { nodes { id } } } } }
    } } } } }`;
    const answer = await execute(counting.store, query);
    expect(answer.errors).toBeUndefined();
    expect(Object.fromEntries(counting.calls)).toEqual({ search: 1, readPlan: 1 });
    expect(answer).toEqual(await execute(store, query, {}, { planReads: false }));
  });
});
