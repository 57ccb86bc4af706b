import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "../../domain/dataset";
import { NODE_KINDS, RELATIONSHIP_KINDS, type RelationshipKind } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import { lastOfEachId } from "./batched-load";
import type { Params } from "./executor";
import {
  claimProps,
  compact,
  derivationProps,
  evidenceProps,
  metricProps,
  nodeProps,
  sourceProps,
  withdrawnProps,
} from "./mapping";
import { storedRelationshipProps } from "./queries/load-queries";

/*
 * A dataset as the CSV files of Neo4j's offline importer (`neo4j-admin database import full`): one
 * file per part and set of labels, and per part and relationship type, each row holding exactly the
 * properties a transactional load stores (the same mapping functions, the same views of the claims,
 * which parseDataset or the generator made), so that both ways give the same graph. The dataset
 * comes in parts (a million generated companies are never held at once); each part's files are
 * written on their own, so that parts can be written at once (write-import-files.ts).
 */

/** Between the elements of a list property; a value holding it cannot be imported (and is refused). */
export const ARRAY_DELIMITER = "\u001f";

/** One file for the importer, and whether any of its values spans lines (the importer must be told). */
export interface ImportFile {
  readonly path: string;
  readonly multiline: boolean;
  readonly rows: number;
}

export interface ImportFiles {
  /** Each node file with the labels its nodes get (several files may give the same labels). */
  readonly nodes: readonly { readonly labels: readonly string[]; readonly file: ImportFile }[];
  /** Each relationship file with the type its relationships get. */
  readonly relationships: readonly { readonly type: string; readonly file: ImportFile }[];
}

export type ColumnType = "string" | "double" | "boolean" | "string[]" | "double[]";

/** A part's files, and the type each of their columns was given, by series (`nodes-Claim`, ...). */
export interface PartFiles {
  readonly files: ImportFiles;
  readonly columnTypes: Readonly<Record<string, Readonly<Record<string, ColumnType>>>>;
}

type Part = ReturnType<typeof lastOfEachId>;

/** A group of nodes with the same labels, and their stored properties in one part. */
interface NodeGroup {
  readonly labels: readonly string[];
  readonly rows: (d: Part) => readonly Params[];
}

const NODE_GROUPS: readonly NodeGroup[] = [
  { labels: ["Source"], rows: (d) => d.sources.map((s) => compact(sourceProps(s))) },
  { labels: ["Derivation"], rows: (d) => d.derivations.map((x) => compact(derivationProps(x))) },
  { labels: ["Evidence"], rows: (d) => d.evidence.map((e) => compact(evidenceProps(e))) },
  ...NODE_KINDS.map((kind) => ({
    labels: ["Entity", kind],
    rows: (d: Part) => d.entities.filter((n) => n.nodeKind === kind).map((n) => compact(nodeProps(n))),
  })),
  { labels: ["WithdrawnRelationship"], rows: (d) => d.withdrawn.map((w) => compact(withdrawnProps(w))) },
  { labels: ["Claim"], rows: (d) => d.claims.map((c) => compact(claimProps(c))) },
  { labels: ["Metric"], rows: (d) => d.metrics.map((m) => compact(metricProps(m))) },
];

/** The columns the importer reads itself: node ids of the one id space, relationship ends. */
const entityId = (key: string) => (key === "id" ? "id:ID(Entity)" : null);
const relationshipEnd = (key: string) => (key.startsWith(":") ? key : null);

/**
 * Writes the files of part number `index` into `folder` (which must exist) and says what they hold.
 * Every record is in one part only: a relationship may point at a node of another part.
 */
export function writePartFiles(part: Dataset, folder: string, index: number): PartFiles {
  const d = lastOfEachId(part);
  const nodes: { labels: readonly string[]; file: ImportFile }[] = [];
  const relationships: { type: string; file: ImportFile }[] = [];
  const columnTypes: Record<string, Record<string, ColumnType>> = {};
  const write = (series: string, rows: readonly Params[], special: (key: string) => string | null) => {
    if (rows.length === 0) return null;
    const written = writeCsv(join(folder, `${series}-${String(index + 1).padStart(5, "0")}.csv`), rows, special);
    columnTypes[series] = written.types;
    return written.file;
  };
  for (const group of NODE_GROUPS) {
    const file = write(
      `nodes-${group.labels.join("-")}`,
      group.rows(d),
      group.labels[0] === "Entity" ? entityId : none,
    );
    if (file) nodes.push({ labels: group.labels, file });
  }
  for (const [type, rows] of relationshipRows(d)) {
    const file = write(`relationships-${type}`, rows, relationshipEnd);
    if (file) relationships.push({ type, file });
  }
  return { files: { nodes, relationships }, columnTypes };
}

const none = () => null;

/**
 * The files of all the parts, in part order. A property of one name has one type in every file of
 * a series (the importer would otherwise store it with two): a part that disagrees is refused here,
 * before the importer runs.
 */
export function mergePartFiles(parts: readonly PartFiles[]): ImportFiles {
  const seen = new Map<string, ColumnType>();
  for (const part of parts) {
    for (const [series, types] of Object.entries(part.columnTypes)) {
      for (const [key, type] of Object.entries(types)) {
        const known = seen.get(`${series}.${key}`);
        if (known !== undefined && known !== type) typeConflict(key, known, type);
        seen.set(`${series}.${key}`, type);
      }
    }
  }
  return {
    nodes: parts.flatMap((part) => part.files.nodes),
    relationships: parts.flatMap((part) => part.files.relationships),
  };
}

function typeConflict(key: string, known: ColumnType, type: ColumnType): never {
  throw new DomainError("INTERNAL", `property '${key}' is ${known} in one record and ${type} in another`);
}

/** The part's relationships as the importer's rows, by type. A withdrawn relationship is no edge. */
function relationshipRows(d: Part): Map<RelationshipKind, Params[]> {
  // A transactional load deletes the edge a withdrawn relationship replaces.
  const withdrawnIds = new Set(d.withdrawn.map((identity) => identity.id));
  const byKind = new Map<RelationshipKind, Params[]>(RELATIONSHIP_KINDS.map((kind) => [kind, []]));
  for (const r of d.relationships) {
    if (withdrawnIds.has(r.id)) continue;
    byKind.get(r.kind)!.push({ ":START_ID(Entity)": r.from, ":END_ID(Entity)": r.to, ...storedRelationshipProps(r) });
  }
  return byKind;
}

/**
 * One CSV file of `rows`: a header naming every column any row has, with its type (`special` names
 * a column the importer reads itself), then one line per row, a missing value left empty.
 */
function writeCsv(
  path: string,
  rows: readonly Params[],
  special: (key: string) => string | null,
): { file: ImportFile; types: Record<string, ColumnType> } {
  const types = typesOfColumns(rows);
  const keys = Object.keys(types);
  const out = new BufferedFile(path);
  let multiline = false;
  try {
    out.write(`${keys.map((key) => special(key) ?? `${key}:${types[key]}`).join(",")}\n`);
    for (const row of rows) {
      let line = csvField(keys[0]!, row[keys[0]!]);
      for (let k = 1; k < keys.length; k++) line += `,${csvField(keys[k]!, row[keys[k]!])}`;
      if (!multiline && LINE_BREAK.test(line)) multiline = true;
      out.write(`${line}\n`);
    }
  } finally {
    out.close();
  }
  return { file: { path, multiline, rows: rows.length }, types };
}

/** Every column of `rows` with its type, in the order the columns first appear. */
function typesOfColumns(rows: readonly Params[]): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value === undefined) continue;
      const type = columnType(key, value);
      const known = types[key];
      if (known === undefined) types[key] = type;
      else if (known !== type) typeConflict(key, known, type);
    }
  }
  return types;
}

const LINE_BREAK = /[\r\n]/;

function columnType(key: string, value: unknown): ColumnType {
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return "string[]";
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return "double[]";
  throw new DomainError(
    "INTERNAL",
    `property '${key}' has a value the importer cannot store: ${JSON.stringify(value)}`,
  );
}

/** A field as the importer reads it: missing is empty, strings are quoted (so "" stays an empty string). */
function csvField(key: string, value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return quoted(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new DomainError("INTERNAL", `property '${key}' is ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return quoted(value.map((element) => listElement(key, element)).join(ARRAY_DELIMITER));
  return String(value);
}

function listElement(key: string, element: unknown): string {
  const text = String(element);
  // The importer would split the first and drop the second; neither is ever in a dataset's lists.
  if (text.includes(ARRAY_DELIMITER) || text === "") {
    throw new DomainError(
      "INTERNAL",
      `a list in '${key}' holds ${JSON.stringify(text)}, which the importer cannot store`,
    );
  }
  return text;
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Appends text to a file in large writes: millions of rows go out without holding them all. */
class BufferedFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    if (this.chunks.length > 0) writeSync(this.fd, this.chunks.join(""));
    this.chunks = [];
    this.size = 0;
  }
}
