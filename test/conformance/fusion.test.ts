import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dataset, parseDataset } from "../../src/domain/dataset";
import type { GraphStore, RelationshipFilter } from "../../src/store/graph-store";
import { NO_HELD_TEXTS, recordBatch } from "../../src/store/record-batch";
import { claimRecord, purchaseOf, sourceRecord, statementOf } from "../helpers/claim-records";
import { monthly } from "../helpers/datasets";
import { execute } from "../helpers/execute";
import { loadedStoreFactories } from "../helpers/stores";

/**
 * Many sources about four purchases from `m`, fused by origin. Every expected figure is worked out
 * by hand from the rules in src/domain/fusion.ts:
 * - a's spend: three rewrites of an unrecorded rumour ("nearly 20M" 18-20M; "about 20M" 19-21M
 *   twice), an article (18-20M, recorded 2025-01-01) later found to repeat the rumour (a derivation
 *   recorded 2025-06-01), and a page in euros;
 * - b's spend: the article's 18-20M against a filing's 24-26M (confidence 0.9 over 0.8), with a
 *   euro page recorded first;
 * - c's spend: a filing's exact 240M a year, the article's 15-25M a month, and a cumulative total;
 * - d's spend: one article claim, retracted on 2025-03-01;
 * - a is a subsidiary of g from a filing recorded on 2025-01-01.
 */
function fusionGraph(): Dataset {
  const source = (id: string, kind: string, derivedFrom: string[] = []) =>
    sourceRecord(id, kind, "2024-01-01", derivedFrom);
  const [evidence, buys, claim] = [statementOf, purchaseOf, claimRecord];
  const yearly = (value: number) => ({ estimate: value, low: value, high: value, qualifier: "EXACT", period: "YEAR" });
  const total = (value: number) => ({ estimate: value, low: value, high: value, qualifier: "EXACT", period: "TOTAL" });
  const euros = { ...monthly(20e6, 19e6, 21e6), currency: "EUR" };
  return parseDataset([
    {
      name: "fusion",
      content: {
        sources: [
          source("rumour", "NEWS"),
          source("copy-a", "NEWS", ["rumour"]),
          source("copy-b", "NEWS", ["rumour"]),
          source("copy-c", "NEWS", ["copy-a"]),
          source("article", "NEWS"),
          source("filing", "FILING"),
          source("euro-page", "NEWS"),
        ],
        evidence: ["copy-a", "copy-b", "copy-c", "article", "filing", "euro-page"].map(evidence),
        companies: ["m", "a", "b", "c", "d", "g"].map((id) => ({ id, name: id.toUpperCase() })),
        products: [{ id: "p", name: "P" }],
        relationships: [...["a", "b", "c", "d"].map(buys), { id: "a-in-g", kind: "SUBSIDIARY_OF", from: "a", to: "g" }],
        claims: [
          claim("a-copy-a", "a-buys", "copy-a", "2024-02-01", { amount: monthly(20e6, 18e6, 20e6), confidence: 0.7 }),
          claim("a-copy-b", "a-buys", "copy-b", "2024-02-01", { amount: monthly(20e6, 19e6, 21e6), confidence: 0.7 }),
          claim("a-copy-c", "a-buys", "copy-c", "2024-02-01", { amount: monthly(20e6, 19e6, 21e6), confidence: 0.6 }),
          claim("a-article", "a-buys", "article", "2025-01-01", { amount: monthly(20e6, 18e6, 20e6), confidence: 0.8 }),
          claim("a-euros", "a-buys", "euro-page", "2024-02-01", { amount: euros, confidence: 0.2 }),
          claim("b-euros", "b-buys", "euro-page", "2024-01-01", { amount: euros, confidence: 0.2 }),
          claim("b-article", "b-buys", "article", "2024-02-01", { amount: monthly(20e6, 18e6, 20e6), confidence: 0.8 }),
          claim("b-filing", "b-buys", "filing", "2024-02-01", { amount: monthly(25e6, 24e6, 26e6), confidence: 0.9 }),
          claim("c-filing", "c-buys", "filing", "2024-02-01", { amount: yearly(240e6), confidence: 1 }),
          claim("c-article", "c-buys", "article", "2024-02-01", {
            amount: monthly(null, 15e6, 25e6, "RANGE"),
            confidence: 0.5,
          }),
          claim("c-total", "c-buys", "copy-a", "2024-02-01", { amount: total(1e9), confidence: 0.9 }),
          claim("d-article", "d-buys", "article", "2024-06-01", { amount: monthly(5e6, 5e6, 5e6, "EXACT") }),
          claim("a-in-g-filing", "a-in-g", "filing", "2025-01-01", { began: "2020-01-01", disclosure: "DISCLOSED" }),
        ],
      },
    },
  ]);
}

const CUSTOMERS: RelationshipFilter = { kinds: ["BUYS_FROM"], direction: "IN" };

/** The derivation of the article from the rumour, learnt on 2025-06-01. */
const lineageBatch = {
  key: "lineage-1",
  by: "editor-1",
  at: "2025-06-01T09:00:00Z",
  retractions: [],
  files: [
    {
      name: "lineage",
      content: {
        derivations: [
          {
            id: "article-repeats-rumour",
            source: "article",
            derivedFrom: "rumour",
            reason: "the same unnamed person and the same figures",
            evidence: ["ev-article"],
            recordedAt: "2025-06-01",
            recordedBy: "editor-1",
          },
        ],
      },
    },
  ],
};

const retractionBatch = {
  key: "retract-d",
  by: "admin-1",
  at: "2025-03-01T09:00:00Z",
  retractions: [{ claimId: "d-article", reason: "another company's spend" }],
  files: [],
};

describe.each(loadedStoreFactories())("claims fused by origin on %s", (_name, load) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await load(fusionGraph());
    await recordBatch(store, retractionBatch, NO_HELD_TEXTS);
    await recordBatch(store, lineageBatch, NO_HELD_TEXTS);
  });
  afterAll(() => store?.close());

  const customersOf = async (filter: Partial<RelationshipFilter> = {}) => {
    const [page] = await store.relationshipsOf(["m"], { ...CUSTOMERS, ...filter }, {});
    return new Map(page!.items.map((r) => [r.from, r]));
  };

  it("hears an origin's copies as one voice that never narrows: the hull of what they say", async () => {
    const a = (await customersOf()).get("a")!;
    // One origin now (the article repeats the rumour): the hull of 18-20M and 19-21M.
    expect(a.amount).toMatchObject({ low: 18e6, high: 21e6, estimate: 20e6, currency: "USD", period: "MONTH" });
    expect(a.agreement).toEqual({
      claims: 5,
      independentOrigins: 2,
      conflicting: false,
      gap: 0,
      dissent: [],
      incomparable: ["a-euros"],
    });
  });

  it("counts a lineage learnt later from its record time on, and the old origins before", async () => {
    const before = (await customersOf({ knownAt: "2025-05-31" })).get("a")!;
    // Before the derivation: the rumour's copies (18-21M) and the article (18-20M) intersect.
    expect(before.amount).toMatchObject({ low: 18e6, high: 20e6 });
    expect(before.agreement.independentOrigins).toBe(3);
    // Three origins: 1 - (1 - 0.7)(1 - 0.8)(1 - 0.2); after, two: 1 - (1 - 0.8)(1 - 0.2).
    expect(before.confidence).toBeCloseTo(1 - 0.3 * 0.2 * 0.8);
    expect((await customersOf()).get("a")!.confidence).toBeCloseTo(1 - 0.2 * 0.8);
    const [article] = await store.sourcesByIds(["article"]);
    expect(article!.derivations).toEqual([
      {
        id: "article-repeats-rumour",
        sourceId: "article",
        derivedFrom: "rumour",
        reason: "the same unnamed person and the same figures",
        evidenceIds: ["ev-article"],
        recordedAt: "2025-06-01",
        recordedBy: "editor-1",
      },
    ]);
  });

  it("serves the weightiest origin when origins conflict, in the currency most weight speaks, and lists the dissent", async () => {
    const b = (await customersOf()).get("b")!;
    expect(b.amount).toMatchObject({ low: 24e6, high: 26e6, estimate: 25e6, currency: "USD" });
    expect(b.agreement).toEqual({
      claims: 3,
      independentOrigins: 3,
      conflicting: true,
      gap: (24e6 - 20e6) / 24e6,
      dissent: ["b-article"],
      incomparable: ["b-euros"],
    });
    expect([...(await customersOf({ conflicting: true })).keys()]).toEqual(["b"]);
  });

  it("puts rates on the weightiest period and never compares a cumulative total with them", async () => {
    const c = (await customersOf()).get("c")!;
    // YEAR weighs 1.0, MONTH 0.5: 15-25M a month is 180-300M a year, which holds 240M.
    expect(c.amount).toMatchObject({ low: 240e6, high: 240e6, period: "YEAR", qualifier: "EXACT" });
    expect(c.agreement).toMatchObject({ conflicting: false, incomparable: ["c-total"], dissent: [] });
  });

  it("keeps a withdrawn relationship for record times before its withdrawal, and none after", async () => {
    expect((await customersOf()).has("d")).toBe(false);
    expect(await store.relationshipsByIds(["d-buys"])).toEqual([null]);
    expect((await store.listRelationships({ kinds: ["BUYS_FROM"] }, {})).items.map((r) => r.id)).not.toContain(
      "d-buys",
    );
    const before = (await customersOf({ knownAt: "2025-02-28" })).get("d")!;
    expect(before.amount).toMatchObject({ low: 5e6, high: 5e6 });
    expect((await customersOf({ knownAt: "2025-03-01" })).has("d")).toBe(false);
    const listed = await store.listRelationships({ kinds: ["BUYS_FROM"], knownAt: "2025-02-28" }, {});
    expect(listed.items.map((r) => r.id)).toEqual(["a-buys", "b-buys", "c-buys", "d-buys"]);
    const answer = await execute(store, RELATIONSHIP_AT, { id: "d-buys", knownAt: "2025-02-28" });
    expect(answer).toEqual({
      data: { then: { id: "d-buys", knownAt: "2025-02-28", amount: { low: 5e6 } }, now: null },
    });
  });

  it("holds one clock for everything nested under the field that sets it", async () => {
    const answer = await execute(store, NESTED_CLOCKS, { knownAt: "2025-05-31" });
    expect(answer.errors).toBeUndefined();
    const flows = (answer.data!.revenueFlows as { flows: { counterparty: { id: string }; relationships: object[] }[] })
      .flows;
    expect(flows.find((f) => f.counterparty.id === "a")!.relationships).toEqual([
      {
        knownAt: "2025-05-31",
        amount: { low: 18e6, high: 20e6 },
        agreement: {
          independentOrigins: 3,
          verdicts: verdicts(["a-article", "a-copy-a", "a-copy-b", "a-copy-c"], "a-euros"),
        },
      },
    ]);
    // d's spend was retracted on 2025-03-01: not a flow at 2025-05-31.
    expect(flows.map((f) => f.counterparty.id).sort()).toEqual(["a", "b", "c"]);
    const company = answer.data!.company as Record<string, unknown>;
    // a became g's subsidiary on the record of 2025-01-01: a parent at 2025-05-31, none at 2024-12-31.
    expect(company).toEqual({
      customers: {
        nodes: [
          { id: "a-buys", knownAt: "2025-05-31", customer: { id: "a", parent: { id: "g" }, before: null } },
          { id: "b-buys", knownAt: "2025-05-31", customer: { id: "b", parent: null, before: null } },
          { id: "c-buys", knownAt: "2025-05-31", customer: { id: "c", parent: null, before: null } },
        ],
      },
    });
  });
});

function verdicts(agreeing: string[], incomparable: string) {
  return [
    ...agreeing.map((claimId) => ({ claimId, verdict: "AGREES" })),
    { claimId: incomparable, verdict: "INCOMPARABLE" },
  ].sort((x, y) => (x.claimId < y.claimId ? -1 : 1));
}

const RELATIONSHIP_AT = `
query At($id: ID!, $knownAt: LocalDate) {
  then: relationship(id: $id, knownAt: $knownAt) { id knownAt amount { low } }
  now: relationship(id: $id) { id }
}`;

const NESTED_CLOCKS = `
query Nested($knownAt: LocalDate!) {
  revenueFlows(company: "m", product: "p", knownAt: $knownAt) {
    flows { counterparty { id } relationships { knownAt amount { low high } agreement { independentOrigins verdicts { claimId verdict } } } }
  }
  company(id: "m") {
    customers(knownAt: $knownAt) { nodes { id knownAt customer { id parent { id } before: parent(knownAt: "2024-12-31") { id } } } }
  }
}`;
