import DataLoader from "dataloader";
import type { Evidence, GraphNode, Metric, Relationship, Source } from "../../domain/entities";
import type { GraphStore, Page, PageRequest, RelationshipFilter } from "../../store/graph-store";

/**
 * Per-request batching: every lookup made while resolving one level of a query becomes one store
 * call. Relationship lists are batched per distinct (filter, page) so that `customers(first: 5)` on
 * every company of a page is one call, whatever the number of companies.
 */
export interface Loaders {
  node: DataLoader<string, GraphNode | null>;
  relationship: DataLoader<string, Relationship | null>;
  evidence: DataLoader<string, Evidence | null>;
  source: DataLoader<string, Source | null>;
  metrics: DataLoader<string, Metric[]>;
  relationshipsOf(filter: RelationshipFilter, page: PageRequest): DataLoader<string, Page<Relationship>>;
}

export function createLoaders(store: GraphStore): Loaders {
  const relationshipLoaders = new Map<string, DataLoader<string, Page<Relationship>>>();
  return {
    node: new DataLoader((ids) => store.nodesByIds(ids)),
    relationship: new DataLoader((ids) => store.relationshipsByIds(ids)),
    evidence: new DataLoader((ids) => store.evidenceByIds(ids)),
    source: new DataLoader((ids) => store.sourcesByIds(ids)),
    metrics: new DataLoader((ids) => store.metricsOf(ids)),
    relationshipsOf(filter, page) {
      const key = JSON.stringify([filter, page]);
      let loader = relationshipLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => store.relationshipsOf(ids, filter, page));
        relationshipLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
