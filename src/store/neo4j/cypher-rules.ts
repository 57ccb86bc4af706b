import { PATH_DEPTH } from "../../domain/bounds";
import type { RelationshipKind } from "../../domain/entities";

/**
 * The domain's rules as Cypher, each spelled once and only here: the validity window and "in force"
 * of domain/validity.ts, the filter of store/relationship-filter.ts, the money direction of
 * domain/money-flow.ts. The behaviour suite runs every rule on both stores and holds them equal.
 * Each fragment reads the relationship bound to `r` and the parameter `$asOf`.
 */

/** isValidAt: `$asOf` falls within the relationship's known start and end. */
const VALID_AT = `($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))`;

/** inForce: not planned, valid on `$asOf`, and a former one only when its known end is on or after it. */
export const IN_FORCE = `(r.status <> 'PLANNED'
  AND ${VALID_AT}
  AND (r.status <> 'FORMER' OR ($asOf IS NOT NULL AND r.validTo IS NOT NULL AND r.validTo >= $asOf)))`;

/** matchesFilter, for the predicates that do not depend on the asking node. */
export const COMMON_FILTER = `($productIds IS NULL OR r.productId IN $productIds)
AND ($statuses IS NULL OR r.status IN $statuses)
AND ${VALID_AT}`;

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
