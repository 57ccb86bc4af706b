import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSupplierMatrix } from "../../src/analytics/buyer-supplier-matrix";
import { competitiveRiskPaths, flowPaths, revenueFlows } from "../../src/analytics";
import { relationshipGraph } from "../../src/analytics/relationship-graph";
import { GRAPH_DEPTH, PATH_DEPTH, PATH_FIRST } from "../../src/domain/bounds";
import { type Dataset, parseDataset } from "../../src/domain/dataset";
import type { Relationship, RelationshipStatus } from "../../src/domain/entities";
import { UNBOUNDED } from "../../src/domain/interval";
import { moneyEnds } from "../../src/domain/money-flow";
import { inForce, isValidAt } from "../../src/domain/validity";
import type { GraphStore } from "../../src/store/graph-store";
import { buildDataset, monthly, type RelationshipInput } from "../helpers/datasets";
import { execute } from "../helpers/execute";
import { refusalOf } from "../helpers/refusals";
import { loadedStoreFactories } from "../helpers/stores";

/*
 * Each rule of the domain has one definition (src/domain) and, on Neo4j, one Cypher spelling
 * (src/store/neo4j/cypher-rules.ts). These tests run every rule through the public analytics and the
 * store port on every store, so the two spellings cannot drift apart unnoticed.
 */

const STORES = loadedStoreFactories();

function withStore(dataset: () => Dataset, load: (d: Dataset) => Promise<GraphStore>): () => GraphStore {
  let store: GraphStore;
  beforeAll(async () => {
    store = await load(dataset());
  });
  afterAll(() => store?.close());
  return () => store;
}

// ---------------------------------------------------------------------------------------------
// When a relationship is in force.

const VALIDITY_CASES: { status: RelationshipStatus; validFrom?: string; validTo?: string }[] = [
  { status: "CURRENT" },
  { status: "CURRENT", validFrom: "2024-01-01" },
  { status: "CURRENT", validTo: "2023-12-31" },
  { status: "REPORTED", validFrom: "2023-01-01", validTo: "2023-12-31" },
  { status: "FORMER" },
  { status: "FORMER", validTo: "2024-12-31" },
  { status: "PLANNED" },
  { status: "PLANNED", validFrom: "2025-01-01" },
];
const DAYS = [null, "2023-06-01", "2024-06-01", "2025-06-01"];

/** One customer/supplier pair per validity case: `buyer-i` BUYS_FROM `seller-i`. */
function validityGraph(): Dataset {
  return buildDataset({
    companies: VALIDITY_CASES.flatMap((_, i) => [`buyer-${i}`, `seller-${i}`]),
    products: [{ id: "service" }],
    relationships: VALIDITY_CASES.map((c, i) => ({
      id: `case-${i}`,
      kind: "BUYS_FROM",
      from: `buyer-${i}`,
      to: `seller-${i}`,
      product: "service",
      amount: monthly(10, 10, 10, "EXACT"),
      ...c,
    })),
  });
}

const asRelationship = (i: number): Relationship => validityGraph().relationships[i]!;

// ---------------------------------------------------------------------------------------------
// Which way money flows: investor -> company -> supplier -> revenue-share beneficiary.

function moneyGraph(): Dataset {
  return buildDataset({
    companies: ["fund", "maker", "cloud", "lab"],
    products: [{ id: "compute" }],
    relationships: [
      { id: "fund-invests", kind: "INVESTS_IN", from: "fund", to: "maker" },
      { id: "maker-buys", kind: "BUYS_FROM", from: "maker", to: "cloud", product: "compute" },
      // The lab takes a share of the cloud's revenue: the cloud pays the lab, against the arrow.
      { id: "lab-share", kind: "TAKES_REVENUE_SHARE", from: "lab", to: "cloud" },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// What a parent company is.

function ownershipGraph(): Dataset {
  const buys = (from: string): RelationshipInput => ({
    id: `${from}-buys`,
    kind: "BUYS_FROM",
    from,
    to: "vendor",
    product: "service",
    amount: monthly(5, 5, 5, "EXACT"),
  });
  return buildDataset({
    companies: ["vendor", "alpha", "planned-owner", "former-owner", "beta", "beta-parent", "beta-top"],
    products: [{ id: "service" }],
    relationships: [
      buys("alpha"),
      buys("beta"),
      { id: "alpha-planned", kind: "SUBSIDIARY_OF", from: "alpha", to: "planned-owner", status: "PLANNED" },
      {
        id: "alpha-former",
        kind: "SUBSIDIARY_OF",
        from: "alpha",
        to: "former-owner",
        status: "FORMER",
        validFrom: "2015-01-01",
        validTo: "2019-12-31",
      },
      { id: "beta-sub", kind: "SUBSIDIARY_OF", from: "beta", to: "beta-parent" },
      { id: "beta-parent-sub", kind: "SUBSIDIARY_OF", from: "beta-parent", to: "beta-top" },
      // Both would-be group tops compete with the vendor: only a real parent makes that a risk path.
      { id: "planned-competes", kind: "COMPETES_WITH", from: "planned-owner", to: "vendor" },
      { id: "beta-top-competes", kind: "COMPETES_WITH", from: "beta-top", to: "vendor" },
    ],
  });
}

const PARENTS_QUERY = `query Parents($asOf: LocalDate) {
  alpha: company(id: "alpha") { parent(asOf: $asOf) { id } ultimateParent(asOf: $asOf) { id } }
  beta: company(id: "beta") { parent(asOf: $asOf) { id } ultimateParent(asOf: $asOf) { id } }
}`;

describe.each(STORES)("rules with one home (%s store)", (_name, load) => {
  describe("in force: domain/validity.ts, and IN_FORCE / VALID_AT on Neo4j", () => {
    const store = withStore(validityGraph, load);

    it("money paths and revenue flows count a relationship exactly when it is in force", async () => {
      for (const [i] of VALIDITY_CASES.entries()) {
        for (const asOf of DAYS) {
          const expected = inForce(asRelationship(i), asOf) ? 1 : 0;
          const ends = { fromId: `buyer-${i}`, toId: `seller-${i}`, asOf };
          const context = { case: VALIDITY_CASES[i], asOf };
          expect({ ...context, paths: (await flowPaths(store(), ends)).totalCount }).toEqual({
            ...context,
            paths: expected,
          });
          const walked = await flowPaths(store(), ends, { pushdown: false });
          expect({ ...context, walked: walked.totalCount }).toEqual({ ...context, walked: expected });
          const flows = await revenueFlows(store(), { companyId: `seller-${i}`, asOf });
          expect({ ...context, flows: flows.flows.length }).toEqual({ ...context, flows: expected });
          // A store's own path search must apply the rule itself: flowPaths re-checks its answer and
          // would quietly walk instead, hiding a wrong store-side rule.
          if (store().findMoneyPaths) {
            const search = await store().findMoneyPaths!({ ...ends, maxDepth: 1, limit: 10, fanoutCap: 10 });
            expect({ ...context, search }).toEqual({
              ...context,
              search: { complete: true, paths: expected ? [[`case-${i}`]] : [] },
            });
          }
        }
      }
    });

    it("relationship lists filtered by asOf keep a relationship exactly when asOf is within its window", async () => {
      for (const [i] of VALIDITY_CASES.entries()) {
        for (const asOf of DAYS) {
          const [page] = await store().relationshipsOf([`buyer-${i}`], { asOf }, {});
          const context = { case: VALIDITY_CASES[i], asOf };
          const expected = isValidAt(asRelationship(i), asOf) ? 1 : 0;
          expect({ ...context, kept: page!.totalCount }).toEqual({ ...context, kept: expected });
        }
      }
    });
  });

  describe("money direction: domain/money-flow.ts", () => {
    const store = withStore(moneyGraph, load);

    it("follows BUYS_FROM and INVESTS_IN with the arrow and TAKES_REVENUE_SHARE against it", async () => {
      for (const pushdown of [true, false]) {
        const report = await flowPaths(store(), { fromId: "fund", toId: "lab" }, { pushdown });
        expect(report.paths.map((p) => p.nodeIds)).toEqual([["fund", "maker", "cloud", "lab"]]);
        const path = report.paths[0]!;
        path.hops.forEach((hop, i) => {
          expect(moneyEnds({ kind: hop.kind, from: hop.from, to: hop.to })).toEqual({
            payer: path.nodeIds[i],
            payee: path.nodeIds[i + 1],
          });
        });
        expect(path.hops.map((h) => h.traversal)).toEqual(["FORWARD", "FORWARD", "BACKWARD"]);
        expect((await flowPaths(store(), { fromId: "lab", toId: "fund" }, { pushdown })).totalCount).toBe(0);
      }
    });
  });

  describe("the parent rule and its one walker: domain/groups.ts", () => {
    const store = withStore(ownershipGraph, load);

    it("Company.parent and ultimateParent count only an owner in force, planned and former ones not", async () => {
      const today = await execute(store(), PARENTS_QUERY, {});
      expect(today.errors).toBeUndefined();
      expect(today.data).toEqual({
        alpha: { parent: null, ultimateParent: { id: "alpha" } },
        beta: { parent: { id: "beta-parent" }, ultimateParent: { id: "beta-top" } },
      });
      // In 2018 the former owner still owned alpha.
      const in2018 = await execute(store(), PARENTS_QUERY, { asOf: "2018-06-01" });
      expect(in2018.data?.alpha).toEqual({ parent: { id: "former-owner" }, ultimateParent: { id: "former-owner" } });
    });

    it("group roll-ups and risk paths climb the same groups", async () => {
      const rolled = await revenueFlows(store(), { companyId: "vendor", rollUpGroups: true });
      expect(rolled.flows.map((f) => f.counterpartyId).sort()).toEqual(["alpha", "beta-top"]);
      const in2018 = await revenueFlows(store(), { companyId: "vendor", rollUpGroups: true, asOf: "2018-06-01" });
      expect(in2018.flows.map((f) => f.counterpartyId).sort()).toEqual(["beta-top", "former-owner"]);

      const risks = await competitiveRiskPaths(store(), { companyId: "vendor", kinds: ["CUSTOMER_BUILDS_COMPETING"] });
      expect(risks.paths.map((p) => p.nodeIds)).toEqual([["vendor", "beta", "beta-parent", "beta-top"]]);
    });
  });

  describe("dates and bounds: domain/dates.ts and domain/bounds.ts", () => {
    const store = withStore(moneyGraph, load);

    it("refuses a date that is not in the calendar everywhere a date is taken, and accepts a leap day", async () => {
      const asOf = "2024-02-30";
      const calls: Promise<unknown>[] = [
        revenueFlows(store(), { companyId: "cloud", asOf }),
        flowPaths(store(), { fromId: "fund", toId: "lab", asOf }),
        competitiveRiskPaths(store(), { companyId: "cloud", asOf }),
        relationshipGraph(store(), { centers: ["cloud"], asOf }),
        buyerSupplierMatrix(store(), { companies: ["maker", "cloud"], asOf }),
      ];
      for (const call of calls)
        expect((await refusalOf(call)).message).toMatch(/asOf must be a date such as 2024-03-31/);
      expect((await revenueFlows(store(), { companyId: "cloud", asOf: "2024-02-29" })).asOf).toBe("2024-02-29");
    });

    it("takes every depth within the bounds and refuses one beyond them with the range named", async () => {
      const ends = { fromId: "fund", toId: "lab" };
      expect((await flowPaths(store(), { ...ends, maxDepth: PATH_DEPTH.max })).totalCount).toBe(1);
      expect((await flowPaths(store(), { ...ends, maxDepth: PATH_DEPTH.min })).totalCount).toBe(0);
      const tooDeep = await refusalOf(flowPaths(store(), { ...ends, maxDepth: PATH_DEPTH.max + 1 }));
      expect(tooDeep.message).toMatch(`maxDepth must be an integer between ${PATH_DEPTH.min} and ${PATH_DEPTH.max}`);
      const tooMany = await refusalOf(competitiveRiskPaths(store(), { companyId: "cloud", first: PATH_FIRST.max + 1 }));
      expect(tooMany.message).toMatch(`first must be an integer between ${PATH_FIRST.min} and ${PATH_FIRST.max}`);
      await refusalOf(relationshipGraph(store(), { centers: ["cloud"], depth: GRAPH_DEPTH.max + 1 }));
    });
  });

  describe("no upper bound: Infinity inside, null outside (domain/interval.ts)", () => {
    const store = withStore(
      () =>
        buildDataset({
          companies: ["buyer", "seller"],
          products: [{ id: "service" }],
          relationships: [
            {
              id: "open-ended",
              kind: "BUYS_FROM",
              from: "buyer",
              to: "seller",
              product: "service",
              amount: monthly(null, 1_000_000, null, "AT_LEAST"),
            },
          ],
        }),
      load,
    );

    it("reads back an open upper bound as unbounded and serves it as null", async () => {
      const [stored] = await store().relationshipsByIds(["open-ended"]);
      expect(stored!.amount!.high).toBe(UNBOUNDED);
      const answer = await execute(
        store(),
        `{ company(id: "seller") { customers { nodes { spend { low high qualifier } } } } }`,
      );
      expect(answer.data).toEqual({
        company: { customers: { nodes: [{ spend: { low: 1_000_000, high: null, qualifier: "AT_LEAST" } }] } },
      });
    });
  });

  describe("self-loops: domain/entities.ts selfLoopProblem", () => {
    const store = withStore(moneyGraph, load);

    it("refuses a relationship from a node to itself with the same words, and writes nothing", async () => {
      const before = await store().counts();
      const dataset = moneyGraph();
      const loop = { ...dataset.relationships[0]!, id: "fund-loop", to: "fund" };
      const error = await refusalOf(store().load({ ...dataset, relationships: [...dataset.relationships, loop] }));
      expect(error.message).toBe("cannot load: relationship 'fund-loop' connects 'fund' to itself");
      expect(await store().counts()).toEqual(before);
    });
  });
});

describe("self-loops in dataset files", () => {
  it("are refused by the loader with the rule's words", () => {
    expect(() =>
      parseDataset([
        {
          name: "loop.json",
          content: {
            companies: [{ id: "solo", name: "Solo" }],
            sources: [{ id: "s", kind: "NEWS", title: "S", publishedOn: "2025-01-01", language: "en" }],
            evidence: [
              {
                ...{ id: "e", source: "s", kind: "STATEMENT", quote: "q", locator: "p. 1", gloss: "g" },
                ...{ refersTo: { label: "x" }, disclosure: "REPORTED" },
              },
            ],
            relationships: [{ id: "solo-loop", kind: "PARTNERS_WITH", from: "solo", to: "solo" }],
            claims: [
              {
                ...{ id: "c", relationship: "solo-loop", source: "s", disclosure: "REPORTED", evidence: ["e"] },
                ...{ recordedAt: "2025-01-01", recordedBy: "test" },
              },
            ],
          },
        },
      ]),
    ).toThrow(/relationship 'solo-loop' connects 'solo' to itself/);
  });
});
