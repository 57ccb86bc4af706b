import type { GraphNode } from "../../domain/entities";
import type { GraphStore } from "../../store/graph-store";
import type { Context } from "../context";

/**
 * The store a resolver hands to analytics, for one request: the nodes an analytic reads (by id, or
 * at the other ends of relationships) become the request's known nodes, so that a field showing
 * one of them afterwards (a flow's counterparty, a path's nodes) reads nothing more. Every other
 * call goes to the store as it is.
 */
export function sharingNodes(store: GraphStore, ctx: Pick<Context, "loaders">): GraphStore {
  const prime = (node: GraphNode | null) => node && ctx.loaders.primeNode(node);
  const nodesByIds: GraphStore["nodesByIds"] = async (ids) => {
    const nodes = await store.nodesByIds(ids);
    nodes.forEach(prime);
    return nodes;
  };
  const relationshipsOf: GraphStore["relationshipsOf"] = async (nodeIds, filter, page, options) => {
    const pages = await store.relationshipsOf(nodeIds, filter, page, options);
    for (const read of pages) read.neighbours.forEach(prime);
    return pages;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === "nodesByIds") return nodesByIds;
      if (property === "relationshipsOf") return relationshipsOf;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
