/**
 * `npm run bench`: generated graphs in both stores, timed against baselines measured in the same
 * run (raw driver Cypher, in-process graphql-js, the level-by-level walk, the embedded store),
 * because absolute times differ between machines and only the ratios carry over.
 *
 * Neo4j: a private server in a temporary folder, stopped at the end; or NEO4J_URI (with
 * NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE) when NEO4J_BENCH_ALLOW_CLEAR=1, because the
 * benchmark clears that database. BENCH_SIZES=1000,10000 picks the graph sizes.
 */
import "reflect-metadata";
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import { graphql, type GraphQLSchema } from "graphql";
import neo4jDriver, { type Driver } from "neo4j-driver";
import { competitiveRiskPaths, flowPaths } from "../src/analytics";
import type { Dataset } from "../src/domain/dataset";
import { moneyReach } from "../test/helpers/money-paths";
import { createContext } from "../src/graphql/context";
import { startHttpServer } from "../src/server/app";
import { type Config, loadConfig } from "../src/server/config";
import { createLogger } from "../src/server/logger";
import { getSchema } from "../src/server/schema";
import type { GraphStore } from "../src/store/graph-store";
import { MemoryStore } from "../src/store/memory/memory-store";
import type { Neo4jConfig } from "../src/store/neo4j/neo4j-config";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { generateDataset } from "../seed/generator";
import { startScratchNeo4j } from "../neo4j/scratch";

const SEED = 20_241_128;
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map((s) => Number(s.trim()));
const PAGE = 20;

// ---------------------------------------------------------------------------------------------
// Timing

interface Stats {
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly opsPerSec: number;
}

interface MeasureOptions {
  readonly warmup?: number;
  readonly minRuns?: number;
  readonly maxRuns?: number;
  /** Stop adding runs (after minRuns) once this much time went into the measured runs. */
  readonly budgetMs?: number;
}

async function measure(fn: (i: number) => Promise<unknown>, opts: MeasureOptions = {}): Promise<Stats> {
  const { warmup = 5, minRuns = 10, maxRuns = 200, budgetMs = 4_000 } = opts;
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < maxRuns && (i < minRuns || spent < budgetMs); i++) {
    const t0 = process.hrtime.bigint();
    await fn(warmup + i);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    samples.push(ms);
    spent += ms;
  }
  return statsOf(samples);
}

function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { runs: sorted.length, median, p95: at(0.95), opsPerSec: 1000 / mean };
}

interface Row {
  readonly graph: string;
  readonly workload: string;
  readonly variant: string;
  readonly stats: Stats;
  /** "baseline", or how this compares with the named baselines. */
  readonly versus: string;
}

const rows: Row[] = [];

function record(
  graph: string,
  workload: string,
  variant: string,
  stats: Stats,
  baselines: readonly (readonly [string, Stats])[] = [],
): Stats {
  const versus =
    baselines.length === 0
      ? "baseline"
      : baselines.map(([name, b]) => `${(stats.median / b.median).toFixed(2)}x ${name}`).join("; ");
  rows.push({ graph, workload, variant, stats, versus });
  process.stdout.write(
    `  ${workload}, ${variant}: median ${fmt(stats.median)} ms, p95 ${fmt(stats.p95)} ms (${stats.runs} runs) ${versus}\n`,
  );
  return stats;
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function printTable(title: string, header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const numeric = (i: number) => body.every((r) => /^[\d.]+$/.test(r[i]!));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of body) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------
// Workloads

const NESTED_QUERY = `
query Nested($first: Int!) {
  companies(first: $first) {
    nodes {
      id name
      customers(first: 10) {
        nodes {
          spend { low high }
          customer {
            id name
            suppliers(first: 10) { nodes { spend { low high } supplier { id name } } }
          }
        }
      }
    }
  }
}`;

/**
 * The same data as NESTED_QUERY straight from the driver: the floor for any API over this graph.
 * Only the benchmark writes Cypher outside the Neo4j adapter, precisely to have that floor.
 */
const NESTED_CYPHER = `
MATCH (c:Company) WITH c ORDER BY c.id LIMIT $first
CALL (c) {
  OPTIONAL MATCH (cust)-[b:BUYS_FROM]->(c)
  WITH cust, b ORDER BY b.id LIMIT 10
  CALL (cust) {
    OPTIONAL MATCH (cust)-[s:BUYS_FROM]->(sup)
    WITH s, sup ORDER BY s.id LIMIT 10
    RETURN collect({low: s.amountLow, high: s.amountHigh, supplier: {id: sup.id, name: sup.name}}) AS suppliers
  }
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE {low: b.amountLow, high: b.amountHigh, customer: {id: cust.id, name: cust.name, suppliers: suppliers}} END) AS customers
}
RETURN c.id AS id, c.name AS name, customers`;

interface NestedCompany {
  id: string;
  customers: { nodes: { customer: { id: string; suppliers: { nodes: { supplier: { id: string } }[] } } }[] };
}

/** Ids the nested read returns, in order, so that the GraphQL and Cypher answers can be checked equal. */
function idsOfGraphQL(data: { companies: { nodes: NestedCompany[] } }): string {
  return data.companies.nodes
    .map((c) =>
      [
        c.id,
        ...c.customers.nodes.map((n) =>
          [n.customer.id, ...n.customer.suppliers.nodes.map((s) => s.supplier.id)].join(","),
        ),
      ].join("|"),
    )
    .join("\n");
}

function idsOfCypher(
  records: { id: string; customers: { customer: { id: string; suppliers: { supplier: { id: string } }[] } }[] }[],
): string {
  return records
    .map((c) =>
      [
        c.id,
        ...c.customers.map((n) => [n.customer.id, ...n.customer.suppliers.map((s) => s.supplier.id)].join(",")),
      ].join("|"),
    )
    .join("\n");
}

/** Customer/supplier pairs joined by money paths of several hops, found on the embedded store. */
async function flowPairs(d: Dataset, memory: GraphStore, count: number): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  const customers = d.companies.slice(Math.floor(d.companies.length / 10));
  for (let i = 0; pairs.length < count && i < customers.length; i += 37) {
    const from = customers[i]!.id;
    const far = [...moneyReach(d, from, 4).entries()]
      .filter(([, h]) => h >= 2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [to] of far.slice(0, 1)) {
      if ((await flowPaths(memory, { fromId: from, toId: to, maxDepth: 6 })).totalCount > 0) pairs.push([from, to]);
    }
  }
  return pairs;
}

function biggestSuppliers(d: Dataset, n: number): string[] {
  const customers = new Map<string, number>();
  for (const r of d.relationships) if (r.kind === "BUYS_FROM") customers.set(r.to, (customers.get(r.to) ?? 0) + 1);
  return [...customers.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([id]) => id);
}

// ---------------------------------------------------------------------------------------------
// Memory

const gc: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

function settledMemory(): NodeJS.MemoryUsage {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** What an embedded store holding the graph costs, measured before anything else fills the heap. */
async function memoryFootprint(size: number): Promise<string[][]> {
  const before = settledMemory();
  // Released when this function returns, before the other measurements start.
  const store = new MemoryStore();
  const t0 = performance.now();
  await store.load(generateDataset({ seed: SEED, companies: size }));
  const generatedAndLoaded = performance.now() - t0;
  const after = settledMemory();
  const counts = await store.counts();
  return [
    [label(size), "memory store: heap used by the loaded graph", mb(after.heapUsed - before.heapUsed)],
    [label(size), "memory store: RSS growth / RSS total", `${mb(after.rss - before.rss)} / ${mb(after.rss)}`],
    [
      label(size),
      "memory store: generate + load",
      `${generatedAndLoaded.toFixed(0)} ms (${counts.relationships} relationships, ${counts.evidence} evidence)`,
    ],
  ];
}

const label = (size: number) => `${size.toLocaleString("en")} companies`;

// ---------------------------------------------------------------------------------------------

async function benchSize(
  size: number,
  neo4j: Neo4jStore,
  driver: Driver,
  cfg: Neo4jConfig,
  schema: GraphQLSchema,
  loads: string[][],
): Promise<void> {
  const g = label(size);
  console.log(`\n== ${g} ==`);
  const dataset = generateDataset({ seed: SEED, companies: size });
  const memory = new MemoryStore();
  await memory.load(dataset);

  // (e) the batched UNWIND load, into an empty database each time.
  const loadTimes: number[] = [];
  for (let i = 0; i < (size >= 10_000 ? 2 : 3); i++) {
    await neo4j.clear();
    const t0 = performance.now();
    await neo4j.load(dataset);
    loadTimes.push(performance.now() - t0);
  }
  const load = statsOf(loadTimes);
  const memLoadTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = new MemoryStore();
    const t0 = performance.now();
    await fresh.load(dataset);
    memLoadTimes.push(performance.now() - t0);
  }
  const memLoad = statsOf(memLoadTimes);
  loads.push([
    g,
    "Neo4j load (batched UNWIND, one transaction)",
    `median ${fmt(load.median)} ms over ${load.runs} loads into an empty database (${dataset.companies.length + dataset.products.length} nodes, ${dataset.relationships.length} relationships, ${dataset.evidence.length} evidence, ${dataset.metrics.length} metrics); memory store: ${fmt(memLoad.median)} ms`,
  ]);
  console.log(`  Neo4j load: ${fmt(load.median)} ms (memory store ${fmt(memLoad.median)} ms)`);

  // (a), (b): the nested read.
  const limits = loadConfig({}).limits;
  const vars = { first: PAGE };
  const raw = () =>
    driver.executeQuery(
      NESTED_CYPHER,
      { first: neo4jDriver.int(PAGE) },
      { routing: neo4jDriver.routing.READ, ...(cfg.database ? { database: cfg.database } : {}) },
    );
  const inProcess = (store: GraphStore) => () =>
    graphql({ schema, source: NESTED_QUERY, variableValues: vars, contextValue: createContext(store, limits) });
  const config: Config = loadConfig({ NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1" });
  const server = await startHttpServer({ store: neo4j, config, logger: createLogger("silent") });
  const memoryServer = await startHttpServer({ store: memory, config, logger: createLogger("silent") });
  const overHttp = (url: string) => async () => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: NESTED_QUERY, variables: vars }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body;
  };
  try {
    // The baseline must return what the API returns, or the ratio means nothing.
    const viaApi = (await inProcess(neo4j)()) as { data?: { companies: { nodes: NestedCompany[] } }; errors?: unknown };
    if (viaApi.errors || !viaApi.data) throw new Error(`nested query failed: ${JSON.stringify(viaApi.errors)}`);
    const viaCypher = (await raw()).records.map((r) => r.toObject()) as Parameters<typeof idsOfCypher>[0];
    if (idsOfGraphQL(viaApi.data) !== idsOfCypher(viaCypher))
      throw new Error("the raw Cypher baseline does not return the same rows as the GraphQL query");

    const what = `nested read ${PAGE}>10>10`;
    const cypher = record(g, what, "raw driver Cypher", await measure(raw, { warmup: 10, minRuns: 30 }));
    const execNeo = record(
      g,
      what,
      "graphql-js execute, Neo4j",
      await measure(inProcess(neo4j), { warmup: 10, minRuns: 30 }),
      [["raw Cypher", cypher]],
    );
    record(g, what, "HTTP /graphql, Neo4j", await measure(overHttp(server.url), { warmup: 10, minRuns: 30 }), [
      ["raw Cypher", cypher],
      ["in-process", execNeo],
    ]);
    const execMemory = record(
      g,
      what,
      "graphql-js execute, memory",
      await measure(inProcess(memory), { warmup: 10, minRuns: 30 }),
      [["raw Cypher", cypher]],
    );
    record(g, what, "HTTP /graphql, memory", await measure(overHttp(memoryServer.url), { warmup: 10, minRuns: 30 }), [
      ["raw Cypher", cypher],
      ["in-process", execMemory],
    ]);
  } finally {
    await server.stop();
    await memoryServer.stop();
  }

  // (c) money paths: the level-by-level walk against the pushdown, cycling through pairs.
  const pairs = await flowPairs(dataset, memory, 10);
  for (const maxDepth of [4, 6]) {
    const input = (i: number) => ({
      fromId: pairs[i % pairs.length]![0],
      toId: pairs[i % pairs.length]![1],
      maxDepth,
      first: 10,
    });
    const what = `flowPaths depth ${maxDepth}, ${pairs.length} pairs`;
    const pure = record(
      g,
      what,
      "walk on Neo4j",
      await measure((i) => flowPaths(neo4j, input(i), { pushdown: false })),
    );
    record(g, what, "pushdown on Neo4j", await measure((i) => flowPaths(neo4j, input(i))), [["walk on Neo4j", pure]]);
    record(g, what, "walk on memory", await measure((i) => flowPaths(memory, input(i))), [["walk on Neo4j", pure]]);
  }

  // (d) risk paths on both stores.
  const suppliers = biggestSuppliers(dataset, 8);
  const riskInput = (i: number) => ({ companyId: suppliers[i % suppliers.length]!, maxDepth: 4, first: 10 });
  const what = `riskPaths, ${suppliers.length} top suppliers`;
  const riskMem = record(
    g,
    what,
    "memory",
    await measure((i) => competitiveRiskPaths(memory, riskInput(i)), { warmup: 8, minRuns: 16 }),
  );
  record(
    g,
    what,
    "Neo4j",
    await measure((i) => competitiveRiskPaths(neo4j, riskInput(i)), { warmup: 8, minRuns: 16 }),
    [["memory", riskMem]],
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`Benchmark: node ${process.version}, ${os.cpus().length} CPUs, sizes ${SIZES.join(", ")}`);
  // Before anything else holds memory: the embedded store's footprint at the largest size.
  const footprint = await memoryFootprint(Math.max(...SIZES));
  const schema = await getSchema();

  const server = await startScratchNeo4j({
    allowClearEnv: "NEO4J_BENCH_ALLOW_CLEAR",
    log: (line) => console.log(`[neo4j] ${line}`),
  });
  let stopping = false;
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping Neo4j`);
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  const loads: string[][] = [];
  let neo4j: Neo4jStore | null = null;
  const driver = neo4jDriver.driver(
    server.config.uri,
    server.config.password === null ? undefined : neo4jDriver.auth.basic(server.config.user, server.config.password),
    {
      disableLosslessIntegers: true,
    },
  );
  try {
    neo4j = await Neo4jStore.connect(server.config);
    for (const size of SIZES) await benchSize(size, neo4j, driver, server.config, schema, loads);
  } finally {
    await driver.close();
    await neo4j?.clear().catch(() => {});
    await neo4j?.close();
    await server.stop();
  }

  printTable(
    "Timings (median and p95 in ms; each ratio is median / median of the named baseline, measured in this run)",
    ["graph", "workload", "variant", "median", "p95", "ops/s", "runs", "vs baseline"],
    rows.map((r) => [
      r.graph,
      r.workload,
      r.variant,
      fmt(r.stats.median),
      fmt(r.stats.p95),
      r.stats.opsPerSec.toFixed(1),
      String(r.stats.runs),
      r.versus,
    ]),
  );
  console.log(
    [
      "",
      `nested read ${PAGE}>10>10: a page of ${PAGE} companies, 10 customers of each, 10 suppliers of each customer (names, spend).`,
      "flowPaths: money paths between customer>supplier pairs several hops apart; walk = level by level through the port, pushdown = findMoneyPaths.",
      "riskPaths: competitiveRiskPaths (maxDepth 4) for the suppliers with the most customers.",
    ].join("\n"),
  );
  printTable("Load and memory", ["graph", "measured", "value"], [...loads, ...footprint]);
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s; Neo4j stopped.`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
