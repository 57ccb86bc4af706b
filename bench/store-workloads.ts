/**
 * Measurements inside this process, on both stores: the nested read executed by graphql-js without
 * HTTP (what the HTTP stack adds is the difference with the peers table), money paths walked level by
 * level against the Cypher pushdown, and risk paths. Each is timed one call after the other and
 * compared with a baseline measured here, in the same run.
 */
import { graphql, type GraphQLSchema } from "graphql";
import { competitiveRiskPaths, flowPaths } from "../src/analytics";
import type { Dataset } from "../src/domain/dataset";
import { createContext } from "../src/graphql/context";
import { loadConfig } from "../src/server/config";
import type { GraphStore } from "../src/store/graph-store";
import type { MemoryStore } from "../src/store/memory/memory-store";
import type { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { measure, type MeasureOptions, type Stats } from "./stats";
import { ms } from "./table";
import { biggestSuppliers, flowPairs, NESTED_QUERY, NESTED_READ, PAGE } from "./workloads";

export interface TimingRow {
  readonly size: number;
  readonly workload: string;
  readonly variant: string;
  readonly stats: Stats;
  /** "baseline", or how this compares with the named baselines. */
  readonly versus: string;
}

export interface StoreContext {
  readonly size: number;
  readonly dataset: Dataset;
  readonly neo4j: Neo4jStore;
  readonly memory: MemoryStore;
  readonly schema: GraphQLSchema;
  readonly budgetMs: number;
}

type Baselines = readonly (readonly [string, Stats])[];

/** Every in-process measurement for one size, in the order they are printed. */
export async function measureStores(ctx: StoreContext): Promise<TimingRow[]> {
  const rows: TimingRow[] = [];
  const record = (workload: string, variant: string, stats: Stats, baselines: Baselines = []): Stats => {
    const row = { size: ctx.size, workload, variant, stats, versus: versus(stats, baselines) };
    rows.push(row);
    console.log(`  ${workload}, ${variant}: median ${ms(stats.median)} ms, p95 ${ms(stats.p95)} ms ${row.versus}`);
    return stats;
  };
  await nestedReadInProcess(ctx, record);
  await moneyPaths(ctx, record);
  await riskPaths(ctx, record);
  return rows;
}

type Recorder = (workload: string, variant: string, stats: Stats, baselines?: Baselines) => Stats;

async function nestedReadInProcess(ctx: StoreContext, record: Recorder): Promise<void> {
  const limits = loadConfig({}).limits;
  const execute = (store: GraphStore) => async () => {
    const contextValue = createContext(store, limits);
    const result = await graphql({
      schema: ctx.schema,
      source: NESTED_QUERY,
      variableValues: { first: PAGE },
      contextValue,
    });
    if (result.errors) throw new Error(`nested read failed: ${JSON.stringify(result.errors)}`);
  };
  const opts: MeasureOptions = { warmup: 10, minRuns: 30, budgetMs: ctx.budgetMs };
  const onMemory = record(NESTED_READ, "graphql-js execute, memory", await measure(execute(ctx.memory), opts));
  record(NESTED_READ, "graphql-js execute, Neo4j", await measure(execute(ctx.neo4j), opts), [["memory", onMemory]]);
}

/** The level-by-level walk against the pushdown, cycling through customer>supplier pairs. */
async function moneyPaths(ctx: StoreContext, record: Recorder): Promise<void> {
  const pairs = await flowPairs(ctx.dataset, ctx.memory, 10);
  if (pairs.length === 0) return;
  const opts: MeasureOptions = { budgetMs: ctx.budgetMs };
  for (const maxDepth of [4, 6]) {
    const input = (i: number) => {
      const [fromId, toId] = pairs[i % pairs.length]!;
      return { fromId, toId, maxDepth, first: 10 };
    };
    const what = `flowPaths depth ${maxDepth}, ${pairs.length} pairs`;
    const walk = record(
      what,
      "walk on Neo4j",
      await measure((i) => flowPaths(ctx.neo4j, input(i), { pushdown: false }), opts),
    );
    const baseline: Baselines = [["walk on Neo4j", walk]];
    record(what, "pushdown on Neo4j", await measure((i) => flowPaths(ctx.neo4j, input(i)), opts), baseline);
    record(what, "walk on memory", await measure((i) => flowPaths(ctx.memory, input(i)), opts), baseline);
  }
}

async function riskPaths(ctx: StoreContext, record: Recorder): Promise<void> {
  const suppliers = biggestSuppliers(ctx.dataset, 8);
  const input = (i: number) => ({ companyId: suppliers[i % suppliers.length]!, maxDepth: 4, first: 10 });
  const what = `riskPaths, ${suppliers.length} top suppliers`;
  const opts: MeasureOptions = { warmup: 8, minRuns: 16, budgetMs: ctx.budgetMs };
  const onMemory = record(what, "memory", await measure((i) => competitiveRiskPaths(ctx.memory, input(i)), opts));
  record(what, "Neo4j", await measure((i) => competitiveRiskPaths(ctx.neo4j, input(i)), opts), [["memory", onMemory]]);
}

function versus(stats: Stats, baselines: Baselines): string {
  if (baselines.length === 0) return "baseline";
  return baselines.map(([name, b]) => `${(stats.median / b.median).toFixed(2)}x ${name}`).join("; ");
}
