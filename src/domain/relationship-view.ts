import { type Claim, claimsKnownAt, combinedConfidence, type DerivedFrom, derivedFromAt } from "./claims";
import type { Agreement, DateSpan, Relationship, Source } from "./entities";
import { type Fusion, fuseClaims } from "./fusion";
import { groupBy } from "./grouping";

/**
 * A relationship as the API serves it is a view of its claims (docs/claims-fusion.md): this file is
 * the one place that turns claims into that view, for both stores, at any record time.
 */

/**
 * The version of the rules that make a view from its claims (here and in fusion.ts). Raise it when
 * one changes: a store holding views made by older rules makes them again (Neo4j, at start).
 */
export const VIEW_RULES_VERSION = 2;

/** What a relationship is apart from its claims: its identity and the words that describe it. */
export type RelationshipIdentity = Pick<
  Relationship,
  "id" | "kind" | "from" | "to" | "productId" | "market" | "role" | "purpose" | "note"
>;

/** A relationship's identity: what its claims do not change. */
export function identityOf(r: Relationship): RelationshipIdentity {
  const { id, kind, from, to, productId, market, role, purpose, note } = r;
  return { id, kind, from, to, productId, market, role, purpose, note };
}

/** What the view needs of a source: when it was published and what it repeats (and since when). */
export type SourceFacts = Pick<Source, "id" | "publishedOn" | "derivedFrom" | "derivations">;

/**
 * Each source the claims cite, and every source those repeat, as far as the lineage goes: read
 * level by level through `fetch` (a store, or a transaction under way).
 */
export async function sourceLineage<S extends SourceFacts>(
  claims: readonly Claim[],
  fetch: (ids: readonly string[]) => Promise<readonly (S | null)[]>,
): Promise<Map<string, S>> {
  const facts = new Map<string, S>();
  let pending = [...new Set(claims.map((claim) => claim.sourceId))];
  while (pending.length > 0) {
    const found = await fetch(pending);
    for (const source of found) if (source) facts.set(source.id, source);
    const repeated = found.flatMap((source) => (source ? derivedFromAt(source, null) : []));
    pending = [...new Set(repeated)].filter((id) => !facts.has(id));
  }
  return facts;
}

/** Claims grouped by the relationship they are about, each group in the order given. */
export function claimsByRelationship(claims: readonly Claim[]): Map<string, Claim[]> {
  return groupBy(claims, (claim) => claim.relationshipId);
}

/** Claims in the order their words count: oldest record first, then by id. */
export function byRecordOrder(a: Claim, b: Claim): number {
  return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The relationship the claims make at record time `knownAt` (now when null), or null when no claim
 * was known then. `sources` holds every source the claims cite and every source those repeat.
 */
export function relationshipFromClaims(
  identity: RelationshipIdentity,
  claims: readonly Claim[],
  sources: ReadonlyMap<string, SourceFacts>,
  knownAt: string | null,
): Relationship | null {
  const known = claimsKnownAt(claims, knownAt).sort(byRecordOrder);
  if (known.length === 0) return null;
  const derivedFrom = lineageAt(sources, knownAt);
  const fusion = fuseClaims(known, derivedFrom);
  const published = known.flatMap((claim) => sources.get(claim.sourceId)?.publishedOn ?? []).sort();
  return {
    ...identity,
    amount: fusion.amount,
    status: latestWord(known, sources).status,
    validFrom: earliest(known.map((claim) => claim.began)),
    validTo: latest(known.map((claim) => claim.ended)),
    confidence: combinedConfidence(known, derivedFrom)!,
    evidenceIds: [...new Set(known.flatMap((claim) => claim.evidenceIds))],
    agreement: agreementOf(known, fusion),
    firstReported: published[0] ?? null,
    lastReported: published.at(-1) ?? null,
    knownAt,
  };
}

/** What each source repeats as the graph knew it at `knownAt`. */
function lineageAt(sources: ReadonlyMap<string, SourceFacts>, knownAt: string | null): DerivedFrom {
  return (id) => derivedFromAt(sources.get(id), knownAt);
}

/** The fusion of a relationship's claims known at `knownAt`, with every claim's verdict (see fusion.ts). */
export function fusionAt(
  claims: readonly Claim[],
  sources: ReadonlyMap<string, SourceFacts>,
  knownAt: string | null,
): Fusion {
  return fuseClaims(claimsKnownAt(claims, knownAt).sort(byRecordOrder), lineageAt(sources, knownAt));
}

function agreementOf(known: readonly Claim[], fusion: Fusion): Agreement {
  const withVerdict = (...verdicts: string[]) =>
    known.filter((claim) => verdicts.includes(fusion.verdicts.get(claim.id)!)).map((claim) => claim.id);
  return {
    claims: known.length,
    independentOrigins: fusion.origins.length,
    conflicting: fusion.conflicting,
    gap: fusion.gap,
    dissent: withVerdict("DISSENTS", "COPY_DISAGREES").sort(),
    incomparable: withVerdict("INCOMPARABLE").sort(),
  };
}

/**
 * The claim that speaks of the latest time, whose status the relationship takes: the end of the
 * time it refers to, else its start, else the day its source was published; ties go to the later record.
 */
function latestWord(known: readonly Claim[], sources: ReadonlyMap<string, SourceFacts>): Claim {
  const spokenOf = (claim: Claim) =>
    claim.refersTo.to ?? claim.refersTo.from ?? sources.get(claim.sourceId)?.publishedOn ?? "";
  return known.reduce((best, claim) => (spokenOf(claim) >= spokenOf(best) ? claim : best));
}

function earliest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((min, date) => (date !== null && (min === null || date < min) ? date : min), null);
}

function latest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((max, date) => (date !== null && (max === null || date > max) ? date : max), null);
}

/** The times the claims speak of, each once, dated ones first in order of their start, then undated ones. */
export function periodsSpokenOf(claims: readonly Pick<Claim, "refersTo">[]): DateSpan[] {
  const distinct = new Map(
    claims.map(({ refersTo }) => [`${refersTo.from}|${refersTo.to}|${refersTo.label}`, refersTo]),
  );
  const key = (span: DateSpan) => span.from ?? span.to ?? "~";
  return [...distinct.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
