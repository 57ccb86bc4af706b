import type { MultiDirectedGraph } from "graphology";
import type { GraphNode, NodeKind, Relationship } from "../../domain/entities";
import { bestMatch, normalizeText } from "../../domain/text";
import type { ConnectedNode, SearchHit } from "../graph-store";

/*
 * The embedded store's rankings of nodes over its whole graph: by how connected they are, and by
 * how well they match a search.
 */

export type NodeAttrs = { node: GraphNode; keys: string[] };
export type EdgeAttrs = { rel: Relationship };
export type StoreGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

/** The `limit` nodes of `kinds` (any, when empty) with the most relationships; ties by id. */
export function mostConnectedIn(graph: StoreGraph, kinds: readonly NodeKind[], limit: number): ConnectedNode[] {
  const ranked: ConnectedNode[] = [];
  graph.forEachNode((id, { node }) => {
    if (kinds.length === 0 || kinds.includes(node.nodeKind)) ranked.push({ node, relationships: graph.degree(id) });
  });
  ranked.sort((a, b) => b.relationships - a.relationships || compareStrings(a.node.id, b.node.id));
  return ranked.slice(0, Math.max(0, Math.trunc(limit)));
}

/** The best `limit` matches of `text` among nodes of `kinds`; ties by name, then id. */
export function searchIn(graph: StoreGraph, text: string, kinds: readonly NodeKind[], limit: number): SearchHit[] {
  const q = normalizeText(text);
  if (q === "") return [];
  const hits: SearchHit[] = [];
  graph.forEachNode((_id, { node, keys }) => {
    if (kinds.length > 0 && !kinds.includes(node.nodeKind)) return;
    const match = bestMatch(q, keys);
    if (match) hits.push({ node, score: match.score, matched: match.key });
  });
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      compareStrings(normalizeText(a.node.name), normalizeText(b.node.name)) ||
      compareStrings(a.node.id, b.node.id),
  );
  return hits.slice(0, limit);
}

/** Code-unit order, the order ids are listed in everywhere (not the locale's). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
