import fc from "fast-check";
import { getNamedType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flowPaths } from "../../src/analytics";
import type { Dataset } from "../../src/domain/dataset";
import { getSchema } from "../../src/server/schema";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { generateDataset } from "../../seed/generator";
import {
  CHURN_QUERY,
  CONCENTRATION_QUERY,
  FLOW_PATHS_QUERY,
  RELATIONSHIP_GRAPH_QUERY,
  REVENUE_FLOWS_QUERY,
  RISK_PATHS_DEFAULT_QUERY,
  RISK_PATHS_QUERY,
} from "../helpers/analytics-queries";
import { execute } from "../helpers/execute";
import { moneyReach, spyOnMoneyPaths } from "../helpers/money-paths";
import { neo4jTestConfig } from "../helpers/neo4j-server";

const SEED = 20_241_128;
const COMPANIES = 10_000;
const cfg = neo4jTestConfig();

/** The biggest suppliers by number of distinct customers, most first. */
function biggestSuppliers(d: Dataset, n: number): string[] {
  const customers = new Map<string, Set<string>>();
  for (const r of d.relationships) {
    if (r.kind === "BUYS_FROM") customers.set(r.to, (customers.get(r.to) ?? new Set()).add(r.from));
  }
  return [...customers.entries()]
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}

describe.skipIf(!cfg)(
  `${COMPANIES.toLocaleString("en")} companies: Neo4j and the embedded store give identical analytics`,
  () => {
    let dataset: Dataset;
    let memory: MemoryStore;
    let neo4j: Neo4jStore;
    let companies: string[];
    let sampled: string[];
    let compared = 0;
    let started = 0;

    /** Runs one query on both stores and requires the same JSON; returns the embedded store's answer. */
    const same = async (query: string, vars: Record<string, unknown>) => {
      const expected = await execute(memory, query, vars);
      expect(expected.errors, JSON.stringify(vars)).toBeUndefined();
      expect(await execute(neo4j, query, vars), `${query.trim().split("\n")[0]} ${JSON.stringify(vars)}`).toEqual(
        expected,
      );
      compared++;
      return expected.data!;
    };

    beforeAll(async () => {
      started = Date.now();
      dataset = generateDataset({ seed: SEED, companies: COMPANIES });
      memory = new MemoryStore();
      await memory.load(dataset);
      neo4j = await Neo4jStore.connect(cfg!);
      await neo4j.clear();
      // One batched UNWIND load (see Neo4jStore.load).
      await neo4j.load(dataset);
      const biggest = biggestSuppliers(dataset, 5);
      const rest = dataset.companies.map((c) => c.id).filter((id) => !biggest.includes(id));
      sampled = [...new Set(fc.sample(fc.constantFrom(...rest), { numRuns: 40, seed: SEED }))].slice(0, 10);
      companies = [...biggest, ...sampled];
    }, 600_000);

    afterAll(async () => {
      await neo4j?.close();
      if (compared > 0)
        console.log(
          `[agreement] ${compared} identical answers on ${COMPANIES} companies in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
    });

    it("holds the same graph in both stores", async () => {
      expect(companies).toHaveLength(15);
      expect(await neo4j.counts()).toEqual(await memory.counts());
    });

    it("revenue flows and customer concentration", async () => {
      for (const id of companies) {
        for (const asOf of [null, "2024-06-01"]) {
          await same(REVENUE_FLOWS_QUERY, { id, asOf, direction: "IN", rollUp: false });
          await same(REVENUE_FLOWS_QUERY, { id, asOf, direction: "IN", rollUp: true });
          await same(REVENUE_FLOWS_QUERY, { id, asOf, direction: "OUT", rollUp: false });
          await same(CONCENTRATION_QUERY, { id, asOf, rollUp: false, threshold: 0.1 });
          await same(CONCENTRATION_QUERY, { id, asOf, rollUp: true, threshold: 0.25 });
        }
      }
    }, 300_000);

    it("competitive risk paths, with default arguments and maxDepth 5", async () => {
      const kinds = new Set<string>();
      for (const id of companies) {
        await same(RISK_PATHS_DEFAULT_QUERY, { id });
        const { competitiveRiskPaths } = (await same(RISK_PATHS_QUERY, { id, asOf: null, maxDepth: 5, first: 50 })) as {
          competitiveRiskPaths: { paths: { kind: string }[] };
        };
        for (const p of competitiveRiskPaths.paths) kinds.add(p.kind);
        await same(RISK_PATHS_QUERY, { id, asOf: "2024-06-01", maxDepth: 5, first: 50 });
      }
      // Several kinds of path were found, so the comparison covered more than empty reports.
      expect(kinds.size, [...kinds].join(", ")).toBeGreaterThanOrEqual(2);
    }, 300_000);

    it("churn simulations, losing the biggest customers", async () => {
      let simulated = 0;
      for (const id of companies) {
        const { revenueFlows } = (await same(REVENUE_FLOWS_QUERY, {
          id,
          asOf: null,
          direction: "IN",
          rollUp: false,
        })) as {
          revenueFlows: { flows: { counterpartyId: string }[] };
        };
        const customers = revenueFlows.flows.map((f) => f.counterpartyId);
        if (customers.length === 0) continue;
        await same(CHURN_QUERY, { id, asOf: null, rollUp: false, lost: customers.slice(0, 1) });
        await same(CHURN_QUERY, { id, asOf: null, rollUp: true, lost: customers.slice(0, 3) });
        simulated++;
      }
      expect(simulated).toBeGreaterThanOrEqual(5);
    }, 300_000);

    it("relationship graphs around each company", async (ctx) => {
      const query = (await getSchema()).getQueryType()!.getFields().relationshipGraph;
      if (!query || !isObjectType(getNamedType(query.type))) ctx.skip();
      for (const id of companies) {
        await same(RELATIONSHIP_GRAPH_QUERY, { centers: [id], depth: 2, asOf: null, limit: 200 });
        await same(RELATIONSHIP_GRAPH_QUERY, { centers: [id], depth: 1, asOf: "2024-06-01", limit: 50 });
      }
    }, 300_000);

    it("money paths between customers and suppliers, where there are some and where there are none", async () => {
      const spy = spyOnMoneyPaths(neo4j);
      let withPaths = 0;
      let without = 0;
      const pairs: [string, string][] = [];
      for (const from of sampled) {
        const reach = [...moneyReach(dataset, from, 4).entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
        // A direct supplier, one two hops away and the farthest one reached.
        for (const hops of [1, 2, 4]) {
          const target = reach.find(([, h]) => h === hops) ?? reach.at(-1);
          if (target) pairs.push([from, target[0]]);
        }
        // Suppliers do not pay their customers, and a customer rarely pays another customer.
        pairs.push([companies[0]!, from], [from, sampled[(sampled.indexOf(from) + 1) % sampled.length]!]);
      }
      const distinct = [...new Set(pairs.map((p) => p.join(" ")))].map((p) => p.split(" ") as [string, string]);
      for (const [from, to] of distinct) {
        if (from === to) continue;
        for (const asOf of [null, "2024-06-01"]) {
          for (const maxDepth of [4, 6]) {
            const { flowPaths: report } = (await same(FLOW_PATHS_QUERY, { from, to, asOf, maxDepth, first: 50 })) as {
              flowPaths: { totalCount: number };
            };
            if (report.totalCount > 0) withPaths++;
            else without++;
            // The pushdown against the walk on the same store, outside GraphQL.
            const input = { fromId: from, toId: to, asOf, maxDepth, first: 50 };
            expect(await flowPaths(spy.store, input), JSON.stringify(input)).toEqual(
              await flowPaths(neo4j, input, { pushdown: false }),
            );
            compared++;
          }
        }
      }
      expect(withPaths).toBeGreaterThanOrEqual(10);
      expect(without).toBeGreaterThanOrEqual(10);
      expect(spy.outcomes.length).toBe(withPaths + without);
      expect(spy.outcomes.every((o) => o === "complete")).toBe(true);
    }, 300_000);
  },
);
