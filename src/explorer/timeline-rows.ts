/**
 * A relationship's claims as a timeline: each claim at the day it was recorded and over the span it
 * speaks of, with the verdict the server gave it (Agreement.verdicts, never decided here) or, for a
 * claim no longer counted, "WITHDRAWN". No DOM, so unit-tested without a browser.
 */
import type { RelationshipSourcesQuery, Verdict } from "./operations/generated";

type Relationship = NonNullable<RelationshipSourcesQuery["relationship"]>;
export type SourcedClaim = Relationship["claims"]["nodes"][number];

export type TimelineMark = Verdict | "WITHDRAWN";

export interface TimelineRow {
  claimId: string;
  /** The record day (YYYY-MM-DD). */
  recorded: string;
  /** The span the claim speaks of; an open end is null. */
  spokeFrom: string | null;
  spokeTo: string | null;
  spokeLabel: string;
  amount: string | null;
  low: number | null;
  high: number | null;
  estimate: number | null;
  mark: TimelineMark;
  source: string;
}

/** The claims the server counts, with its verdicts; any other claim was retracted or superseded. */
export function verdictsById(relationship: Pick<Relationship, "agreement">): Map<string, Verdict> {
  return new Map(relationship.agreement.verdicts.map((entry) => [entry.claimId, entry.verdict]));
}

/** The rows in record order (ties by claim id): how the figure moved as sources came in. */
export function timelineRows(relationship: Pick<Relationship, "agreement" | "claims">): TimelineRow[] {
  const verdicts = verdictsById(relationship);
  return relationship.claims.nodes
    .map((claim) => ({
      claimId: claim.id,
      recorded: claim.recordedAt.slice(0, 10),
      spokeFrom: claim.refersTo.from ?? null,
      spokeTo: claim.refersTo.to ?? null,
      spokeLabel: claim.refersTo.label,
      amount: claim.amount?.display ?? null,
      low: claim.amount?.low ?? null,
      high: claim.amount?.high ?? null,
      estimate: claim.amount?.estimate ?? null,
      mark: verdicts.get(claim.id) ?? ("WITHDRAWN" as const),
      source: claim.source.title,
    }))
    .sort((a, b) => a.recorded.localeCompare(b.recorded) || a.claimId.localeCompare(b.claimId));
}

/** How a mark reads in the timeline's legend and list. */
export const MARK_WORDS: Record<TimelineMark, string> = {
  AGREES: "agrees",
  DISSENTS: "dissents",
  COPY_DISAGREES: "a copy that disagrees",
  INCOMPARABLE: "another currency or period",
  NO_AMOUNT: "no amount",
  WITHDRAWN: "withdrawn",
};
