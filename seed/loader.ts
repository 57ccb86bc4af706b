import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BatchRequest, stampedRecords } from "../src/domain/batch";
import { type Dataset, type DatasetFile, parseDataset } from "../src/domain/dataset";
import { SeedInvalidError } from "../src/domain/errors";
import { DEFAULT_MAX_JSON_DEPTH, deeperThan } from "../src/domain/json-depth";

/** Absolute path of the bundled seed dataset (one JSON file per collection). */
export function seedDir(): string {
  return fileURLToPath(new URL("./data", import.meta.url));
}

/**
 * Reads every `*.json` file of `dir`, sorted by name. Files that cannot be read or are not valid
 * JSON are all reported together in one SeedInvalidError naming each file and what is wrong.
 */
export function readDatasetFiles(dir: string): DatasetFile[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".json"))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    throw new SeedInvalidError([`${dir}: cannot read the dataset folder: ${errorMessage(err)}`]);
  }

  const files: DatasetFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    let raw: string;
    try {
      raw = readFileSync(join(dir, name), "utf8");
    } catch (err) {
      problems.push(`${name}: cannot read the file: ${errorMessage(err)}`);
      continue;
    }
    try {
      files.push({ name, content: parseDatasetJson(raw) });
    } catch (err) {
      problems.push(`${name}: ${errorMessage(err)}`);
    }
  }
  if (problems.length > 0) throw new SeedInvalidError(problems);
  return files;
}

/**
 * One dataset file's JSON. A value nested deeper than any dataset needs is refused here, before
 * the key's hash or the loader walks it (both recurse and would overflow the stack).
 */
export function parseDatasetJson(text: string): unknown {
  // A byte-order mark is not JSON, but editors add it; it carries no content.
  const raw = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let content: unknown;
  try {
    content = JSON.parse(raw) as unknown;
  } catch (err) {
    throw new Error(`invalid JSON${locate(raw, errorMessage(err))}: ${errorMessage(err)}`, { cause: err });
  }
  if (deeperThan(content, DEFAULT_MAX_JSON_DEPTH))
    throw new Error(`nested deeper than ${DEFAULT_MAX_JSON_DEPTH} levels; a dataset file needs far fewer`);
  return content;
}

/** Reads and validates a dataset folder (the bundled seed by default); throws SeedInvalidError on any problem. */
export function loadSeed(dir: string = seedDir()): Dataset {
  return parseDataset(readDatasetFiles(dir));
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** " at line L, column C" when the parser's message gives a character position, else "". */
function locate(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m && !/end of JSON input/i.test(message)) return "";
  const pos = m ? Math.min(Number(m[1]), text.length) : text.length;
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return ` at line ${line}, column ${column}`;
}

/**
 * The datasets the project ships beyond the article, recorded through the write path (as
 * `npm run import` would) by `npm start` and `npm run seed`: the public reports of 2023-2025.
 */
export function shippedBatches(): BatchRequest[] {
  const reports = fileURLToPath(new URL("./reports", import.meta.url));
  return [batchOf(readDatasetFiles(reports), "seed")];
}

/**
 * All files as one batch, keyed by the hash of their content: the same files are recorded once.
 * A claim that leaves out `recordedAt` or `recordedBy` gets the batch's time and author, as
 * recordBatch stamps them.
 */
export function batchOf(files: readonly DatasetFile[], by: string): BatchRequest {
  const hash = createHash("sha256");
  for (const file of files) hash.update(JSON.stringify(file.content));
  const key = `import-${hash.digest("hex").slice(0, 32)}`;
  const at = new Date().toISOString();
  const stamped = files.map((file) => ({ ...file, content: stampedRecords(file.content, at, by, "fill") }));
  return { key, by, at, files: stamped, retractions: [] };
}
