import type { Company, GraphNode, NodeKind, Person, Product } from "../../domain/entities";
import { NODE_KINDS } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import { NODE_COLUMNS, type NodeColumn, type NodeRow, readsWholeNodes } from "../../domain/node-columns";
import { optStr, type Props, str, strList, zip } from "./stored-values";

/** How nodes come back from Neo4j: whole, or as rows of the columns a read asked for. */

/**
 * The node properties toNode reads. Reads that ship many nodes project just these, as a list in
 * this order (nodeFromColumns): no search keys, which are the bulk of a node's properties, and no
 * key names, which the driver would decode again for every node.
 */
export const NODE_FIELDS = ["id", "nodeKind", ...NODE_COLUMNS] as const;

/** A node from the values of NODE_FIELDS, in that order. */
export function nodeFromColumns(values: readonly unknown[]): GraphNode {
  return toNode(zip(NODE_FIELDS, values));
}

/** The properties a read of `columns` (every column when undefined) lists, in the order nodeReader reads them. */
export function nodeFields(columns?: readonly NodeColumn[]): readonly string[] {
  return readsWholeNodes(columns) ? NODE_FIELDS : ["id", "nodeKind", ...columns!];
}

/**
 * How a read of `columns` (every column when undefined) turns the values of nodeFields(columns) into a node row:
 * the row nodeView(columns) makes of toNode's node, built straight from the values (a nested read decodes
 * thousands of nodes, and the whole node and its view were two objects more for each).
 */
export function nodeReader(columns?: readonly NodeColumn[]): (values: readonly unknown[]) => NodeRow {
  if (readsWholeNodes(columns)) return nodeFromColumns;
  const kept = columns!;
  return (values) => {
    const row: Record<string, unknown> = { id: str(values[0]), nodeKind: knownKind(values[1], values[0]) };
    const has = KIND_COLUMNS.get(row.nodeKind as NodeKind)!;
    for (let i = 0; i < kept.length; i++) {
      const column = kept[i]!;
      if (has.has(column)) row[column] = COLUMN_READERS[column](values[i + 2] ?? undefined);
    }
    return row as NodeRow;
  };
}

/** How each column's stored value becomes the node's (toNode and nodeReader both read columns through these). */
const COLUMN_READERS: { readonly [C in NodeColumn]: (value: unknown) => Exclude<NodeRow[C], undefined> } = {
  name: str,
  aliases: strList,
  description: optStr,
  evidenceIds: strList,
  country: optStr,
  kind: optStr,
  category: optStr,
};

export function toNode(p: Props): GraphNode {
  const kind = knownKind(p.nodeKind, p.id);
  const base = {
    id: str(p.id),
    name: COLUMN_READERS.name(p.name),
    aliases: COLUMN_READERS.aliases(p.aliases),
    description: COLUMN_READERS.description(p.description),
    evidenceIds: COLUMN_READERS.evidenceIds(p.evidenceIds),
  };
  switch (kind) {
    case "Company":
      return {
        ...base,
        nodeKind: "Company",
        country: COLUMN_READERS.country(p.country),
        kind: COLUMN_READERS.kind(p.kind),
      } satisfies Company;
    case "Product":
      return { ...base, nodeKind: "Product", category: COLUMN_READERS.category(p.category) } satisfies Product;
    case "Person":
      return { ...base, nodeKind: "Person" } satisfies Person;
  }
}

function knownKind(kind: unknown, id: unknown): NodeKind {
  if ((NODE_KINDS as readonly unknown[]).includes(kind)) return kind as NodeKind;
  throw new DomainError(
    "INTERNAL",
    `node '${String(id)}' has no known kind (${String(kind)}; expected one of ${NODE_KINDS.join(", ")})`,
  );
}

/** The columns each kind has: those toNode gives a node of that kind. */
const KIND_COLUMNS: ReadonlyMap<NodeKind, ReadonlySet<NodeColumn>> = new Map(
  NODE_KINDS.map((kind) => {
    const node = toNode({ id: "", nodeKind: kind });
    return [kind, new Set(NODE_COLUMNS.filter((column) => column in node))];
  }),
);
