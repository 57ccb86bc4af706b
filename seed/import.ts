/**
 * `npm run import -- <file or folder> [--dry-run] [--by <name>]`: records a dataset (files in
 * the seed's format) through the write path the mutations use, as one batch: the same
 * validation, references resolved among the files and what the store holds, one transaction on
 * Neo4j (NEO4J_URI) or one journal entry on the embedded store (DATA_DIR, replayed by `npm start`).
 * The batch's key is the hash of the files, so importing the same files again records nothing.
 * Claims that leave out `recordedAt` and `recordedBy` get now and `--by` (default: the OS user).
 * On the embedded store the command is the data folder's one writer: it refuses to run beside a
 * server on the same DATA_DIR, naming it (send the batch to that server's API instead).
 * `--dry-run` checks everything and prints what would change, writing nothing.
 */
import { readFileSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { BatchRequest } from "../src/domain/batch";
import { DomainError } from "../src/domain/errors";
import { type Config, loadConfig } from "../src/server/config";
import { documentFolder } from "../src/server/held-texts";
import { createStore } from "../src/store/create-store";
import type { GraphStore } from "../src/store/graph-store";
import { MemoryStore } from "../src/store/memory/memory-store";
import { type HeldTexts, prepareBatch, recordBatch } from "../src/store/record-batch";
import type { DatasetFile } from "../src/domain/dataset";
import { batchOf, loadSeed, parseDatasetJson, readDatasetFiles } from "./loader";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean", default: false }, by: { type: "string", default: osUser() } },
  });
  const target = positionals[0];
  if (!target || positionals.length > 1) fail("usage: npm run import -- <file or folder> [--dry-run] [--by <name>]");
  const request = batchOf(readTarget(target), values.by!);
  const config = loadConfig();
  const texts = documentFolder(config.documentsDir);
  const store = await openStore(config, values["dry-run"]!);
  try {
    console.log(values["dry-run"] ? await dryRun(store, request, texts) : await record(store, request, texts));
  } finally {
    await store.close();
  }
}

/** Who runs the command: the author of claims whose files do not name one, unless `--by` does. */
function osUser(): string {
  try {
    return userInfo().username || "import";
  } catch {
    return "import";
  }
}

/** The dataset files of a folder, or one file. */
function readTarget(target: string): DatasetFile[] {
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) return readDatasetFiles(target);
  try {
    return [{ name: basename(target), content: parseDatasetJson(readFileSync(target, "utf8")) }];
  } catch (err) {
    return fail(`${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Neo4j when NEO4J_URI is set; else the embedded store as `npm start` builds it: the seed and the journal. */
async function openStore(config: Config, dryRun: boolean): Promise<GraphStore> {
  // A dry run only reads, so it may run beside the server that writes the data folder.
  const store = await createStore(config, dryRun ? null : "npm run import");
  if (store instanceof MemoryStore) {
    await store.load(loadSeed());
    store.replayJournal();
  }
  return store;
}

async function dryRun(store: GraphStore, request: BatchRequest, texts: HeldTexts): Promise<string> {
  if (await store.receiptFor(request.key)) return `already recorded as ${request.key}: nothing would change`;
  const batch = await prepareBatch(store, request, texts);
  const { records } = batch;
  const counts = Object.entries(records)
    .map(([collection, list]) => `${list.length} ${collection === "identities" ? "relationships" : collection}`)
    .join(", ");
  return `would record ${request.key}: ${counts}; ${batch.affected.length} relationships remade, ${batch.changes.length} changes (nothing written)`;
}

async function record(store: GraphStore, request: BatchRequest, texts: HeldTexts): Promise<string> {
  const before = await store.counts();
  const receipt = await recordBatch(store, request, texts);
  const after = await store.counts();
  if (receipt.at !== request.at) return `already recorded as ${receipt.key} on ${receipt.at}: nothing changed`;
  const grown = Object.entries(after)
    .map(([name, value]) => `${name} ${value} (+${value - before[name as keyof typeof before]})`)
    .join(", ");
  return `recorded ${receipt.key} on ${store.name}: changes ${receipt.firstSeq}..${receipt.lastSeq}; ${grown}`;
}

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(1);
}

main().catch((err: unknown) => {
  fail(err instanceof DomainError ? err.message : err instanceof Error ? err.message.split("\n")[0]! : String(err));
});
