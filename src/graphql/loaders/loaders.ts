import DataLoader from "dataloader";
import type { Evidence, GraphNode, Metric, Relationship, Source } from "../../domain/entities";
import type { GraphStore, PageRequest, RelationshipFilter, RelationshipPage } from "../../store/graph-store";

/**
 * Per-request batching: every lookup made while resolving one level of a query becomes one store
 * call. Relationship lists are batched per distinct (filter, page) so that `customers(first: 5)` on
 * every company of a page is one call, whatever the number of companies. The nodes a relationship
 * page brings along are put in the node loader, so reading the other ends costs no further call.
 */
export interface Loaders {
  node: DataLoader<string, GraphNode | null>;
  relationship: DataLoader<string, Relationship | null>;
  evidence: DataLoader<string, Evidence | null>;
  source: DataLoader<string, Source | null>;
  metrics: DataLoader<string, Metric[]>;
  relationshipsOf(filter: RelationshipFilter, page: PageRequest): DataLoader<string, RelationshipPage>;
}

/**
 * Dispatch once the current turn of the event loop is done rather than after the current
 * microtasks: sibling fields of one level can reach their loaders a few promise hops apart (a
 * cached node, an async resolver), and one level must stay one store call.
 */
const AFTER_THIS_TURN = { batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch) };

export function createLoaders(store: GraphStore): Loaders {
  const relationshipLoaders = new Map<string, DataLoader<string, RelationshipPage>>();
  const node = new DataLoader<string, GraphNode | null>((ids) => store.nodesByIds(ids), AFTER_THIS_TURN);
  return {
    node,
    relationship: new DataLoader((ids) => store.relationshipsByIds(ids), AFTER_THIS_TURN),
    evidence: new DataLoader((ids) => store.evidenceByIds(ids), AFTER_THIS_TURN),
    source: new DataLoader((ids) => store.sourcesByIds(ids), AFTER_THIS_TURN),
    metrics: new DataLoader((ids) => store.metricsOf(ids), AFTER_THIS_TURN),
    relationshipsOf(filter, page) {
      const key = loaderKey(filter, page);
      let loader = relationshipLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const pages = await store.relationshipsOf(ids, filter, page, { withNeighbours: true });
          for (const p of pages) for (const n of p.neighbours) node.prime(n.id, n);
          return pages;
        }, AFTER_THIS_TURN);
        relationshipLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

/** Ids, kinds and dates never hold `,` or `|`, so joining them is a faithful key, and cheaper than JSON. */
export function loaderKey(filter: RelationshipFilter, page: PageRequest): string {
  const list = (values: readonly string[] | undefined) => values?.join(",") ?? "";
  return [
    list(filter.kinds),
    filter.direction ?? "",
    list(filter.productIds),
    list(filter.statuses),
    list(filter.counterpartIds),
    filter.asOf ?? "",
    page.first ?? "",
    page.after ?? "",
  ].join("|");
}
