import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conflicts } from "../../src/analytics/conflicts";
import { type Dataset, parseDataset } from "../../src/domain/dataset";
import type { GraphStore, RelationshipFilter } from "../../src/store/graph-store";
import { storeKnownAt } from "../../src/store/record-time";
import { claimRecord, purchaseOf, reportWireFiling } from "../helpers/claim-records";
import { monthly } from "../helpers/datasets";
import { execute } from "../helpers/execute";
import { loadedStoreFactories } from "../helpers/stores";

/**
 * Three purchases from `m`, told by three sources over a year of record time:
 * - t's spend: a news report (2024-04-01), a wire repeating it (2024-04-02), and a filing
 *   (2025-02-01) that puts it far higher: two origins, and a conflict from the filing's day on,
 *   which the filing wins (confidence 1 against the report's 0.8: the root speaks for its wire);
 * - w's spend: the report says at least 1M and that it began in 2023; a filing says exactly 5M
 *   (2025-02-01) and is retracted (2025-03-01);
 * - x's spend: the report says 10M (2024-04-01), then corrects itself to 12M (2024-05-01).
 */
function claimsGraph(): Dataset {
  const [buys, claim] = [purchaseOf, claimRecord];
  return parseDataset([
    {
      name: "claims",
      content: {
        ...reportWireFiling(),
        companies: ["m", "t", "w", "x"].map((id) => ({ id, name: id.toUpperCase() })),
        products: [{ id: "p", name: "P" }],
        relationships: ["t", "w", "x"].map(buys),
        claims: [
          claim("t-report", "t-buys", "report", "2024-04-01", { amount: monthly(20e6, 18e6, 20e6), confidence: 0.8 }),
          claim("t-wire", "t-buys", "wire", "2024-04-02", { amount: monthly(20e6, 18e6, 20e6), confidence: 0.9 }),
          claim("t-filing", "t-buys", "filing", "2025-02-01", { amount: monthly(null, 30e6, 40e6, "RANGE") }),
          claim("w-report", "w-buys", "report", "2024-04-01", {
            ...{ amount: monthly(null, 1e6, null, "AT_LEAST"), began: "2023-01-01" },
          }),
          claim("w-filing", "w-buys", "filing", "2025-02-01", {
            amount: monthly(5e6, 5e6, 5e6, "EXACT"),
            retraction: { at: "2025-03-01", by: "editor", reason: "another company's figure" },
          }),
          claim("x-report", "x-buys", "report", "2024-04-01", { amount: monthly(10e6, 10e6, 10e6, "EXACT") }),
          claim("x-correction", "x-buys", "report", "2024-05-01", {
            ...{ amount: monthly(12e6, 12e6, 12e6, "EXACT"), supersedes: "x-report" },
          }),
        ],
      },
    },
  ]);
}

const CUSTOMERS: RelationshipFilter = { kinds: ["BUYS_FROM"], direction: "IN" };

describe.each(loadedStoreFactories())("claims on %s", (_name, load) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await load(claimsGraph());
  });
  afterAll(() => store?.close());

  const customersOf = async (filter: Partial<RelationshipFilter> = {}) => {
    const [page] = await store.relationshipsOf(["m"], { ...CUSTOMERS, ...filter }, {});
    return new Map(page!.items.map((r) => [r.from, r]));
  };

  it("make each relationship: reconciled amount, origins, conflict, confidence, first and last reported", async () => {
    const now = await customersOf();
    expect([...now.keys()]).toEqual(["t", "w", "x"]);
    const t = now.get("t")!;
    expect(t.agreement).toEqual({
      claims: 3,
      independentOrigins: 2,
      conflicting: true,
      gap: (30e6 - 20e6) / 30e6,
      dissent: ["t-report", "t-wire"],
      incomparable: [],
    });
    expect(t.amount).toMatchObject({ low: 30e6, high: 40e6, estimate: null, qualifier: "RANGE" });
    // The wire repeats the report: their origin counts once, at its surest (0.9), with the filing's 1.
    expect(t.confidence).toBe(1);
    expect(t).toMatchObject({ firstReported: "2024-04-01", lastReported: "2025-02-01", validFrom: null });
    // The filing's claim is retracted: the report's word stands, with the start it gives.
    expect(now.get("w")).toMatchObject({ validFrom: "2023-01-01", agreement: { claims: 1, conflicting: false } });
    expect(now.get("w")!.amount).toMatchObject({ low: 1e6, qualifier: "AT_LEAST" });
    // The correction replaces the figure it supersedes.
    expect(now.get("x")!.amount).toMatchObject({ low: 12e6, high: 12e6 });
    expect(now.get("x")!.agreement.claims).toBe(1);
  });

  it("answer as of a record time: only claims recorded by then, not withdrawn by then", async () => {
    expect((await customersOf({ knownAt: "2024-03-31" })).size).toBe(0);
    const april = await customersOf({ knownAt: "2024-04-15" });
    expect(april.get("t")!.agreement).toEqual({
      claims: 2,
      independentOrigins: 1,
      conflicting: false,
      gap: 0,
      dissent: [],
      incomparable: [],
    });
    expect(april.get("t")!.knownAt).toBe("2024-04-15");
    expect(april.get("x")!.amount).toMatchObject({ low: 10e6, high: 10e6 });
    // Between the filing and its retraction, w's figure narrowed to the filing's exact 5M.
    const february = await customersOf({ knownAt: "2025-02-15" });
    expect(february.get("w")!.amount).toMatchObject({ low: 5e6, high: 5e6 });
    expect(february.get("w")!.agreement).toMatchObject({ claims: 2, independentOrigins: 2 });
    expect((await customersOf({ knownAt: "2025-03-01" })).get("w")!.agreement.claims).toBe(1);
  });

  it("filter on the view at that record time: status, dates, conflicts and pages", async () => {
    expect([...(await customersOf({ asOf: "2022-06-01" })).keys()]).toEqual(["t", "x"]);
    expect([...(await customersOf({ conflicting: true })).keys()]).toEqual(["t"]);
    expect([...(await customersOf({ conflicting: true, knownAt: "2024-12-31" })).keys()]).toEqual([]);
    const [first] = await store.relationshipsOf(["m"], { ...CUSTOMERS, knownAt: "2025-02-15" }, { first: 2 });
    expect(first).toMatchObject({ totalCount: 3, hasNextPage: true });
    expect(first!.items.map((r) => r.id)).toEqual(["t-buys", "w-buys"]);
    const [withEnds] = await store.relationshipsOf(
      ["m"],
      { ...CUSTOMERS, knownAt: "2025-02-15" },
      {},
      { withNeighbours: true },
    );
    expect(withEnds!.neighbours.map((n) => n.id)).toEqual(["t", "w", "x"]);
    const planned = { filter: { ...CUSTOMERS, knownAt: "2025-02-15" }, page: {}, parts: ["amount" as const], next: [] };
    const [amountOnly] = (await store.readPlan({ kind: "nodes", ids: ["m"] }, [planned])).lists;
    expect(Object.keys(amountOnly!.pages.get("m")!.items[0]!).sort()).toEqual([
      "amount",
      "from",
      "id",
      "kind",
      "knownAt",
      "to",
    ]);
    const listed = await store.listRelationships({ knownAt: "2024-04-15", conflicting: false }, {});
    expect(listed.items.map((r) => r.id)).toEqual(["t-buys", "w-buys", "x-buys"]);
  });

  it("read whole through a plan as through relationshipsOf", async () => {
    const list = { filter: { ...CUSTOMERS, knownAt: "2025-02-15" }, page: { first: 2 }, next: [] };
    const planned = await store.readPlan({ kind: "nodes", ids: ["m"] }, [list]);
    const [direct] = await store.relationshipsOf(["m"], list.filter, list.page, { withNeighbours: true });
    expect(planned.lists[0]!.pages.get("m")).toEqual(direct);
  });

  it("are listed by relationship, source and record time, withdrawn ones on request", async () => {
    const ids = async (filter: Parameters<GraphStore["listClaims"]>[0], first?: number) =>
      (await store.listClaims(filter, { first })).items.map((c) => c.id);
    expect(await ids({ relationshipIds: ["t-buys"] })).toEqual(["t-filing", "t-report", "t-wire"]);
    expect(await ids({ relationshipIds: ["w-buys"] })).toEqual(["w-report"]);
    expect(await ids({ relationshipIds: ["w-buys"], includeWithdrawn: true })).toEqual(["w-filing", "w-report"]);
    // Record times are days: a claim recorded on a day, or retracted on it, is so on that day.
    expect(await ids({ relationshipIds: ["w-buys"], knownAt: "2025-01-31" })).toEqual(["w-report"]);
    expect(await ids({ relationshipIds: ["w-buys"], knownAt: "2025-02-01" })).toEqual(["w-filing", "w-report"]);
    expect(await ids({ relationshipIds: ["w-buys"], knownAt: "2025-02-28" })).toEqual(["w-filing", "w-report"]);
    expect(await ids({ relationshipIds: ["w-buys"], knownAt: "2025-03-01" })).toEqual(["w-report"]);
    expect(await ids({ relationshipIds: ["x-buys"], knownAt: "2024-05-01" })).toEqual(["x-correction"]);
    expect(await ids({ relationshipIds: ["x-buys"], knownAt: "2024-04-15" })).toEqual(["x-report"]);
    expect(await ids({ sourceIds: ["filing"], includeWithdrawn: true })).toEqual(["t-filing", "w-filing"]);
    expect(await ids({ knownAt: "2024-04-01" }, 2)).toEqual(["t-report", "w-report"]);
    const claims = await store.claimsOf(["x-buys", "none"]);
    expect(claims.map((list) => list.map((c) => c.id))).toEqual([["x-report", "x-correction"], []]);
    expect(claims[0]![1]).toMatchObject({ supersedes: "x-report", recordedBy: "test", amount: { low: 12e6 } });
    expect((await store.claimsOf(["w-buys"]))[0]![1]!.retraction).toEqual({
      at: "2025-03-01",
      by: "editor",
      reason: "another company's figure",
    });
  });

  it("keep their sources listed by kind", async () => {
    expect((await store.listSources({}, { first: 2 })).items.map((s) => s.id)).toEqual(["filing", "report"]);
    expect((await store.listSources({ kinds: ["FILING"] }, {})).items.map((s) => s.id)).toEqual(["filing"]);
  });

  it("rank conflicts by how far apart the claims are, as known at a record time", async () => {
    expect((await conflicts(store, {}, {})).items.map((r) => r.id)).toEqual(["t-buys"]);
    expect((await conflicts(store, { knownAt: "2025-01-31" }, {})).items).toEqual([]);
    expect((await conflicts(storeKnownAt(store, "2025-02-15"), {}, {})).items.map((r) => r.id)).toEqual(["t-buys"]);
  });

  it("answer Query.conflicts with both claims, and no conflict before the second was recorded", async () => {
    const query = `query ($knownAt: LocalDate) {
      conflicts(knownAt: $knownAt) {
        totalCount
        nodes { id agreement { conflicting independentOrigins reconciled { low high } } claims { nodes { id source { id } amount { low high } } } }
      }
    }`;
    const now = await execute(store, query);
    expect(now).toEqual({
      data: {
        conflicts: {
          totalCount: 1,
          nodes: [
            {
              id: "t-buys",
              agreement: { conflicting: true, independentOrigins: 2, reconciled: { low: 30e6, high: 40e6 } },
              claims: {
                nodes: [
                  { id: "t-filing", source: { id: "filing" }, amount: { low: 30e6, high: 40e6 } },
                  { id: "t-report", source: { id: "report" }, amount: { low: 18e6, high: 20e6 } },
                  { id: "t-wire", source: { id: "wire" }, amount: { low: 18e6, high: 20e6 } },
                ],
              },
            },
          ],
        },
      },
    });
    expect(await execute(store, query, { knownAt: "2025-01-31" })).toEqual({
      data: { conflicts: { totalCount: 0, nodes: [] } },
    });
  });

  it("say the times their sources speak of, and what their evidence is", async () => {
    const answer = await execute(
      store,
      `{ relationship(id: "t-buys") { periods { from to label } evidence { id kind locator quote } } }`,
    );
    expect(answer.data).toEqual({
      relationship: {
        periods: [{ from: null, to: null, label: "undated" }],
        evidence: ["report", "wire", "filing"].map((id) => ({
          id: `ev-${id}`,
          kind: "STATEMENT",
          locator: "p. 1",
          quote: "q",
        })),
      },
    });
  });

  it("show a claim as it was known: a retraction recorded later is not yet visible", async () => {
    const query = `query ($knownAt: LocalDate) {
      claims(relationship: "w-buys", knownAt: $knownAt, includeWithdrawn: true) { nodes { id retraction { at by reason } } }
    }`;
    const before = await execute(store, query, { knownAt: "2025-02-15" });
    expect(before.data).toEqual({
      claims: {
        nodes: [
          { id: "w-filing", retraction: null },
          { id: "w-report", retraction: null },
        ],
      },
    });
    const after = await execute(store, query, { knownAt: "2025-03-01" });
    expect((after.data!.claims as { nodes: { retraction: unknown }[] }).nodes[0]!.retraction).toEqual({
      at: "2025-03-01",
      by: "editor",
      reason: "another company's figure",
    });
  });

  it("read analytics as of a record time, with a note where the figure rests on conflicting claims", async () => {
    const query = `query ($knownAt: LocalDate) {
      revenueFlows(company: "m", knownAt: $knownAt) { notes flows { counterpartyId amount { low high } } }
    }`;
    const now = (await execute(store, query)).data!.revenueFlows as { notes: string[] };
    expect(now.notes).toContain(
      "T: the 3 claims on t-buys disagree on the amount (33% apart); the figure spans them all.",
    );
    const earlier = (await execute(store, query, { knownAt: "2024-04-15" })).data!.revenueFlows as {
      notes: string[];
      flows: { counterpartyId: string; amount: { low: number } }[];
    };
    expect(earlier.notes.join(" ")).not.toContain("disagree");
    expect(earlier.flows.find((f) => f.counterpartyId === "x")!.amount.low).toBe(10e6);
  });

  it("refuse a record time that is not a date", async () => {
    const answer = await execute(store, `{ conflicts(knownAt: "2025-02-30") { totalCount } }`);
    expect(answer.errors?.[0]?.message).toMatch(/knownAt|LocalDate|2025-02-30/);
  });
});
