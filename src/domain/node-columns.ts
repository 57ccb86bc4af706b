import type { Company, GraphNode, Person, Product } from "./entities";

/**
 * The columns of a node a read can leave out. Id and kind are always read: answers are keyed by the
 * id, and the kind says which GraphQL type a node is. A nested read that shows the names of
 * thousands of neighbours asks for the name only, and Neo4j then ships a fraction of each node.
 */
export const NODE_COLUMNS = [
  "name",
  "aliases",
  "description",
  "evidenceIds",
  "country",
  "kind",
  "category",
] as const satisfies readonly (keyof Company | keyof Product | keyof Person)[];

export type NodeColumn = (typeof NODE_COLUMNS)[number];

type ColumnValues = Omit<Company, "nodeKind"> & Omit<Product, "nodeKind">;

/**
 * A node as a read of some columns gives it: id, kind, and those of the columns its kind has. A
 * whole node is a row of every column.
 */
export type NodeRow = Pick<GraphNode, "id" | "nodeKind"> & { readonly [C in NodeColumn]?: ColumnValues[C] };

/** `columns` once each, in NODE_COLUMNS order: equal requests compare and key equal. */
export function normalizeColumns(columns: Iterable<NodeColumn>): readonly NodeColumn[] {
  const wanted = new Set(columns);
  return NODE_COLUMNS.filter((column) => wanted.has(column));
}

/** Whether a read of `columns` (every column when undefined) reads whole nodes. */
export function readsWholeNodes(columns: readonly NodeColumn[] | undefined): boolean {
  return !columns || columns.length === NODE_COLUMNS.length;
}

/**
 * How a read of `columns` (every column when undefined) gives a node: its id, kind and those
 * columns its kind has, nothing else. Both stores answer a planned read with exactly this.
 */
export function nodeView(columns: readonly NodeColumn[] | undefined): (node: NodeRow) => NodeRow {
  if (readsWholeNodes(columns)) return (node) => node;
  return (node) => {
    const row: Record<string, unknown> = { id: node.id, nodeKind: node.nodeKind };
    for (const column of columns!) if (column in node) row[column] = node[column];
    return row as NodeRow;
  };
}

/** Whether two reads name the same columns (both normalized, or both every column). */
export function sameColumns(a: readonly NodeColumn[] | undefined, b: readonly NodeColumn[] | undefined): boolean {
  if (readsWholeNodes(a) || readsWholeNodes(b)) return readsWholeNodes(a) && readsWholeNodes(b);
  return a!.length === b!.length && a!.every((column, i) => column === b![i]);
}
