import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "../../domain/dataset";
import { NODE_KINDS, RELATIONSHIP_KINDS } from "../../domain/entities";
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
 * file per set of labels and one per relationship type, each row holding exactly the properties a
 * transactional load stores (the same mapping functions, the same views of the claims, which
 * parseDataset made), so that both ways give the same graph.
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
  /** Each node file with the labels its nodes get. */
  readonly nodes: readonly { readonly labels: readonly string[]; readonly file: ImportFile }[];
  /** Each relationship file with the type its relationships get. */
  readonly relationships: readonly { readonly type: string; readonly file: ImportFile }[];
}

/** A group of nodes with the same labels, and their stored properties (made when the group is written). */
interface NodeGroup {
  readonly labels: readonly string[];
  readonly rows: () => readonly Params[];
}

type ColumnType = "string" | "double" | "boolean" | "string[]" | "double[]";

/** Writes the files into `folder` (which must exist) and says what they hold. */
export function writeImportFiles(dataset: Dataset, folder: string): ImportFiles {
  const d = lastOfEachId(dataset);
  const withdrawnIds = new Set(d.withdrawn.map((identity) => identity.id));
  const groups: NodeGroup[] = [
    { labels: ["Source"], rows: () => d.sources.map((s) => compact(sourceProps(s))) },
    { labels: ["Derivation"], rows: () => d.derivations.map((x) => compact(derivationProps(x))) },
    { labels: ["Evidence"], rows: () => d.evidence.map((e) => compact(evidenceProps(e))) },
    ...NODE_KINDS.map((kind) => ({
      labels: ["Entity", kind],
      rows: () => d.entities.filter((n) => n.nodeKind === kind).map((n) => compact(nodeProps(n))),
    })),
    { labels: ["WithdrawnRelationship"], rows: () => d.withdrawn.map((w) => compact(withdrawnProps(w))) },
    { labels: ["Claim"], rows: () => d.claims.map((c) => compact(claimProps(c))) },
    { labels: ["Metric"], rows: () => d.metrics.map((m) => compact(metricProps(m))) },
  ];
  const nodes = groups.map((group) => ({
    labels: group.labels,
    file: writeCsv(join(folder, `nodes-${group.labels.join("-")}.csv`), group.rows, (key) =>
      key === "id" && group.labels[0] === "Entity" ? "id:ID(Entity)" : null,
    ),
  }));
  // A withdrawn relationship is no edge (a transactional load deletes the edge it replaces).
  const edges = d.relationships.filter((r) => !withdrawnIds.has(r.id));
  const relationships = RELATIONSHIP_KINDS.map((kind) => ({
    type: kind,
    file: writeCsv(
      join(folder, `relationships-${kind}.csv`),
      () =>
        edges
          .filter((r) => r.kind === kind)
          .map((r) => ({ ":START_ID(Entity)": r.from, ":END_ID(Entity)": r.to, ...storedRelationshipProps(r) })),
      (key) => (key.startsWith(":") ? key : null),
    ),
  }));
  // A file without rows has no columns either, which the importer refuses.
  return { nodes: nodes.filter((n) => n.file.rows > 0), relationships: relationships.filter((r) => r.file.rows > 0) };
}

/**
 * Two passes over the rows, made once (one group at a time is held): the first finds the columns
 * and their types (a property of one name has one type throughout), the second writes. `special`
 * names a column the importer reads itself.
 */
function writeCsv(
  path: string,
  makeRows: () => readonly Params[],
  special: (key: string) => string | null,
): ImportFile {
  const rows = makeRows();
  const columns = new Map<string, ColumnType>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      const type = columnType(key, value);
      const known = columns.get(key);
      if (known === undefined) columns.set(key, type);
      else if (known !== type) {
        throw new DomainError("INTERNAL", `property '${key}' is ${known} in one record and ${type} in another`);
      }
    }
  }
  const keys = [...columns.keys()];
  const header = keys.map((key) => special(key) ?? `${key}:${columns.get(key)}`).join(",");
  const out = new BufferedFile(path);
  let multiline = false;
  let count = 0;
  try {
    out.write(`${header}\n`);
    for (const row of rows) {
      const fields = keys.map((key) => csvField(key, row[key]));
      const line = fields.join(",");
      if (/[\r\n]/.test(line)) multiline = true;
      out.write(`${line}\n`);
      count++;
    }
  } finally {
    out.close();
  }
  return { path, multiline, rows: count };
}

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
