import { type Relationship, SYMMETRIC_KINDS } from "../domain/entities";
import { isValidAt } from "../domain/validity";
import type { RelationshipIdentity } from "../domain/relationship-view";
import type { RelationshipFilter, WithdrawnSelection } from "./graph-store";

/**
 * The meaning of a RelationshipFilter, as seen from `nodeId`, on a relationship already seen at the
 * filter's record time (`knownAt` itself is applied by store/record-time.ts). The memory store applies it directly;
 * the Neo4j store expresses the same rules in Cypher and the conformance suite holds them equal.
 */
export function matchesFilter(r: Relationship, nodeId: string | null, f: RelationshipFilter): boolean {
  if (!ofKindAndProduct(r, f)) return false;
  if (nodeId !== null) {
    const isFrom = r.from === nodeId;
    const isTo = r.to === nodeId;
    if (!isFrom && !isTo) return false;
    // Symmetric relationships are stored once but belong to both ends, so direction does not apply.
    if (!SYMMETRIC_KINDS.has(r.kind)) {
      if (f.direction === "OUT" && !isFrom) return false;
      if (f.direction === "IN" && !isTo) return false;
    }
    if (f.counterpartIds && f.counterpartIds.length > 0) {
      const other = isFrom ? r.to : r.from;
      if (!f.counterpartIds.includes(other)) return false;
    }
  } else if (!withEitherEnd(r, f)) return false;
  if (f.statuses && f.statuses.length > 0 && !f.statuses.includes(r.status)) return false;
  if (f.conflicting && !r.agreement.conflicting) return false;
  return isValidAt(r, f.asOf);
}

/**
 * The part of a filter a relationship's identity answers, read from no node: its kind, its
 * product, and one of `counterpartIds` at either end. A relationship whose claims are all
 * withdrawn has an identity still, so it is filtered the same way.
 */
export function matchesIdentity(
  identity: RelationshipIdentity,
  f: Pick<RelationshipFilter, "kinds" | "productIds" | "counterpartIds">,
): boolean {
  return ofKindAndProduct(identity, f) && withEitherEnd(identity, f);
}

function ofKindAndProduct(identity: RelationshipIdentity, f: Pick<RelationshipFilter, "kinds" | "productIds">) {
  if (f.kinds && f.kinds.length > 0 && !f.kinds.includes(identity.kind)) return false;
  const products = f.productIds;
  return !products || products.length === 0 || (identity.productId !== null && products.includes(identity.productId));
}

function withEitherEnd(identity: RelationshipIdentity, f: Pick<RelationshipFilter, "counterpartIds">) {
  const ends = f.counterpartIds;
  return !ends || ends.length === 0 || ends.includes(identity.from) || ends.includes(identity.to);
}

/** Whether a withdrawn relationship is among those `select` asks for. */
export function isSelected(identity: RelationshipIdentity, select: WithdrawnSelection): boolean {
  if (!select.ids && !select.nodeIds) return true;
  return (
    (select.ids?.includes(identity.id) ?? false) ||
    (select.nodeIds?.some((id) => id === identity.from || id === identity.to) ?? false)
  );
}

/** Whether the filter asks more than which kinds and which end: an index on both answers the rest. */
export function narrowsBeyondKindAndEnd(f: RelationshipFilter): boolean {
  return some(f.productIds) || some(f.statuses) || some(f.counterpartIds) || Boolean(f.asOf) || Boolean(f.conflicting);
}

function some(list: readonly unknown[] | undefined): boolean {
  return list !== undefined && list.length > 0;
}

/** Keyset page over items already ordered by id; copies only the page. */
export function pageById<T extends { id: string }>(
  sorted: readonly T[],
  first: number | undefined,
  after: string | null | undefined,
) {
  const { start, end } = pageBoundsById(sorted, first, after);
  return { items: sorted.slice(start, end), totalCount: sorted.length, hasNextPage: end < sorted.length };
}

/** Where pageById's page starts and ends in `sorted` (end excluded), for lists kept alongside it. */
export function pageBoundsById(
  sorted: readonly { id: string }[],
  first: number | undefined,
  after: string | null | undefined,
): { start: number; end: number } {
  const start = after ? firstIndexAfter(sorted, after) : 0;
  return { start, end: first === undefined ? sorted.length : Math.min(sorted.length, start + first) };
}

/** A page of items in any order: `after` is the id of the last item already seen (none left when unknown). */
export function pageInOrder<T extends { id: string }>(
  ordered: readonly T[],
  first: number | undefined,
  after: string | null | undefined,
) {
  const start = after ? ordered.findIndex((item) => item.id === after) + 1 || ordered.length : 0;
  const end = first === undefined ? ordered.length : Math.min(ordered.length, start + first);
  return { items: ordered.slice(start, end), totalCount: ordered.length, hasNextPage: end < ordered.length };
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Index of the first item whose id sorts after `id` (binary search; items ordered by id). */
function firstIndexAfter(sorted: readonly { id: string }[], id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
