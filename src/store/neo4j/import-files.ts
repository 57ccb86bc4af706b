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
 * series of files per set of labels and one per relationship type, each row holding exactly the
 * properties a transactional load stores (the same mapping functions, the same views of the claims,
 * which parseDataset or the generator made), so that both ways give the same graph. The dataset
 * comes in parts (a million generated companies are never held at once), each written as it comes.
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

type ColumnType = "string" | "double" | "boolean" | "string[]" | "double[]";

/**
 * Writes the files of the dataset's parts into `folder` (which must exist) and says what they hold.
 * Every record is in one part only: a relationship may point at a node of another part.
 */
export function writeImportFiles(parts: Iterable<Dataset>, folder: string): ImportFiles {
  const nodeSeries = NODE_GROUPS.map(
    (group) =>
      new CsvSeries(join(folder, `nodes-${group.labels.join("-")}`), (key) =>
        key === "id" && group.labels[0] === "Entity" ? "id:ID(Entity)" : null,
      ),
  );
  const relationshipSeries = new Map(
    RELATIONSHIP_KINDS.map((kind) => [
      kind,
      new CsvSeries(join(folder, `relationships-${kind}`), (key) => (key.startsWith(":") ? key : null)),
    ]),
  );
  try {
    for (const part of parts) {
      const d = lastOfEachId(part);
      NODE_GROUPS.forEach((group, index) => nodeSeries[index]!.append(group.rows(d)));
      for (const [kind, rows] of relationshipRows(d)) relationshipSeries.get(kind)!.append(rows);
    }
  } finally {
    for (const series of [...nodeSeries, ...relationshipSeries.values()]) series.close();
  }
  return {
    nodes: NODE_GROUPS.flatMap((group, index) =>
      nodeSeries[index]!.files.map((file) => ({ labels: group.labels, file })),
    ),
    relationships: [...relationshipSeries].flatMap(([type, series]) => series.files.map((file) => ({ type, file }))),
  };
}

/** The part's relationships as the importer's rows, by type. A withdrawn relationship is no edge. */
function relationshipRows(d: Part): Map<RelationshipKind, Params[]> {
  // A transactional load deletes the edge a withdrawn relationship replaces.
  const withdrawnIds = new Set(d.withdrawn.map((identity) => identity.id));
  const byKind = new Map<RelationshipKind, Params[]>();
  for (const r of d.relationships) {
    if (withdrawnIds.has(r.id)) continue;
    const row = { ":START_ID(Entity)": r.from, ":END_ID(Entity)": r.to, ...storedRelationshipProps(r) };
    const rows = byKind.get(r.kind);
    if (rows) rows.push(row);
    else byKind.set(r.kind, [row]);
  }
  return byKind;
}

/**
 * The files of one set of labels or one type, written part by part. A file's header names its
 * columns, so a part bringing a column the current file lacks starts a new file with every column
 * seen so far; a property of one name has one type throughout. `special` names a column the
 * importer reads itself. A series without rows has no file (the importer refuses one without columns).
 */
class CsvSeries {
  readonly files: ImportFile[] = [];
  private readonly types = new Map<string, ColumnType>();
  private columns: string[] = [];
  private out: BufferedFile | null = null;
  private path = "";
  private rows = 0;
  private multiline = false;

  constructor(
    private readonly stem: string,
    private readonly special: (key: string) => string | null,
  ) {}

  append(rows: readonly Params[]): void {
    if (rows.length === 0) return;
    if (this.learnColumns(rows) || this.out === null) this.startFile();
    const out = this.out!;
    const keys = this.columns;
    for (const row of rows) {
      let line = csvField(keys[0]!, row[keys[0]!]);
      for (let k = 1; k < keys.length; k++) line += `,${csvField(keys[k]!, row[keys[k]!])}`;
      if (!this.multiline && LINE_BREAK.test(line)) this.multiline = true;
      out.write(`${line}\n`);
    }
    this.rows += rows.length;
  }

  close(): void {
    if (this.out === null) return;
    this.out.close();
    this.out = null;
    this.files.push({ path: this.path, multiline: this.multiline, rows: this.rows });
  }

  /** Notes the columns of `rows` and their types; true when one is new to the current file. */
  private learnColumns(rows: readonly Params[]): boolean {
    let fresh = false;
    for (const row of rows) {
      for (const key in row) {
        const value = row[key];
        if (value === undefined) continue;
        const type = columnType(key, value);
        const known = this.types.get(key);
        if (known === undefined) {
          this.types.set(key, type);
          fresh = true;
        } else if (known !== type) {
          throw new DomainError("INTERNAL", `property '${key}' is ${known} in one record and ${type} in another`);
        }
      }
    }
    return fresh;
  }

  private startFile(): void {
    this.close();
    this.columns = [...this.types.keys()];
    this.path = `${this.stem}-${this.files.length + 1}.csv`;
    this.rows = 0;
    this.multiline = false;
    this.out = new BufferedFile(this.path);
    const header = this.columns.map((key) => this.special(key) ?? `${key}:${this.types.get(key)}`).join(",");
    this.out.write(`${header}\n`);
  }
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
