import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { competitiveRiskPaths, FANOUT_CAP } from "../../src/analytics";
import type { RiskPathKind, RiskPathsInput } from "../../src/analytics/risk-paths/risk-path";
import type { Dataset } from "../../src/domain/dataset";
import type { GraphStore, RelationshipRead } from "../../src/store/graph-store";
import { type MemoryStore } from "../../src/store/memory/memory-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { graphKnownAt } from "../../src/store/record-time";
import { generateDataset } from "../../seed/generator";
import { buildDataset, monthly, type RelationshipInput } from "../helpers/datasets";
import { loadBoth } from "../helpers/stores";
import { neo4jTestConfig } from "../helpers/neo4j-server";

const cfg = neo4jTestConfig();

/** Customers a risk search expands at most, counted by hand from the rule (the fan-out cap). */
const BUDGET = 500;

/** Four searches per case, on two stores, over random graphs: minutes on a busy machine. */
const RANDOM_GRAPHS_MS = 600_000;

/** Companies that sell something: the suppliers whose risk paths mean something. */
function sellers(d: Dataset): string[] {
  return [...new Set(d.relationships.filter((r) => r.kind === "BUYS_FROM" && r.productId).map((r) => r.to))].sort();
}

describe.skipIf(!cfg)("risk paths pushed down to Neo4j", () => {
  let neo4j: Neo4jStore;
  /** Statements Neo4j was sent so far, through this connection. */
  let sent = 0;

  beforeAll(async () => {
    neo4j = await Neo4jStore.connect(cfg!, { onQuery: () => void sent++ });
  });
  afterAll(async () => {
    await neo4j?.close();
  });

  /** The same store, recording how many statements each level read (relationshipsOfEach) sent. */
  const spyOnLevels = (inner: GraphStore) => {
    const statementsPerLevel: number[] = [];
    const store = new Proxy(inner, {
      get(target, prop) {
        if (prop === "relationshipsOfEach") {
          return async (reads: readonly RelationshipRead[]) => {
            const before = sent;
            const pages = await target.relationshipsOfEach(reads);
            statementsPerLevel.push(sent - before);
            return pages;
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return { store, statementsPerLevel };
  };

  /** Pushed down on Neo4j, walked on Neo4j, and on the embedded store both ways: one answer. */
  const sameEverywhere = async (memory: MemoryStore, input: RiskPathsInput, knownAt: string | null = null) => {
    const spy = spyOnLevels(neo4j);
    const reference = await competitiveRiskPaths(graphKnownAt(memory, knownAt), input, { pushdown: false });
    const label = JSON.stringify({ ...input, knownAt });
    const pushed = await competitiveRiskPaths(graphKnownAt(spy.store, knownAt), input);
    expect(pushed, label).toEqual(reference);
    expect(await competitiveRiskPaths(graphKnownAt(neo4j, knownAt), input, { pushdown: false }), label).toEqual(
      reference,
    );
    expect(await competitiveRiskPaths(graphKnownAt(memory, knownAt), input), label).toEqual(reference);
    return { reference, statementsPerLevel: spy.statementsPerLevel };
  };

  it(
    "on random graphs, the pushed-down search finds the walk's paths and coverage, one statement per level",
    async () => {
      const levels: number[] = [];
      let withPaths = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 ** 30 }),
          fc.integer({ min: 20, max: 120 }),
          async (seed, size) => {
            const dataset = generateDataset({ seed, companies: size });
            const memory = await loadBoth(neo4j, dataset);
            const suppliers = fc.sample(fc.constantFrom(...sellers(dataset)), { numRuns: 4, seed });
            const someKinds = fc.sample(
              fc.subarray<RiskPathKind>(["CUSTOMER_BUILDS_COMPETING", "TERMS_CONFLICT", "UPSTREAM_SELLS_DIRECT"], {
                minLength: 1,
              }),
              { numRuns: 1, seed },
            )[0]!;
            for (const companyId of new Set(suppliers)) {
              for (const maxDepth of [2, 4, 6]) {
                for (const asOf of [null, "2024-06-01"]) {
                  const { reference, statementsPerLevel } = await sameEverywhere(memory, {
                    companyId,
                    maxDepth,
                    asOf,
                    first: 50,
                  });
                  levels.push(...statementsPerLevel);
                  if (reference.totalCount > 0) withPaths++;
                }
              }
              await sameEverywhere(memory, { companyId, maxDepth: 4, kinds: someKinds, first: 50 });
              // At a record time the relationships are remade from their claims, level by level as well.
              await sameEverywhere(memory, { companyId, maxDepth: 4, first: 50 }, "2025-02-20");
            }
          },
        ),
        { numRuns: 4, seed: Number(process.env.FC_SEED ?? 20_241_128), endOnFailure: true },
      );
      // The comparison means something only if levels were read and paths were found.
      expect(levels.length).toBeGreaterThan(50);
      expect(levels.every((statements) => statements === 1)).toBe(true);
      expect(withPaths).toBeGreaterThan(20);
    },
    RANDOM_GRAPHS_MS,
  );

  it("at a hub, both searches explore the same customers by revenue and say the same about what they left out", async () => {
    // BUDGET + 5 customers of one product, each spending more than the last; the biggest, c504,
    // competes with more companies than a node's read holds, and buys from one of the supplier's rivals.
    const customers = Array.from({ length: BUDGET + 5 }, (_, i) => `c${i}`);
    const rivals = Array.from({ length: FANOUT_CAP + 2 }, (_, i) => `x${i}`);
    const spend = (i: number) => monthly(1000 + i, 1000 + i, 1000 + i, "EXACT");
    const relationships: RelationshipInput[] = [
      { id: "s-offers-p", kind: "OFFERS", from: "s", to: "p" },
      ...customers.map((c, i) => ({
        id: `${c}-buys-p`,
        kind: "BUYS_FROM",
        from: c,
        to: "s",
        product: "p",
        amount: spend(i),
      })),
      ...rivals.map((x) => ({ id: `c504-competes-${x}`, kind: "COMPETES_WITH", from: "c504", to: x })),
      { id: "x0-competes-s", kind: "COMPETES_WITH", from: "x0", to: "s" },
      { id: "x0-offers-q", kind: "OFFERS", from: "x0", to: "q" },
      { id: "c504-buys-q", kind: "BUYS_FROM", from: "c504", to: "x0", product: "q" },
      // The smallest customers are left out: what they do is not searched.
      { id: "c0-competes-s", kind: "COMPETES_WITH", from: "c0", to: "s" },
    ];
    const dataset = buildDataset({
      companies: ["s", ...customers, ...rivals],
      products: [{ id: "p" }, { id: "q" }],
      relationships,
    });
    const memory = await loadBoth(neo4j, dataset);
    for (const maxDepth of [2, 4]) {
      const { reference, statementsPerLevel } = await sameEverywhere(memory, { companyId: "s", maxDepth, first: 20 });
      expect(reference.coverage).toMatchObject({ customersExplored: BUDGET, customersTotal: BUDGET + 5 });
      expect(reference.coverage.reason).toContain("Explored the 500 customers that carry the most revenue");
      // Its 502 competitors, its purchase of p and its purchase from x0.
      expect(reference.coverage.reason).toContain("C504 (500 of 504 outgoing)");
      expect(reference.paths.some((p) => p.customerId === "c0")).toBe(false);
      expect(statementsPerLevel.every((statements) => statements === 1)).toBe(true);
    }
  }, 120_000);
});
