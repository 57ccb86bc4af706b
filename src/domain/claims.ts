import type { DateSpan, Disclosure, RelationshipStatus, Source } from "./entities";
import type { Money } from "./money";

/**
 * What several sources say about one relationship, and the rules that turn their claims into the
 * relationship the API serves: each rule here once, for both stores (docs/claims-fusion.md).
 */

/** A claim's retraction: who withdrew it, when (record time) and why. The claim itself stays. */
export interface Retraction {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

/**
 * One source's assertion about a relationship (its kind, ends and product are the relationship's).
 * Immutable once recorded: a correction supersedes it, a retraction marks it.
 */
export interface Claim {
  readonly id: string;
  readonly relationshipId: string;
  readonly sourceId: string;
  readonly amount: Money | null;
  /** The time the source speaks of (valid time), as it puts it: "March 2024", "Q1 2024". */
  readonly refersTo: DateSpan;
  /** When the relationship began and ended, only when the source says so (null: not said). */
  readonly began: string | null;
  readonly ended: string | null;
  readonly status: RelationshipStatus;
  readonly disclosure: Disclosure;
  /** 0..1: how sure this source is. */
  readonly confidence: number;
  readonly evidenceIds: readonly string[];
  /** Record time: when the graph learnt it (ISO date or date-time), and who recorded it. */
  readonly recordedAt: string;
  readonly recordedBy: string;
  /** The claim this one corrects; the corrected claim stays, no longer counted once this one is known. */
  readonly supersedes: string | null;
  readonly retraction: Retraction | null;
}

/** Record times compare by their date part against a `knownAt` date: a claim recorded that day is known that day. */
function recordedBy(at: string, knownAt: string | null): boolean {
  return knownAt === null || at.slice(0, 10) <= knownAt;
}

/**
 * The claims the graph held at record time `knownAt` (now when null): recorded by then, not
 * retracted by then, not superseded by a claim recorded by then.
 */
export function claimsKnownAt<C extends Pick<Claim, "id" | "recordedAt" | "supersedes" | "retraction">>(
  claims: readonly C[],
  knownAt: string | null,
): C[] {
  const recorded = claims.filter((claim) => recordedBy(claim.recordedAt, knownAt));
  const superseded = new Set(recorded.flatMap((claim) => (claim.supersedes ? [claim.supersedes] : [])));
  return recorded.filter(
    (claim) => !superseded.has(claim.id) && !(claim.retraction !== null && recordedBy(claim.retraction.at, knownAt)),
  );
}

/**
 * The claims a list shows at `knownAt`: the counted ones (claimsKnownAt), or with `includeWithdrawn`
 * every claim recorded by then. As recorded: see claimAsKnownAt for what a reader then saw.
 */
export function listedClaims<C extends Pick<Claim, "id" | "recordedAt" | "supersedes" | "retraction">>(
  claims: readonly C[],
  knownAt: string | null,
  includeWithdrawn: boolean,
): C[] {
  return includeWithdrawn
    ? claims.filter((claim) => recordedBy(claim.recordedAt, knownAt))
    : claimsKnownAt(claims, knownAt);
}

/** A claim as the graph saw it at `knownAt`: a retraction recorded later is not yet visible. */
export function claimAsKnownAt(claim: Claim, knownAt: string | null): Claim {
  if (claim.retraction === null || recordedBy(claim.retraction.at, knownAt)) return claim;
  return { ...claim, retraction: null };
}

/** The sources each source repeats or cites (empty for an original one). */
export type DerivedFrom = (sourceId: string) => readonly string[];

/** What a source repeats as known at `knownAt`: its own `derivedFrom`, and the derivations recorded by then. */
export function derivedFromAt(
  source: Pick<Source, "derivedFrom" | "derivations"> | undefined,
  knownAt: string | null,
): string[] {
  if (!source) return [];
  const learnt = source.derivations.filter((d) => recordedBy(d.recordedAt, knownAt)).map((d) => d.derivedFrom);
  return learnt.length === 0 ? [...source.derivedFrom] : [...new Set([...source.derivedFrom, ...learnt])];
}

/** A source and every source it traces back to through `derivedFrom`, sorted. Cycles end where they close. */
export function lineageOf(sourceId: string, derivedFrom: DerivedFrom): string[] {
  const lineage = new Set<string>();
  const pending = [sourceId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (lineage.has(id)) continue;
    lineage.add(id);
    pending.push(...derivedFrom(id));
  }
  return [...lineage].sort();
}

/**
 * How many independent origins stand behind these sources: sources whose lineages meet (one
 * repeats the other, or both repeat a third) count once, however many outlets repeat a story.
 * Conservative: a source that cites two originals joins them into one.
 */
export function independentOrigins(sourceIds: readonly string[], derivedFrom: DerivedFrom): number {
  return originGroups(sourceIds, derivedFrom).length;
}

/** Sources that tell one story: the sources themselves, and every source they trace back to. */
export interface OriginGroup {
  readonly sources: readonly string[];
  readonly lineage: ReadonlySet<string>;
}

/** The sources grouped so that two whose lineages meet, directly or through a third, are in one group. */
export function originGroups(sourceIds: readonly string[], derivedFrom: DerivedFrom): OriginGroup[] {
  const groups: { lineage: Set<string>; sources: string[] }[] = [];
  for (const sourceId of new Set(sourceIds)) {
    const merged = { lineage: new Set(lineageOf(sourceId, derivedFrom)), sources: [sourceId] };
    for (const group of groups.filter((g) => [...g.lineage].some((id) => merged.lineage.has(id)))) {
      group.lineage.forEach((id) => merged.lineage.add(id));
      merged.sources.push(...group.sources);
      groups.splice(groups.indexOf(group), 1);
    }
    groups.push(merged);
  }
  return groups.map((group) => ({ sources: group.sources.sort(), lineage: group.lineage }));
}

/**
 * How sure the claims make the relationship, 0..1: within an origin the surest claim counts (a
 * repeat adds nothing), and independent origins add up as independent chances of being right
 * (1 - product of the chances each is wrong). Null without claims.
 */
export function combinedConfidence(
  claims: readonly Pick<Claim, "sourceId" | "confidence">[],
  derivedFrom: DerivedFrom,
): number | null {
  if (claims.length === 0) return null;
  const groups = originGroups(
    claims.map((claim) => claim.sourceId),
    derivedFrom,
  );
  const wrong = groups.reduce((product, group) => {
    const surest = Math.max(
      ...claims.filter((claim) => group.sources.includes(claim.sourceId)).map((c) => c.confidence),
    );
    return product * (1 - clampConfidence(surest));
  }, 1);
  // Rounded so that one origin's 0.3 comes back as 0.3, not 0.30000000000000004.
  return Math.round((1 - wrong) * 1e12) / 1e12;
}

function clampConfidence(value: number): number {
  return Math.min(1, Math.max(0, value));
}
