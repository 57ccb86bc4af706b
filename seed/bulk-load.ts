/**
 * `npm run seed -- --bulk [<dataset folder>]`: a first load through Neo4j's offline importer, into
 * the folder of the bundled server (NEO4J_DATA_DIR, as `npm run neo4j` uses it), which must not be
 * running. The dataset comes validated, in one part or many (a generated graph a part at a time, so
 * that a million companies are never held at once); a database already in the folder is checked to
 * hold nothing (DATABASE_NOT_EMPTY otherwise, before anything is written), the parts go out as the
 * importer's CSV files as they come, the importer writes the store, and then the server is started
 * once to create the constraints and indexes (the same schema every start ensures) and to check
 * that every record arrived.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Dataset } from "../src/domain/dataset";
import { DatabaseNotEmptyError, DomainError } from "../src/domain/errors";
import type { StoreCounts } from "../src/store/graph-store";
import type { ImportFiles } from "../src/store/neo4j/import-files";
import { writeImportFiles } from "../src/store/neo4j/write-import-files";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { databaseStoreDir, runImporter } from "../neo4j/importer";
import { startLocalNeo4j } from "../neo4j/launcher";

export interface BulkLoadOptions {
  /** The server folder (created if missing). */
  readonly dataDir: string;
  /** Progress lines for a person. */
  readonly log: (line: string) => void;
  /** Runs with the server up once the import is checked (the seed records its shipped reports then). */
  readonly afterImport?: (store: Neo4jStore) => Promise<void>;
}

/** What a bulk load did, and how long each step took. */
export interface BulkLoadReport {
  readonly counts: StoreCounts;
  readonly records: number;
  /** Writing the import files, including partsMs. */
  readonly filesMs: number;
  /** Of filesMs, the time the parts took to come (generating them, for a generated graph). */
  readonly partsMs: number;
  readonly importMs: number;
  readonly schemaMs: number;
  readonly totalMs: number;
  readonly storeBytes: number;
}

export async function bulkLoad(parts: Iterable<Dataset>, options: BulkLoadOptions): Promise<BulkLoadReport> {
  const started = Date.now();
  await refuseNonEmpty(options.dataDir);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cg-import-"));
  try {
    const timed = timedParts(parts);
    const files = await writeImportFiles(timed, folder);
    const filesMs = Date.now() - started;
    options.log(`import files written in ${seconds(filesMs)} (${describeFiles(files)})`);
    await runImporter(options.dataDir, files, (line) => {
      if (/IMPORT DONE|Imported:|nodes$|relationships$|properties$|Peak memory/.test(line.trim()))
        options.log(line.trim());
    });
    const importMs = Date.now() - started - filesMs;
    // Connecting creates the constraints and indexes and waits until they are online.
    const { counts, schemaMs } = await withServer(options.dataDir, async (store, connectMs) => {
      const stored = await store.counts();
      refuseShortfall(expectedCounts(files), stored);
      await options.afterImport?.(store);
      return { counts: stored, schemaMs: connectMs };
    });
    const records = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return {
      counts,
      records,
      filesMs,
      partsMs: timed.ms,
      importMs,
      schemaMs,
      totalMs: Date.now() - started,
      storeBytes: folderBytes(databaseStoreDir(options.dataDir)),
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The parts, and how long they took to come, summed over all of them. */
function timedParts(parts: Iterable<Dataset>): Iterable<Dataset> & { readonly ms: number } {
  const timing = {
    ms: 0,
    *[Symbol.iterator]() {
      const iterator = parts[Symbol.iterator]();
      for (;;) {
        const asked = performance.now();
        const next = iterator.next();
        timing.ms += performance.now() - asked;
        if (next.done) return;
        yield next.value;
      }
    },
  };
  return timing;
}

/** A database already in the folder may be replaced only when it holds no node at all. */
async function refuseNonEmpty(dataDir: string): Promise<void> {
  if (!fs.existsSync(databaseStoreDir(dataDir))) return;
  const nodes = await withServer(dataDir, (store) => store.nodeCount());
  if (nodes > 0) throw new DatabaseNotEmptyError(path.resolve(dataDir), nodes);
}

/** Starts the bundled server on the folder for `work` (told how long connecting took), then stops it. */
async function withServer<T>(dataDir: string, work: (store: Neo4jStore, connectMs: number) => Promise<T>): Promise<T> {
  const server = await startLocalNeo4j({ dataDir, port: 0 });
  try {
    const connecting = Date.now();
    const store = await Neo4jStore.connect({ uri: server.uri, user: "neo4j", password: null, database: null });
    try {
      return await work(store, Date.now() - connecting);
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}

/** The counts the files promise, by the labels and types they give. */
function expectedCounts(files: ImportFiles): StoreCounts {
  const rows = (label: string) =>
    files.nodes.filter((n) => n.labels.includes(label)).reduce((sum, n) => sum + n.file.rows, 0);
  return {
    companies: rows("Company"),
    products: rows("Product"),
    people: rows("Person"),
    sources: rows("Source"),
    evidence: rows("Evidence"),
    relationships: files.relationships.reduce((sum, r) => sum + r.file.rows, 0),
    claims: rows("Claim"),
    metrics: rows("Metric"),
  };
}

function refuseShortfall(expected: StoreCounts, stored: StoreCounts): void {
  const wrong = Object.entries(expected).filter(([name, n]) => stored[name as keyof StoreCounts] !== n);
  if (wrong.length === 0) return;
  const listed = wrong.map(([name, n]) => `${name} ${stored[name as keyof StoreCounts]} of ${n}`).join(", ");
  throw new DomainError("INTERNAL", `the import stored other counts than its files hold: ${listed}`);
}

function describeFiles(files: ImportFiles): string {
  const rows = [...files.nodes, ...files.relationships].reduce((sum, f) => sum + f.file.rows, 0);
  return `${files.nodes.length + files.relationships.length} files, ${rows.toLocaleString("en-US")} rows`;
}

function folderBytes(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
