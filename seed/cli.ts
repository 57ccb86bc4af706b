/**
 * `npm run seed [-- <dataset folder>]`: loads the seed (or another dataset folder) into the Neo4j
 * named by NEO4J_URI, printing progress; without a folder, then records the shipped reports
 * through the write path, as `npm start` does on the embedded store. The dataset is validated completely before connecting and
 * the store refuses unknown relationship ends before its first write, so an invalid one writes
 * nothing. The load runs in batches, each its own transaction: loading the same dataset again
 * changes nothing, and a load that was interrupted is completed by running the command again.
 */
import { DomainError } from "../src/domain/errors";
import type { StoreCounts } from "../src/store/graph-store";
import type { LoadProgress } from "../src/store/neo4j/batched-load";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { loadConfig } from "../src/server/config";
import { documentFolder } from "../src/server/held-texts";
import { recordBatch } from "../src/store/record-batch";
import { loadSeed, seedDir, shippedBatches } from "./loader";

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j === null) {
    fail(
      "NEO4J_URI is not set: `npm run seed` loads the dataset into Neo4j (the embedded store loads the seed by itself on `npm start`)",
    );
  }
  const dir = process.argv[2] ?? seedDir();
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
    // The shipped reports go through the write path, once (their key is the hash of their files).
    if (process.argv[2] === undefined) {
      for (const batch of shippedBatches()) {
        const receipt = await recordBatch(store, batch, documentFolder(config.documentsDir));
        console.log(
          `recorded ${receipt.key}: ${receipt.claimIds.length} claims (changes ${receipt.firstSeq}..${receipt.lastSeq})`,
        );
      }
    }
    console.log(`after:  ${describe(await store.counts())}`);
  } finally {
    await store.close();
  }
}

/**
 * Prints "relationships 120,000/225,862 (53%), 24,100/s": when a phase ends, and otherwise at most
 * once a second. A phase's rate counts from the end of the phase before it (the first from `started`).
 */
function progressPrinter(started: number): (progress: LoadProgress) => void {
  let phase = "";
  let phaseStart = started;
  let previous = started;
  let printed = 0;
  return ({ phase: name, done, total }) => {
    const now = Date.now();
    if (name !== phase) [phase, phaseStart, printed] = [name, previous, 0];
    previous = now;
    if (done < total && now - printed < 1000) return;
    printed = now;
    const rate = Math.round(done / (Math.max(now - phaseStart, 1) / 1000));
    console.log(`${name} ${count(done)}/${count(total)} (${Math.floor((100 * done) / total)}%), ${count(rate)}/s`);
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
