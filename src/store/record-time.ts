import { checkDate } from "../domain/dates";
import type { Relationship } from "../domain/entities";
import { type RelationshipPart, rowView } from "../domain/relationship-parts";
import {
  identityOf,
  type RelationshipIdentity,
  relationshipFromClaims,
  sourceLineage,
} from "../domain/relationship-view";
import type {
  GraphStore,
  Page,
  PageRequest,
  PlannedList,
  PlanResult,
  PlanRoot,
  RelationshipFilter,
  RelationshipPage,
  PagesOfEach,
  RelationshipPagesOf,
  RelationshipRead,
  RelationshipReadOptions,
} from "./graph-store";
import { byId, matchesFilter, pageById } from "./relationship-filter";

/**
 * Record time, once for both stores. A store holds each relationship as its claims make it now;
 * a read with `knownAt` takes the relationships the filter's kinds, ends and products select (those
 * do not change with time), remakes each from the claims known that day (relationship-view.ts),
 * and only then applies what depends on the claims (status, validity, conflicts) and pages. Each
 * adapter hands a read with `knownAt` to the functions here.
 *
 * A relationship whose every claim is withdrawn now is no longer part of the graph, but the store
 * keeps its identity (withdrawnRelationships), so a record time before the withdrawal shows it.
 */

/** The part of a filter that a relationship's claims cannot change. */
function structuralPart(filter: RelationshipFilter): RelationshipFilter {
  return {
    kinds: filter.kinds,
    direction: filter.direction,
    productIds: filter.productIds,
    counterpartIds: filter.counterpartIds,
  };
}

/** The whole filter but its record time, applied to the remade relationships. */
function withoutRecordTime(filter: RelationshipFilter): RelationshipFilter {
  return { ...filter, knownAt: null };
}

/** The relationships as the claims known at `knownAt` make them; absent when none was known then. */
async function remadeAt(
  store: GraphStore,
  identities: readonly RelationshipIdentity[],
  knownAt: string,
): Promise<Map<string, Relationship>> {
  const unique = [...new Map(identities.map((identity) => [identity.id, identity])).values()];
  const claims = await store.claimsOf(unique.map((identity) => identity.id));
  const sources = await sourceLineage(claims.flat(), (ids) => store.sourcesByIds(ids));
  const remade = new Map<string, Relationship>();
  unique.forEach((identity, index) => {
    const view = relationshipFromClaims(identity, claims[index]!, sources, knownAt);
    if (view) remade.set(identity.id, view);
  });
  return remade;
}

/** Whether a relationship is one of `nodeId`'s (either end). */
function touches(identity: RelationshipIdentity, nodeId: string): boolean {
  return identity.from === nodeId || identity.to === nodeId;
}

/** relationshipsOf with `filter.knownAt` set, for any store. */
export async function relationshipsOfAtRecordTime<P extends RelationshipPart>(
  store: GraphStore,
  nodeIds: readonly string[],
  filter: RelationshipFilter & { knownAt: string },
  page: PageRequest,
  options: RelationshipReadOptions<P> = {},
): Promise<RelationshipPagesOf<P>> {
  const candidates = await store.relationshipsOf(nodeIds, structuralPart(filter), {});
  const withdrawn = await store.withdrawnRelationships({ nodeIds });
  const live = candidates.flatMap((p) => p.items.map(identityOf));
  const remade = await remadeAt(store, [...live, ...withdrawn], filter.knownAt);
  const pages = candidates.map((candidate, index) => {
    const nodeId = nodeIds[index]!;
    const ids = [...candidate.items, ...withdrawn.filter((identity) => touches(identity, nodeId))].map((r) => r.id);
    const kept = [...new Set(ids)].flatMap((id) => remade.get(id) ?? []).sort(byId);
    return pageById(
      kept.filter((r) => matchesFilter(r, nodeId, withoutRecordTime(filter))),
      page.first,
      page.after,
    );
  });
  const whole = options.withNeighbours
    ? await withNeighbours(store, nodeIds, pages)
    : pages.map((p) => ({ ...p, neighbours: [] }));
  const rowOf = rowView(options.parts);
  return whole.map((p) => ({ ...p, items: p.items.map(rowOf) }));
}

async function withNeighbours(
  store: GraphStore,
  nodeIds: readonly string[],
  pages: readonly Page<Relationship>[],
): Promise<RelationshipPage[]> {
  const othersOf = pages.map((p, index) =>
    [...new Set(p.items.map((r) => (r.from === nodeIds[index] ? r.to : r.from)))].sort(),
  );
  const ids = [...new Set(othersOf.flat())];
  const nodes = new Map((await store.nodesByIds(ids)).flatMap((node) => (node ? [[node.id, node]] : [])));
  return pages.map((p, index) => ({ ...p, neighbours: othersOf[index]!.flatMap((id) => nodes.get(id) ?? []) }));
}

/** listRelationships with `filter.knownAt` set, for any store. */
export async function listRelationshipsAtRecordTime(
  store: GraphStore,
  filter: RelationshipFilter & { knownAt: string },
  page: PageRequest,
): Promise<Page<Relationship>> {
  const candidates = await store.listRelationships(structuralPart(filter), {});
  const withdrawn = await store.withdrawnRelationships({});
  const remade = await remadeAt(store, [...candidates.items.map(identityOf), ...withdrawn], filter.knownAt);
  const kept = [...remade.values()].filter((r) => matchesFilter(r, null, withoutRecordTime(filter))).sort(byId);
  return pageById(kept, page.first, page.after);
}

/** relationshipsByIds at record time `knownAt`: withdrawn relationships too, as they were then. */
async function relationshipsByIdsAt(
  store: GraphStore,
  ids: readonly string[],
  knownAt: string,
): Promise<(Relationship | null)[]> {
  const stored = (await store.relationshipsByIds(ids)).filter((r): r is Relationship => r !== null);
  const found = new Set(stored.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  const withdrawn = missing.length > 0 ? await store.withdrawnRelationships({ ids: missing }) : [];
  const remade = await remadeAt(store, [...stored.map(identityOf), ...withdrawn], knownAt);
  return ids.map((id) => remade.get(id) ?? null);
}

/** Whether a read asks for a record time: then the adapter hands it to the functions above. */
export function atRecordTime(filter: RelationshipFilter): filter is RelationshipFilter & { knownAt: string } {
  return typeof filter.knownAt === "string" && filter.knownAt !== "";
}

/** Whether any list of a plan asks for a record time: such a plan is read level by level. */
export function planAsksRecordTime(lists: readonly PlannedList[]): boolean {
  return lists.some((list) => atRecordTime(list.filter) || planAsksRecordTime(list.next));
}

/** The graph as known at `knownAt` (checked as a date), or the store itself when none is given. */
export function graphKnownAt(store: GraphStore, knownAt: string | null | undefined): GraphStore {
  const day = checkDate("knownAt", knownAt);
  return day ? storeKnownAt(store, day) : store;
}

/**
 * The whole graph as known at `knownAt`, as a store: every relationship read goes through the
 * functions above. Analytics take it in place of the store to answer as of a record time.
 */
export function storeKnownAt(store: GraphStore, knownAt: string): GraphStore {
  const known = (filter: RelationshipFilter) => ({ ...filter, knownAt });
  const knownLists = (lists: readonly PlannedList[]): PlannedList[] =>
    lists.map((list) => ({ ...list, filter: known(list.filter), next: knownLists(list.next) }));
  return {
    name: store.name,
    nodesByIds: (ids) => store.nodesByIds(ids),
    nodesOfKindByIds: (kind, ids) => store.nodesOfKindByIds(kind, ids),
    listCompanies: (filter, page) => store.listCompanies(filter, page),
    listProducts: (page) => store.listProducts(page),
    search: (text, kinds, limit) => store.search(text, kinds, limit),
    // How connected a node is counts every relationship stored, whatever its record time.
    mostConnected: (kinds, limit) => store.mostConnected(kinds, limit),
    relationshipsOf: (nodeIds, filter, page, options) => store.relationshipsOf(nodeIds, known(filter), page, options),
    relationshipsOfEach: <const Reads extends readonly RelationshipRead<RelationshipPart>[]>(reads: Reads) =>
      // Each read keeps its parts: the answers are in the order of the reads.
      store.relationshipsOfEach(reads.map((read) => ({ ...read, filter: known(read.filter) }))) as Promise<
        PagesOfEach<Reads>
      >,
    relationshipsByIds: (ids) => relationshipsByIdsAt(store, ids, knownAt),
    withdrawnRelationships: (select) => store.withdrawnRelationships(select),
    listRelationships: (filter, page) => store.listRelationships(known(filter), page),
    evidenceByIds: (ids) => store.evidenceByIds(ids),
    sourcesByIds: (ids) => store.sourcesByIds(ids),
    listSources: (filter, page) => store.listSources(filter, page),
    claimsOf: (ids) => store.claimsOf(ids),
    listClaims: (filter, page) => store.listClaims({ ...filter, knownAt: filter.knownAt ?? knownAt }, page),
    claimsByIds: (ids) => store.claimsByIds(ids),
    receiptFor: (key) => store.receiptFor(key),
    applyBatch: (batch) => store.applyBatch(batch),
    listChanges: (sinceSeq, page) => store.listChanges(sinceSeq, page),
    metricsOf: (ids, kinds) => store.metricsOf(ids, kinds),
    readPlan: (root: PlanRoot, lists: readonly PlannedList[]): Promise<PlanResult> =>
      store.readPlan(root, knownLists(lists)),
    counts: () => store.counts(),
    load: (dataset) => store.load(dataset),
    clear: () => store.clear(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
