/**
 * `npm run bench`: this project against its peers on the same generated graphs, and its own stores
 * against each other, all measured in one run (absolute times differ between machines; the ratios
 * to the floors and baselines of the same run are what carry over). See options.ts for the modes.
 * Last, the soak (soak.ts): each store's server under a long mixed load, its p50 and p99 in the
 * report; `npm run bench -- soak` runs the soak alone, and `npm run bench -- loads` runs loads.ts:
 * the transactional load and the bulk import.
 *
 * Neo4j: a private server in a temporary folder (with APOC, for the Neo4j GraphQL Library), stopped
 * at the end; or NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE) when
 * NEO4J_BENCH_ALLOW_CLEAR=1, because the benchmark clears that database.
 *
 * Exits non-zero when something fails (a server does not start, an answer is wrong), never because
 * of a time.
 */
import "../src/server/runtime-env";
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { generateDataset } from "../seed/generator";
import { getSchema } from "../src/server/schema";
import { MemoryStore } from "../src/store/memory/memory-store";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import type { ScratchNeo4j } from "../neo4j/scratch";
import { benchApocJars, serverHasApoc } from "./apoc";
import { comparePeers, type PeerResult } from "./compare-peers";
import { describeEnvironment } from "./environment";
import { measureLoads } from "./load-times";
import { profileWorkloads } from "./query-plans";
import { type MeasuredRows, memoryFootprint } from "./memory";
import { runLoads } from "./loads";
import {
  type BenchOptions,
  LOADS_RESULTS_FILE,
  readLoadsOptions,
  readMode,
  readOptions,
  readSoakOptions,
} from "./options";
import { neo4jLog, startPrivateNeo4j } from "./private-neo4j";
import { renderReport } from "./report";
import { writeResults } from "./results-file";
import { runSoak, soakFailed, soakStores } from "./soak";
import { measureStores, type TimingRow } from "./store-workloads";
import { companies, markdownTable } from "./table";
import { measureWholeGraphExport } from "./export-whole-graph";
import { expectedNestedIds } from "./workloads";

interface SizeResults {
  readonly peers: PeerResult[];
  readonly timings: TimingRow[];
  readonly loads: MeasuredRows;
  readonly plans: string[][];
}

async function main(): Promise<number> {
  const { mode, args } = readMode(process.argv.slice(2));
  if (mode === "soak") return runSoak(readSoakOptions(args, process.env));
  if (mode === "loads") return runLoads(readLoadsOptions(args, process.env), LOADS_RESULTS_FILE);
  const started = Date.now();
  const options = readOptions(args, process.env);
  if (mode === "export") {
    console.log(
      markdownTable(["measured", "value"], await measureWholeGraphExport(options.seed, options.exportCompanies)),
    );
    return 0;
  }
  const environment = describeEnvironment(options.sizes, options.seed);
  console.log(environment);
  // Before anything else holds memory: the embedded store's footprint at the largest size.
  const footprint = await memoryFootprint(options.seed, Math.max(...options.sizes));
  // In a process of its own, so its peak RSS is the export's and its store's alone.
  const exported = await measureWholeGraphExport(options.seed, options.exportCompanies);
  const neo4j = await startNeo4j();
  const all: SizeResults[] = [];
  try {
    const schema = await getSchema();
    const store = await Neo4jStore.connect(neo4j.config);
    try {
      const apoc = await serverHasApoc(neo4j.config);
      for (const size of options.sizes) all.push(await benchSize(size, options, { neo4j, store, schema, apoc }));
      await store.clear();
    } finally {
      await store.close();
    }
  } finally {
    await neo4j.stop();
  }
  // After the comparison's Neo4j has stopped: the soak starts its own, and loads the machine alone.
  const soakOptions = readSoakOptions(args, process.env);
  console.log(`\n== soak: ${companies(soakOptions.companies)} companies ==`);
  const soak = { options: soakOptions, ...(await soakStores(soakOptions)) };
  const peers = all.flatMap((r) => r.peers);
  const report = renderReport({
    options,
    environment,
    peers,
    timings: all.flatMap((r) => r.timings),
    plans: all.flatMap((r) => r.plans),
    loadAndMemory: [...all.flatMap((r) => r.loads), ...footprint, ...exported],
    soak,
    seconds: (Date.now() - started) / 1000,
  });
  await writeResults(options.resultsFile, report);
  const failed = peers.filter((p) => !p.outcome.ok).length;
  if (failed > 0) console.error(`\n${failed} server run(s) failed; see above.`);
  return failed > 0 || soakFailed(soak.rows) ? 1 : 0;
}

interface Shared {
  readonly neo4j: ScratchNeo4j;
  readonly store: Neo4jStore;
  readonly schema: GraphQLSchema;
  readonly apoc: boolean;
}

async function benchSize(size: number, options: BenchOptions, shared: Shared): Promise<SizeResults> {
  console.log(`\n== ${companies(size)} companies ==`);
  const dataset = generateDataset({ seed: options.seed, companies: size });
  const loadTimes = options.quick || size >= 100_000 ? 1 : size >= 10_000 ? 2 : 3;
  const loads = await measureLoads(shared.store, dataset, loadTimes);
  const settings = { seed: options.seed, companies: size, neo4j: shared.neo4j.config, apoc: shared.apoc };
  const peers = await comparePeers(settings, expectedNestedIds(dataset), options.load);
  const memory = new MemoryStore();
  await memory.load(dataset);
  const timings = await measureStores({
    size,
    dataset,
    neo4j: shared.store,
    memory,
    schema: shared.schema,
    budgetMs: options.inProcessBudgetMs,
  });
  const plans = await profileWorkloads(shared.neo4j.config, shared.schema, dataset, memory);
  return { peers, timings, loads, plans };
}

/** The private Neo4j (with the APOC jars when Maven can fetch them). */
async function startNeo4j(): Promise<ScratchNeo4j> {
  // A server named by NEO4J_URI has whatever plugins it has.
  const apoc = process.env.NEO4J_URI ? { jars: [], problem: null } : benchApocJars(neo4jLog);
  if (apoc.problem) {
    neo4jLog(`no APOC, the Neo4j GraphQL Library will run without its compatibility check: ${apoc.problem}`);
  }
  return startPrivateNeo4j(apoc.jars);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
