import { PATH_DEPTH } from "../../domain/bounds";
import { type RelationshipKind, SYMMETRIC_KINDS } from "../../domain/entities";
import type { ClaimFilter, RelationshipFilter } from "../graph-store";

/**
 * The domain's rules as Cypher, each spelled once and only here: the validity window and "in force"
 * of domain/validity.ts, the filter of store/relationship-filter.ts, the money direction of
 * domain/money-flow.ts. The behaviour suite runs every rule on both stores and holds them equal.
 * Fragments read the relationship bound to `r` (the other end to `m`) and parameters named by the
 * caller, so one statement can hold several filters.
 */

/** isValidAt: `asOf` falls within the relationship's known start and end. */
function validAt(asOf: string): string {
  return `((r.validFrom IS NULL OR r.validFrom <= ${asOf}) AND (r.validTo IS NULL OR r.validTo >= ${asOf}))`;
}

/** inForce: not planned, valid on `$asOf`, and a former one only when its known end is on or after it. */
export const IN_FORCE = `(r.status <> 'PLANNED'
  AND ($asOf IS NULL OR ${validAt("$asOf")})
  AND (r.status <> 'FORMER' OR ($asOf IS NOT NULL AND r.validTo IS NOT NULL AND r.validTo >= $asOf)))`;

/**
 * matchesFilter, as the predicates the filter actually sets (none: an empty list), reading its values from
 * parameters `${prefix}counterpartIds`, `productIds`, `statuses` and `asOf` (see filterParams), and
 * `conflicting`, which needs no parameter. Record time (`knownAt`) is not a predicate: store/record-time.ts applies it. A
 * predicate is written only when its filter is given, so the planner sees a bare pattern, and counts
 * come from the degree store, whenever nothing narrows it.
 */
export function filterPredicates(filter: RelationshipFilter, prefix = ""): string[] {
  const given = (list: readonly unknown[] | undefined) => list !== undefined && list.length > 0;
  const predicates = [
    given(filter.counterpartIds) ? `m.id IN $${prefix}counterpartIds` : null,
    given(filter.productIds) ? `r.productId IN $${prefix}productIds` : null,
    given(filter.statuses) ? `r.status IN $${prefix}statuses` : null,
    filter.asOf ? validAt(`$${prefix}asOf`) : null,
    filter.conflicting ? "r.agreementConflicting = true" : null,
  ];
  return predicates.filter((predicate): predicate is string => predicate !== null);
}

/**
 * Keyset paging on `variable.id`: after the cursor when there is one. Without one, `IS NOT NULL`
 * still names the property, so the planner walks the id index in order and stops at the LIMIT
 * instead of scanning every node (or relationship) and sorting.
 */
export function idAfter(variable: string, after: string | null | undefined, param: string): string {
  return after ? `${variable}.id > $${param}` : `${variable}.id IS NOT NULL`;
}

/** `WHERE a AND b`, or nothing when there are no conditions. */
export function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "";
}

/** The values filterPredicate reads, under the same prefix. */
export function filterParams(filter: RelationshipFilter, prefix = ""): Record<string, unknown> {
  const listOrNull = (list: readonly string[] | undefined) => (list && list.length > 0 ? [...list] : null);
  return {
    [`${prefix}counterpartIds`]: listOrNull(filter.counterpartIds),
    [`${prefix}productIds`]: listOrNull(filter.productIds),
    [`${prefix}statuses`]: listOrNull(filter.statuses),
    [`${prefix}asOf`]: filter.asOf || null,
  };
}

/**
 * The patterns that match a node's relationships of `kinds` seen from `direction`, node `n`, other
 * end `m`: one directed pattern for directed kinds, one undirected for symmetric kinds (stored once,
 * they belong to both ends), so Neo4j follows the arrow instead of testing each relationship.
 */
export function relationshipPatterns(kinds: readonly RelationshipKind[], direction: string = "BOTH"): string[] {
  if (direction === "BOTH") return kinds.length > 0 ? [`(n)-[r:${typePattern(kinds)}]-(m)`] : [];
  const directed = kinds.filter((kind) => !SYMMETRIC_KINDS.has(kind));
  const symmetric = kinds.filter((kind) => SYMMETRIC_KINDS.has(kind));
  const arrow = direction === "OUT" ? ["-", "->"] : ["<-", "-"];
  return [
    ...(directed.length > 0 ? [`(n)${arrow[0]}[r:${typePattern(directed)}]${arrow[1]}(m)`] : []),
    ...(symmetric.length > 0 ? [`(n)-[r:${typePattern(symmetric)}]-(m)`] : []),
  ];
}

/**
 * Relationship types as a pattern (`BUYS_FROM|INVESTS_IN`). Types cannot be parameters, so they are
 * only ever spelled from the domain's kind lists; input merely selects among them.
 */
export function typePattern(kinds: readonly RelationshipKind[]): string {
  return kinds.join("|");
}

/**
 * Path lengths cannot be parameters either: the requested depth, within PATH_DEPTH, selects one of
 * these literals (`{1,4}`).
 */
export const PATH_QUANTIFIERS: ReadonlyMap<number, string> = new Map(
  Array.from({ length: PATH_DEPTH.max }, (_, index) => [index + 1, `{1,${index + 1}}`]),
);

/**
 * claimsKnownAt (domain/claims.ts) on the claim bound to `c`: recorded by `$knownAt`, not retracted
 * by then, not superseded by a claim recorded by then. Record times compare by their date part.
 */
function claimCounted(c: ClaimVariable): string {
  return `(left(${c}.recordedAt, 10) <= $knownAt
  AND (${c}.retractedAt IS NULL OR left(${c}.retractedAt, 10) > $knownAt)
  AND NOT EXISTS { MATCH (later:Claim {supersedes: ${c}.id}) WHERE left(later.recordedAt, 10) <= $knownAt })`;
}

/** The variables a statement binds a claim to; spelled here, never from input. */
type ClaimVariable = "c" | "n";

/** A record time after every real one: "now" for the claim rules. */
export const RECORD_TIME_NOW = "9999-12-31";

/** The predicates of a ClaimFilter on the claim bound to `c`, reading `$relationshipIds`, `$sourceIds` and `$knownAt`. */
export function claimPredicates(filter: ClaimFilter, c: ClaimVariable): string[] {
  const given = (list: readonly unknown[] | undefined) => list !== undefined && list.length > 0;
  return [
    ...(given(filter.relationshipIds) ? [`${c}.relationshipId IN $relationshipIds`] : []),
    ...(given(filter.sourceIds) ? [`${c}.sourceId IN $sourceIds`] : []),
    filter.includeWithdrawn ? `left(${c}.recordedAt, 10) <= $knownAt` : claimCounted(c),
  ];
}
