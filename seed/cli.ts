/**
 * `npm run seed [-- <dataset folder>]`: loads the seed (or another dataset folder) into the Neo4j
 * named by NEO4J_URI, printing progress; without a folder, then records the shipped reports
 * through the write path, as `npm start` does on the embedded store. The dataset is validated completely before connecting and
 * the store refuses unknown relationship ends before its first write, so an invalid one writes
 * nothing. The load runs in batches, each its own transaction: loading the same dataset again
 * changes nothing, and a load that was interrupted is completed by running the command again.
 * `--bulk` fills an empty database through Neo4j's offline importer instead (see bulk-load.ts).
 */
import { parseArgs } from "node:util";
import { DomainError } from "../src/domain/errors";
import type { StoreCounts } from "../src/store/graph-store";
import { type LoadPhase, type LoadProgress, phaseClock } from "../src/store/neo4j/batched-load";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { type Config, loadConfig } from "../src/server/config";
import { type Dataset, partsOf } from "../src/domain/dataset";
import { localDataDir } from "../neo4j/launcher";
import { bulkLoad } from "./bulk-load";
import { documentFolder } from "../src/server/held-texts";
import { recordBatch } from "../src/store/record-batch";
import { loadSeed, seedDir, shippedBatches } from "./loader";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { bulk: { type: "boolean" } } });
  if (positionals.length > 1) fail("usage: npm run seed -- [--bulk] [<dataset folder>]");
  const config = loadConfig();
  const dir = positionals[0] ?? seedDir();
  const shipped = positionals[0] === undefined;
  if (values.bulk) {
    await bulk(partsOf(loadSeed(dir), BULK_PART_RECORDS), dir, shipped, config);
    return;
  }
  if (config.neo4j === null) {
    fail(
      "NEO4J_URI is not set: `npm run seed` loads the dataset into Neo4j (the embedded store loads the seed by itself on `npm start`)",
    );
  }
  const dataset = loadSeed(dir);

  const store = await Neo4jStore.connect(config.neo4j);
  try {
    const before = await store.counts();
    console.log(`before: ${describe(before)}`);
    const started = Date.now();
    const report = await store.load(dataset, { onProgress: progressPrinter(started) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `loaded ${dir} in ${seconds} s: ${report.nodes} nodes, ${report.relationships} relationships, ${report.evidence} evidence, ${report.metrics} metrics`,
    );
    if (shipped) await recordShipped(store, config);
    console.log(`after:  ${describe(await store.counts())}`);
  } finally {
    await store.close();
  }
}

/** The shipped reports go through the write path, once (their key is the hash of their files). */
async function recordShipped(store: Neo4jStore, config: Config): Promise<void> {
  for (const batch of shippedBatches()) {
    const receipt = await recordBatch(store, batch, documentFolder(config.documentsDir));
    console.log(
      `recorded ${receipt.key}: ${receipt.claimIds.length} claims (changes ${receipt.firstSeq}..${receipt.lastSeq})`,
    );
  }
}

/** Records of each kind per part of a bulk load: the parts' import files are written at once (write-import-files.ts). */
const BULK_PART_RECORDS = 50_000;

/** `--bulk`: the offline importer into the bundled server's folder (see bulk-load.ts). */
async function bulk(parts: Iterable<Dataset>, dir: string, shipped: boolean, config: Config): Promise<void> {
  const dataDir = localDataDir();
  console.log(`bulk import of ${dir} into ${dataDir}`);
  const report = await bulkLoad(parts, {
    dataDir,
    log: (line) => console.log(line),
    afterImport: shipped ? (store) => recordShipped(store, config) : undefined,
  });
  const rate = Math.round(report.records / (report.totalMs / 1000));
  console.log(
    `loaded ${dir} in ${(report.totalMs / 1000).toFixed(1)} s (files ${(report.filesMs / 1000).toFixed(1)} s, import ${(report.importMs / 1000).toFixed(1)} s, schema ${(report.schemaMs / 1000).toFixed(1)} s): ${count(report.records)} records, ${count(rate)}/s; store ${count(Math.round(report.storeBytes / 2 ** 20))} MiB`,
  );
  console.log(`after:  ${describe(report.counts)}`);
}

/**
 * Prints "relationships 120,000/225,862 (53%), 24,100/s": when a phase ends, and otherwise at most
 * once a second per phase. A phase's rate counts from the end of the phase before it in its lane
 * (see phaseClock); the two lanes of a load print in turn.
 */
function progressPrinter(started: number): (progress: LoadProgress) => void {
  const elapsed = phaseClock(started);
  const printed = new Map<LoadPhase, number>();
  return ({ phase, done, total }) => {
    const now = Date.now();
    const phaseMs = elapsed(phase, now);
    if (done < total && now - (printed.get(phase) ?? 0) < 1000) return;
    printed.set(phase, now);
    const rate = Math.round(done / (Math.max(phaseMs, 1) / 1000));
    console.log(`${phase} ${count(done)}/${count(total)} (${Math.floor((100 * done) / total)}%), ${count(rate)}/s`);
  };
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function describe(c: StoreCounts): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n`);
  process.exit(1);
}

main().catch((err: unknown) => {
  // Domain errors are written for people (a seed problem lists each file and record); anything
  // else gets its message only, never a stack.
  fail(err instanceof DomainError ? err.message : err instanceof Error ? err.message.split("\n")[0]! : String(err));
});
