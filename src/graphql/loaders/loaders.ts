import DataLoader from "dataloader";
import type { FieldNode } from "graphql";
import type { Claim } from "../../domain/claims";
import type { Evidence, GraphNode, Metric, Relationship, Source } from "../../domain/entities";
import type { GraphStore, PageRequest, RelationshipFilter, RelationshipPage } from "../../store/graph-store";
import { storeKnownAt } from "../../store/record-time";

/**
 * Per-request batching: every lookup made while resolving one level of a query becomes one store
 * call. A list field no parent read a page of is read for every node of its level at once, so that
 * `customers(first: 5)` on every hit of a search is one call, whatever the number of hits. The
 * nodes a read brings along are put in the node loader, so reading the other ends costs no call.
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
  /** Pages of relationships, every part read (the parent rule's walk). */
  relationshipsOf(filter: RelationshipFilter, page: PageRequest): DataLoader<string, RelationshipPage>;
  /**
   * The planned read of one list field for every node it is asked for at once, per list field
   * (its merged field nodes, which graphql-js shares between the items of a level, so siblings
   * batch): `read` is made on first use (it may throw a refusal, then nothing is kept).
   */
  plannedLists<Level>(
    fieldNodes: readonly FieldNode[],
    makeRead: () => (nodeIds: readonly string[]) => Promise<Level>,
  ): DataLoader<string, Level>;
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

/** The node loader: a node this request has already read answers from `known`, without a batch. */
class KnownFirstLoader extends DataLoader<string, GraphNode | null> {
  constructor(
    private readonly known: ReadonlyMap<string, GraphNode>,
    batch: DataLoader.BatchLoadFn<string, GraphNode | null>,
  ) {
    super(batch, AFTER_THIS_TURN);
  }

  override load(id: string): Promise<GraphNode | null> {
    const found = this.known.get(id);
    return found ? Promise.resolve(found) : super.load(id);
  }
}

export function createLoaders(store: GraphStore): Loaders {
  const relationshipLoaders = new Map<string, DataLoader<string, RelationshipPage>>();
  const byIdLoaders = new Map<string, DataLoader<string, Relationship | null>>();
  const known = new Map<string, GraphNode>();
  const node = new KnownFirstLoader(known, async (ids) => {
    const nodes = await store.nodesByIds(ids);
    for (const found of nodes) if (found) known.set(found.id, found);
    return nodes;
  });
  // A planned read brings thousands of nodes: kept in `known` only, none costs a cached promise.
  const primeNode = (read: GraphNode) => void known.set(read.id, read);
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
    relationshipsOf(filter, page) {
      const key = pageKey(filter, page);
      let loader = relationshipLoaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const pages = await store.relationshipsOf(ids, filter, page, { withNeighbours: true });
          for (const p of pages) p.neighbours.forEach(primeNode);
          return pages;
        }, AFTER_THIS_TURN);
        relationshipLoaders.set(key, loader);
      }
      return loader;
    },
    plannedLists: plannedListLoaders(),
  };
}

/** Loaders.plannedLists, one loader per list field of the request. */
function plannedListLoaders(): Loaders["plannedLists"] {
  const loaders = new WeakMap<readonly FieldNode[], DataLoader<string, unknown>>();
  return <Level>(fieldNodes: readonly FieldNode[], makeRead: () => (nodeIds: readonly string[]) => Promise<Level>) => {
    let loader = loaders.get(fieldNodes) as DataLoader<string, Level> | undefined;
    if (!loader) {
      const read = makeRead();
      loader = new DataLoader(async (ids) => {
        const level = await read(ids);
        return ids.map(() => level);
      }, AFTER_THIS_TURN);
      loaders.set(fieldNodes, loader as DataLoader<string, unknown>);
    }
    return loader;
  };
}

/** Ids, kinds and dates never hold `,` or `|`, so joining them is a faithful key, and cheaper than JSON. */
function pageKey(filter: RelationshipFilter, page: PageRequest): string {
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
  ].join("|");
}
