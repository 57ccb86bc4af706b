/**
 * `npm run bench -- loads`: how a generated graph goes into Neo4j, both ways, at the sizes of
 * BENCH_SIZES (default 20,000 companies): the transactional load `npm run seed` runs (into an empty
 * database; up to 20,000 companies, past which a first load is the bulk import's), the bulk
 * import of `npm run seed -- --bulk` (its own server folder), streamed from the generator a part at
 * a time, then the reads at that size on the imported database (scale-reads.ts), and last the
 * embedded store at the largest size (it may not fit). Records are nodes + relationships + claims +
 * evidence + the rest. Writes bench/results/loads.md. Not part of CI: a million companies take many
 * minutes (run node with --max-old-space-size for the embedded store to get that far).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateDataset, generateParts } from "../seed/generator";
import { bulkLoad } from "../seed/bulk-load";
import type { Dataset } from "../src/domain/dataset";
import type { StoreCounts } from "../src/store/graph-store";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { neo4jMemory } from "../neo4j/launcher";
import { describeEnvironment } from "./environment";
import { memoryStoreAtScale, type MeasuredRows } from "./memory";
import { loadIntoNeo4j } from "./neo4j-load";
import type { BenchOptions } from "./options";
import { startPrivateNeo4j } from "./private-neo4j";
import { writeResults } from "./results-file";
import { NestedReadSample, readsAtScale } from "./scale-reads";
import { companies, markdownTable, mb, ms } from "./table";

/** Above this many companies the transactional load is not measured: a first load that big is the bulk import's. */
const TRANSACTIONAL_UP_TO = 20_000;

export async function runLoads(options: BenchOptions, resultsFile: string): Promise<number> {
  const started = Date.now();
  const environment = describeEnvironment(options.sizes, options.seed);
  console.log(environment);
  const rows: MeasuredRows = [];
  let failed = false;
  const write = () => writeResults(resultsFile, render(environment, rows, (Date.now() - started) / 1000));
  for (const size of options.sizes) {
    console.log(`\n== ${companies(size)} companies ==`);
    const at = `${companies(size)} companies`;
    if (size <= TRANSACTIONAL_UP_TO) {
      const generating = performance.now();
      const dataset = generateDataset({ seed: options.seed, companies: size });
      rows.push([`${at}: graph`, `${describeGraph(dataset)}; generated in ${ms(performance.now() - generating)} ms`]);
      rows.push(...(await transactional(dataset, at)));
    }
    // Each step's rows are written as soon as they are measured: a million companies take long, and
    // the embedded store, measured last, may not fit in memory at this size.
    const readsFailed = await bulk(options, size, at, async (measured) => {
      rows.push(...measured);
      await write();
    });
    failed ||= readsFailed;
  }
  rows.push(...(await memoryStoreAtScale(options.seed, Math.max(...options.sizes))));
  await write();
  return failed ? 1 : 0;
}

function records(d: Dataset): number {
  return Object.values(d).reduce((sum, list: readonly unknown[]) => sum + list.length, 0);
}

function describeGraph(d: Dataset): string {
  const nodes = d.companies.length + d.products.length + d.people.length;
  return `${count(records(d))} records: ${count(nodes)} nodes, ${count(d.relationships.length)} relationships, ${count(d.claims.length)} claims, ${count(d.evidence.length)} evidence`;
}

/** `npm run seed`'s load (Neo4jStore.load into an empty database), with the connection and schema check. */
async function transactional(dataset: Dataset, at: string): Promise<MeasuredRows> {
  const neo4j = await startPrivateNeo4j([]);
  try {
    const connecting = performance.now();
    const store = await Neo4jStore.connect(neo4j.config);
    const connectMs = performance.now() - connecting;
    try {
      const run = await loadIntoNeo4j(store, dataset);
      const wholeMs = connectMs + run.totalMs;
      const phases = Object.entries(run.phaseMs)
        .map(([phase, phaseMs]) => `${phase} ${ms(phaseMs)}`)
        .join(", ");
      return [
        [
          `${at}: transactional load (${run.how})`,
          `${ms(wholeMs)} ms: ${rate(dataset.relationships.length, wholeMs)} relationships/s, ${rate(records(dataset), wholeMs)} records/s`,
        ],
        [`${at}: transactional load, phases (ms)`, `connect and schema ${ms(connectMs)}, ${phases}`],
      ];
    } finally {
      await store.close();
    }
  } finally {
    await neo4j.stop();
  }
}

/**
 * `npm run seed -- --bulk`'s load into a fresh server folder, the generator's parts written as they
 * come, then the reads on the imported database.
 */
async function bulk(
  options: BenchOptions,
  size: number,
  at: string,
  record: (rows: MeasuredRows) => Promise<void>,
): Promise<boolean> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-bench-bulk-"));
  try {
    const sample = new NestedReadSample();
    const parts = sample.tap(generateParts({ seed: options.seed, companies: size }));
    const report = await bulkLoad(parts, { dataDir: root, log: (line) => console.log(`  ${line}`) });
    const memory = neo4jMemory();
    const loadMs = report.totalMs - report.partsMs;
    const rows: MeasuredRows = [
      [`${at}: graph (bulk import)`, describeCounts(report.counts)],
      [
        `${at}: bulk import, whole command`,
        `${ms(loadMs)} ms: ${rate(report.records, loadMs)} records/s, ${rate(report.counts.relationships, loadMs)} relationships/s, from the generated parts to a queryable database (${ms(report.totalMs)} ms, ${rate(report.records, report.totalMs)} records/s, with generating them)`,
      ],
      [
        `${at}: bulk import, steps (ms)`,
        `generating the parts ${ms(report.partsMs)}, writing the import files ${ms(report.filesMs - report.partsMs)}, importer ${ms(report.importMs)}, constraints and indexes ${ms(report.schemaMs)}, starting and stopping the server and counting ${ms(report.totalMs - report.filesMs - report.importMs - report.schemaMs)}`,
      ],
      [`${at}: bulk import, store on disk`, mb(report.storeBytes)],
      [
        `${at}: bulk import, settings`,
        `importer heap ${mb(memory.heap)} + off-heap ${mb(memory.importer)}, ${os.availableParallelism()} threads; server heap ${mb(memory.heap)}, page cache ${mb(memory.pageCache)}`,
      ],
    ];
    await record(rows);
    const reads = await readsAtScale(root, sample, { seed: options.seed, companies: size, load: options.load }, at);
    await record(reads.rows);
    return reads.failed;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function describeCounts(c: StoreCounts): string {
  const records = Object.values(c).reduce((sum, n) => sum + n, 0);
  return `${count(records)} records: ${count(c.companies + c.products + c.people)} nodes, ${count(c.relationships)} relationships, ${count(c.claims)} claims, ${count(c.evidence)} evidence, ${count(c.sources)} sources, ${count(c.metrics)} metrics`;
}

function rate(items: number, milliseconds: number): string {
  return count(Math.round(items / (milliseconds / 1000)));
}

function count(n: number): string {
  return n.toLocaleString("en");
}

function render(environment: string, rows: MeasuredRows, seconds: number): string {
  return [
    "# Benchmark: loading a generated graph",
    "",
    `${environment}. Finished in ${seconds.toFixed(0)} s.`,
    "",
    markdownTable(["measured", "value"], rows),
    "",
  ].join("\n");
}
