import { type Relationship, type RelationshipStatus, STATUSES } from "./entities";

/**
 * When a relationship holds, in one place. Dates are ISO `YYYY-MM-DD` strings, which compare
 * correctly as strings. The Neo4j adapter spells the same rules in Cypher (see its `cypher-rules.ts`),
 * and the behaviour suite holds the two equal.
 */

type Window = Pick<Relationship, "validFrom" | "validTo">;
type Dated = Pick<Relationship, "status" | "validFrom" | "validTo">;

/** Does `asOf` fall within the relationship's known start and end? Open ends are unbounded. */
export function isValidAt(r: Window, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  if (r.validFrom !== null && r.validFrom > asOf) return false;
  if (r.validTo !== null && r.validTo < asOf) return false;
  return true;
}

/**
 * Is a fact in force on `asOf`? Plans are not (yet). Without a date, former facts are not; with a
 * date, a former fact counts only when its end is known to fall on or after that day.
 */
export function inForce(r: Dated, asOf: string | null | undefined): boolean {
  if (r.status === "PLANNED") return false;
  if (!isValidAt(r, asOf)) return false;
  if (r.status === "FORMER") return Boolean(asOf) && r.validTo !== null && r.validTo >= asOf!;
  return true;
}

/** Like inForce, but a plan counts: a planned competitor is already a risk. */
export function inForceOrPlanned(r: Dated, asOf: string | null | undefined): boolean {
  return r.status === "PLANNED" ? isValidAt(r, asOf) : inForce(r, asOf);
}

/**
 * The statuses a relationship can have and still pass `holds` (inForce, inForceOrPlanned) on
 * `asOf`: each status tried on the widest window the day allows. A store may read only these, and
 * only relationships valid on `asOf`, before `holds` decides on each one: the rule stays here.
 */
export function statusesThatCanHold(
  holds: (r: Dated, asOf: string | null | undefined) => boolean,
  asOf: string | null | undefined,
): RelationshipStatus[] {
  return STATUSES.filter((status) => holds({ status, validFrom: null, validTo: asOf ?? null }, asOf));
}

/** A relationship that had ended by `asOf` (recorded as former, or its end date is before that day). */
export function endedBy(r: Dated, asOf: string | null | undefined): boolean {
  if (asOf && r.validFrom !== null && r.validFrom > asOf) return false;
  if (r.status === "FORMER") return !asOf || r.validTo === null || r.validTo < asOf;
  return Boolean(asOf) && r.validTo !== null && r.validTo < asOf!;
}

/** Something done (a model used) counts once it has started, even if it has ended since: it happened. */
export function hasStarted(r: Pick<Relationship, "status" | "validFrom">, asOf: string | null | undefined): boolean {
  return r.status !== "PLANNED" && (!asOf || r.validFrom === null || r.validFrom <= asOf);
}
