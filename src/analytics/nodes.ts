import type { GraphNode } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { NodeColumn, NodeRow } from "../domain/node-columns";
import type { GraphStore } from "../store/graph-store";

/** A node's display name, its id when the node was not read. */
export type Names = (id: string) => string;

/** Reads the company (and product) in one call; unknown or wrong-kind ids are bad input. */
export async function requireNodes(
  store: GraphStore,
  companyIds: readonly string[],
  productId: string | null,
): Promise<Map<string, GraphNode>> {
  const ids = [...new Set([...companyIds, ...(productId ? [productId] : [])])];
  const nodes = await store.nodesByIds(ids);
  const byId = new Map<string, GraphNode>();
  nodes.forEach((n) => n && byId.set(n.id, n));
  const unknown = companyIds.filter((id) => byId.get(id)?.nodeKind !== "Company");
  if (unknown.length > 0) {
    throw new BadInputError(`unknown company: ${unknown.map((id) => JSON.stringify(id)).join(", ")}`, { ids: unknown });
  }
  if (productId && byId.get(productId)?.nodeKind !== "Product") {
    throw new BadInputError(`unknown product: ${JSON.stringify(productId)}`, { id: productId });
  }
  return byId;
}

export function namesOf(nodes: ReadonlyMap<string, NodeRow>): Names {
  return (id) => nodes.get(id)?.name ?? id;
}

/** What a report reads of the nodes it only mentions: their names, and a product's category. */
const MENTIONED_COLUMNS: readonly NodeColumn[] = ["name", "category"];

/**
 * Reads the nodes of `ids` not in `known` yet, with the columns a mention needs, into `known`: at a
 * hub they are thousands, and a whole node ships its aliases, description and evidence too.
 */
export async function readMentioned(
  store: GraphStore,
  ids: Iterable<string>,
  known: Map<string, NodeRow>,
): Promise<void> {
  const unread = [...new Set(ids)].filter((id) => !known.has(id));
  if (unread.length === 0) return;
  const { root } = await store.readPlan({ kind: "nodes", ids: unread, columns: MENTIONED_COLUMNS }, []);
  for (const node of root.items) known.set(node.id, node);
}
