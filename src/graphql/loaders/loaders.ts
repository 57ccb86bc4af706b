import DataLoader from "dataloader";
import type { Claim } from "../../domain/claims";
import type { Evidence, GraphNode, Metric, Relationship, Source } from "../../domain/entities";
import type {
  GraphStore,
  PageContents,
  PageRequest,
  RelationshipFilter,
  RelationshipPage,
} from "../../store/graph-store";
import { storeKnownAt } from "../../store/record-time";

/**
 * Per-request batching: every lookup made while resolving one level of a query becomes one store
 * call. Relationship lists are batched per distinct (filter, page) so that `customers(first: 5)` on
 * every company of a page is one call, whatever the number of companies. The nodes a relationship
 * page brings along are put in the node loader, so reading the other ends costs no further call.
 */
export interface Loaders {
  node: DataLoader<string, GraphNode | null>;
  /** Relationships by id as known at record time `knownAt` (now when null); withdrawn ones too before their withdrawal. */
  relationshipAt(knownAt: string | null): DataLoader<string, Relationship | null>;
  evidence: DataLoader<string, Evidence | null>;
  source: DataLoader<string, Source | null>;
  metrics: DataLoader<string, Metric[]>;
  /** Every claim about each relationship, withdrawn ones too, in record order. */
  claimsOf: DataLoader<string, Claim[]>;
  /** Pages of relationships holding `contents` (everything when undefined). */
  relationshipsOf(
    filter: RelationshipFilter,
    page: PageRequest,
    contents?: PageContents,
  ): DataLoader<string, RelationshipPage>;
  /** Puts a node read alongside something else where both `node` and `knownNode` find it. */
  primeNode(node: GraphNode): void;
  /**
   * A node this request has already read, at once: a field that resolves to it then returns the
   * node itself rather than a promise, which spares graphql-js waiting on every item of a list.
   */
  knownNode(id: string): GraphNode | undefined;
}

/**
 * Dispatch once the current turn of the event loop is done rather than after the current
 * microtasks: sibling fields of one level can reach their loaders a few promise hops apart (a
 * cached node, an async resolver), and one level must stay one store call.
 */
const AFTER_THIS_TURN = { batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch) };

export function createLoaders(store: GraphStore): Loaders {
  const relationshipLoaders = new Map<string, DataLoader<string, RelationshipPage>>();
  const byIdLoaders = new Map<string, DataLoader<string, Relationship | null>>();
  const known = new Map<string, GraphNode>();
  const node = new DataLoader<string, GraphNode | null>(async (ids) => {
    const nodes = await store.nodesByIds(ids);
    for (const found of nodes) if (found) known.set(found.id, found);
    return nodes;
  }, AFTER_THIS_TURN);
  const primeNode = (read: GraphNode) => {
    known.set(read.id, read);
    node.prime(read.id, read);
  };
  return {
    node,
    primeNode,
    knownNode: (id) => known.get(id),
    relationshipAt(knownAt) {
      let loader = byIdLoaders.get(knownAt ?? "");
      if (!loader) {
        const read = knownAt ? storeKnownAt(store, knownAt) : store;
        loader = new DataLoader((ids) => read.relationshipsByIds(ids), AFTER_THIS_TURN);
        byIdLoaders.set(knownAt ?? "", loader);
      }
      return loader;
    },
    evidence: new DataLoader((ids) => store.evidenceByIds(ids), AFTER_THIS_TURN),
    source: new DataLoader((ids) => store.sourcesByIds(ids), AFTER_THIS_TURN),
    metrics: new DataLoader((ids) => store.metricsOf(ids), AFTER_THIS_TURN),
    claimsOf: new DataLoader((ids) => store.claimsOf(ids), AFTER_THIS_TURN),
    relationshipsOf(filter, page, contents = {}) {
      const { parts, withTotalCount } = contents;
      const key = loaderKey(filter, page, contents);
      let loader = relationshipLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const pages = await store.relationshipsOf(ids, filter, page, { withNeighbours: true, parts, withTotalCount });
          for (const p of pages) p.neighbours.forEach(primeNode);
          return pages;
        }, AFTER_THIS_TURN);
        relationshipLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

/**
 * Ids, kinds, dates and part names never hold `,` or `|`, so joining them is a faithful key, and
 * cheaper than JSON. Contents are part of the key: a page read with some parts or without its
 * count is only ever given to fields that select no more (see selectedContents).
 */
export function loaderKey(filter: RelationshipFilter, page: PageRequest, contents: PageContents = {}): string {
  const list = (values: readonly string[] | undefined) => values?.join(",") ?? "";
  return [
    list(filter.kinds),
    filter.direction ?? "",
    list(filter.productIds),
    list(filter.statuses),
    list(filter.counterpartIds),
    filter.asOf ?? "",
    filter.knownAt ?? "",
    filter.conflicting ? "conflicting" : "",
    page.first ?? "",
    page.after ?? "",
    contents.parts ? list(contents.parts) : "*",
    contents.withTotalCount === false ? "uncounted" : "",
  ].join("|");
}
