/**
 * The sources of a generated graph and the claims they add after the first one: second opinions
 * (a wire, a filing), late arrivals (a reprint learnt later to copy the filing, a digest in euros),
 * retractions and corrections. What makes multi-source views, conflicts and record times.
 */
import type { Claim } from "../src/domain/claims";
import type { Evidence, Source } from "../src/domain/entities";
import { claimsByRelationship } from "../src/domain/relationship-view";

export const GENERATOR = "generator";
/** The day the generated dataset is published and its first claims recorded. */
export const GENERATED_ON = "2024-08-01";

/** A wire service that repeats the generated dataset, and a filing that is an origin of its own. */
export function secondOpinionSources(origin: Source): [Source, Source] {
  const base = { language: "en", publisher: null, url: null, document: null, derivations: [] };
  return [
    {
      ...base,
      id: `${origin.id}-wire`,
      kind: "NEWS",
      title: "A wire story repeating the dataset",
      publishedOn: "2024-09-01",
      derivedFrom: [origin.id],
    },
    {
      ...base,
      id: `${origin.id}-filing`,
      kind: "FILING",
      title: "A filing with figures of its own",
      publishedOn: "2025-02-01",
      derivedFrom: [],
    },
  ];
}

/** The generator's random draws, one sequence through all parts. */
export interface Draws {
  readonly float: () => number;
  readonly int: (from: number, to: number) => number;
  readonly pick: <T>(xs: readonly T[]) => T;
}

/** Where later claims draw from and state their evidence (a part being built). */
export interface Stating {
  readonly draws: Draws;
  statedBy(sourceId: string, id: string, what: string, from: string | null, to: string | null): Evidence;
}

/**
 * More claims about some purchases with an amount, recorded later: a wire repeating the figure
 * (one origin more source, no new origin), a filing that agrees or contradicts it, and now and
 * then a filing claim retracted or superseded. What makes multi-source views and conflicts.
 */
export function secondOpinions(claims: readonly Claim[], [wire, filing]: [Source, Source], part: Stating): Claim[] {
  const { float, pick } = part.draws;
  const more: Claim[] = [];
  const purchases = claims.filter(
    (c) => c.amount !== null && c.amount.qualifier !== "UNDISCLOSED" && c.relationshipId.startsWith("buys-from-"),
  );
  for (const claim of purchases) {
    const roll = float();
    if (roll < 0.1) more.push(restated(claim, wire, 1, part, "2024-09-01"));
    else if (roll < 0.25) more.push(restated(claim, filing, pick([0.95, 1, 3, 0.2]), part, "2025-02-01"));
    else if (roll < 0.35) {
      const doubted = restated(claim, filing, 5, part, "2025-02-01");
      const retraction = { at: "2025-06-01", by: GENERATOR, reason: "the filing was misread" };
      more.push(float() < 0.5 ? { ...doubted, retraction } : doubted);
      if (doubted.retraction === null && float() < 0.5)
        more.push({
          ...restated(claim, filing, 1, part, "2025-07-01"),
          id: `${doubted.id}-corrected`,
          supersedes: doubted.id,
        });
    }
  }
  return more;
}

/** The sources whose claims arrive late: a reprint learnt later to copy the filing, a digest in euros. */
export interface LateSources {
  readonly origin: Source;
  readonly filing: Source;
  readonly reprint: Source;
  readonly digest: Source;
}

export function laterSources(origin: Source): [Source, Source] {
  const base = { language: "en", publisher: null, url: null, document: null, derivedFrom: [], derivations: [] };
  return [
    { ...base, id: `${origin.id}-reprint`, kind: "NEWS", title: "A reprint", publishedOn: "2025-02-10" },
    { ...base, id: `${origin.id}-digest`, kind: "NEWS", title: "A digest in euros", publishedOn: "2024-10-01" },
  ];
}

/**
 * The harder cases of fusion, on every generated graph: a reprint of the filing that the graph only
 * learns later to be one (a derivation recorded 2025-03-01), a digest giving figures in euros, and now
 * and then a purchase whose only claim is retracted, so that the relationship is withdrawn and shows
 * only at earlier record times.
 */
export function lateArrivals(
  claims: readonly Claim[],
  { origin, filing, reprint, digest }: LateSources,
  part: Stating,
): { claims: Claim[]; retracted: Map<string, Claim> } {
  const more: Claim[] = [];
  const retracted = new Map<string, Claim>();
  const perRelationship = claimsByRelationship(claims);
  // The reprint copies the filing as it stands: a filing claim another one corrects is not reprinted
  // (its reprint and its correction's would be one claim, with one id, twice).
  const corrected = new Set(claims.map((c) => c.supersedes));
  for (const claim of claims.filter((c) => c.amount !== null && c.amount.qualifier !== "UNDISCLOSED")) {
    const roll = part.draws.float();
    if (claim.sourceId === filing.id && claim.retraction === null && !corrected.has(claim.id) && roll < 0.5) {
      more.push({ ...restated(claim, reprint, 1.02, part, "2025-02-15"), confidence: 0.6 });
    } else if (claim.sourceId === origin.id && roll < 0.1) {
      const euros = restated(claim, digest, 1, part, "2024-10-01");
      more.push({ ...euros, amount: { ...euros.amount!, currency: "EUR" }, confidence: 0.3 });
    } else if (claim.sourceId === origin.id && roll < 0.13 && perRelationship.get(claim.relationshipId)!.length === 1) {
      retracted.set(claim.id, {
        ...claim,
        retraction: { at: "2025-05-01", by: GENERATOR, reason: "the company denied it" },
      });
    }
  }
  return { claims: more, retracted };
}

/** `claim`'s figure times `factor`, said by `source` and recorded on `recordedAt`. */
function restated(claim: Claim, source: Source, factor: number, part: Stating, recordedAt: string): Claim {
  const id = `${claim.relationshipId}-${source.id.split("-").at(-1)}-${recordedAt}`;
  const amount = claim.amount!;
  const scale = (value: number) => (Number.isFinite(value) ? Math.round(value * factor) : value);
  const stated = part.statedBy(
    source.id,
    id,
    `${source.title} on ${claim.relationshipId}`,
    claim.refersTo.from,
    claim.refersTo.to,
  );
  return {
    ...claim,
    id: `claim-${id}`,
    sourceId: source.id,
    amount: {
      ...amount,
      low: scale(amount.low),
      high: scale(amount.high),
      estimate: amount.estimate === null ? null : scale(amount.estimate),
    },
    disclosure: stated.disclosure,
    evidenceIds: [stated.id],
    recordedAt,
  };
}
