import { type Claim, type DerivedFrom, originGroups } from "./claims";
import type { Interval } from "./interval";
import { convertPeriod, type Money, money, PERIODS, type Period, type Qualifier, qualifierFor } from "./money";

/**
 * Fusion by origin: how the counted claims about one relationship become the amount it serves,
 * and what each claim's part in it is (docs/claims-fusion.md).
 *
 * 1. Claims of sources whose lineages meet are one origin, and one voice: the origin's root
 *    source speaks when it has a claim; else the hull of its copies' claims does. A copy never
 *    narrows its origin (rewrites that round "nearly $20M" to "$20M" are not a second measurement).
 * 2. Amounts compare only in one currency and one kind of period (a rate per month, quarter or
 *    year, or a TOTAL that cannot be rescaled). The relationship takes the currency and period
 *    held by the largest weight of origins; claims in any other are incomparable, counted and
 *    listed, never chosen.
 * 3. Across origins, overlapping voices intersect. Disjoint ones conflict, and the amount served
 *    is the consensus: the interval held by the largest weight of origins (weight is an origin's
 *    surest confidence; a tie goes to more origins, then to the lower interval, the cautious
 *    reading of money at risk). Origins outside it dissent.
 *
 * Two figures agree when their intervals overlap, and only then: the words-to-amounts rules of
 * seed/README.md already widen every rounded figure ("about $13B" is 12.35–13.65B), so no further
 * slack is added here.
 */

/** What one claim is to the served amount. */
export const VERDICTS = ["AGREES", "DISSENTS", "COPY_DISAGREES", "INCOMPARABLE", "NO_AMOUNT"] as const;
/**
 * AGREES: its origin's voice holds the served amount. DISSENTS: its origin's voice lies outside it.
 * COPY_DISAGREES: a copy whose figure its own origin's root does not share (the root speaks).
 * INCOMPARABLE: another currency, or a TOTAL beside rates (or the reverse). NO_AMOUNT: states none.
 */
export type Verdict = (typeof VERDICTS)[number];

/** One independent origin and the amount it speaks for. */
export interface OriginVoice {
  /** The origin's root: the first original source its claims trace back to (by id). */
  readonly originId: string;
  /** The sources of the counted claims that trace to it, sorted. */
  readonly sourceIds: readonly string[];
  readonly claimIds: readonly string[];
  /** What it says, in the relationship's currency and period; null when it states no comparable amount. */
  readonly amount: Money | null;
  /** ROOT: the root source's own claim; COPIES: the hull of its copies' claims; NONE: no comparable amount. */
  readonly speaksThrough: "ROOT" | "COPIES" | "NONE";
  /** Its surest claim's confidence. */
  readonly weight: number;
  /** Whether its voice holds the served amount (null: it states no comparable amount). */
  readonly agrees: boolean | null;
}

export interface Fusion {
  /** The served amount: the voices' intersection, or the consensus when they conflict. */
  readonly amount: Money | null;
  readonly conflicting: boolean;
  /** How far the farthest dissenting voice lies from the served amount, over the larger low (0 without dissent). */
  readonly gap: number;
  readonly origins: readonly OriginVoice[];
  /** Each counted claim's verdict, by claim id. */
  readonly verdicts: ReadonlyMap<string, Verdict>;
}

/** The class an amount compares within: a currency, and a rate (rescalable) or a TOTAL. */
function classOf(m: Money): string {
  return `${m.currency}|${m.period === "TOTAL" ? "TOTAL" : "RATE"}`;
}

interface OriginClaims {
  readonly sourceIds: readonly string[];
  readonly roots: ReadonlySet<string>;
  readonly claims: readonly Claim[];
}

/** Fuses the counted claims of one relationship (see the rules above). */
export function fuseClaims(known: readonly Claim[], derivedFrom: DerivedFrom): Fusion {
  const origins = originsOf(known, derivedFrom);
  const target = amountClass(origins, new Map(known.map((claim, index) => [claim.id, index])));
  const voices = origins.map((origin) => voiceOf(origin, target));
  const consensus = consensusOf(voices.map((v) => v.voice));
  const verdicts = new Map<string, Verdict>();
  const settled = voices.map(({ voice, disagreeingCopies }) => {
    const agrees = voice.amount === null ? null : consensus.holders.has(voice);
    for (const claim of known.filter((c) => voice.claimIds.includes(c.id)))
      verdicts.set(claim.id, verdictOf(claim, target, agrees, disagreeingCopies));
    return { ...voice, agrees };
  });
  return {
    amount: consensus.amount,
    conflicting: consensus.conflicting,
    gap: consensus.gap,
    origins: settled,
    verdicts,
  };
}

function originsOf(known: readonly Claim[], derivedFrom: DerivedFrom): OriginClaims[] {
  return originGroups(
    known.map((claim) => claim.sourceId),
    derivedFrom,
  ).map((group) => ({
    sourceIds: group.sources,
    roots: new Set([...group.lineage].filter((id) => derivedFrom(id).length === 0)),
    claims: known.filter((claim) => group.sources.includes(claim.sourceId)),
  }));
}

interface AmountClass {
  readonly key: string;
  readonly currency: string;
  readonly period: Period;
}

/**
 * The currency and kind of period held by the largest weight of origins (then by more origins,
 * then the one first recorded), and within rates the period with the most weight (then the shortest).
 */
function amountClass(origins: readonly OriginClaims[], recordOrder: ReadonlyMap<string, number>): AmountClass | null {
  const weights = new Map<string, { weight: number; origins: number; first: number }>();
  for (const origin of origins) {
    const stated = origin.claims.filter((claim) => claim.amount !== null);
    for (const key of new Set(stated.map((claim) => classOf(claim.amount!)))) {
      const inClass = stated.filter((claim) => classOf(claim.amount!) === key);
      const entry = weights.get(key) ?? { weight: 0, origins: 0, first: Number.POSITIVE_INFINITY };
      const first = Math.min(entry.first, ...inClass.map((claim) => recordOrder.get(claim.id)!));
      weights.set(key, { weight: entry.weight + surest(inClass), origins: entry.origins + 1, first });
    }
  }
  const ranked = [...weights.entries()].sort(
    ([, a], [, b]) => b.weight - a.weight || b.origins - a.origins || a.first - b.first,
  );
  const key = ranked[0]?.[0];
  if (key === undefined) return null;
  const [currency, kind] = key.split("|") as [string, string];
  return { key, currency, period: kind === "TOTAL" ? "TOTAL" : weightiestPeriod(origins, key) };
}

/** Among the rates of class `key`, the period its origins give the most weight (then the shortest). */
function weightiestPeriod(origins: readonly OriginClaims[], key: string): Period {
  const weights = new Map<Period, number>();
  for (const origin of origins) {
    const rates = origin.claims.filter((claim) => claim.amount && classOf(claim.amount) === key);
    for (const period of new Set(rates.map((claim) => claim.amount!.period))) {
      const said = rates.filter((claim) => claim.amount!.period === period);
      weights.set(period, (weights.get(period) ?? 0) + surest(said));
    }
  }
  return [...weights.entries()].sort(([pa, a], [pb, b]) => b - a || PERIODS.indexOf(pa) - PERIODS.indexOf(pb))[0]![0];
}

function surest(claims: readonly Pick<Claim, "confidence">[]): number {
  return Math.max(0, ...claims.map((claim) => Math.min(1, Math.max(0, claim.confidence))));
}

interface Voiced {
  readonly voice: Omit<OriginVoice, "agrees">;
  /** Copies whose figure the root's voice does not share. */
  readonly disagreeingCopies: ReadonlySet<string>;
}

/** An origin's voice: its root's comparable claims when it has some, else the hull of its copies'. */
function voiceOf(origin: OriginClaims, target: AmountClass | null): Voiced {
  const comparable = origin.claims.filter((claim) => target && claim.amount && classOf(claim.amount) === target.key);
  const fromRoot = comparable.filter((claim) => origin.roots.has(claim.sourceId));
  const speaking = fromRoot.length > 0 ? fromRoot : comparable;
  const amounts = speaking.map((claim) => convertPeriod(claim.amount!, target!.period));
  const amount = amounts.length === 0 ? null : hullOf(amounts);
  const disagreeingCopies = new Set(
    fromRoot.length === 0 || amount === null
      ? []
      : comparable
          .filter((claim) => !origin.roots.has(claim.sourceId))
          .filter((claim) => !overlap(convertPeriod(claim.amount!, target!.period), amount))
          .map((claim) => claim.id),
  );
  return {
    voice: {
      originId: [...origin.roots].sort()[0] ?? origin.sourceIds[0]!,
      sourceIds: origin.sourceIds,
      claimIds: origin.claims.map((claim) => claim.id),
      amount,
      speaksThrough: amount === null ? "NONE" : fromRoot.length > 0 ? "ROOT" : "COPIES",
      weight: surest(speaking.length > 0 ? speaking : origin.claims),
    },
    disagreeingCopies,
  };
}

function verdictOf(
  claim: Claim,
  target: AmountClass | null,
  agrees: boolean | null,
  disagreeingCopies: ReadonlySet<string>,
): Verdict {
  if (claim.amount === null) return "NO_AMOUNT";
  if (!target || classOf(claim.amount) !== target.key) return "INCOMPARABLE";
  if (disagreeingCopies.has(claim.id)) return "COPY_DISAGREES";
  return agrees ? "AGREES" : "DISSENTS";
}

/** One amount that spans the given ones (one origin's copies): lowest low to highest high. */
function hullOf(amounts: readonly Money[]): Money {
  if (amounts.length === 1) return amounts[0]!;
  const low = Math.min(...amounts.map((m) => m.low));
  const high = Math.max(...amounts.map((m) => m.high));
  const estimate = meanEstimate(amounts, low, high);
  const qualifier = hullQualifier(amounts, { low, high, estimate });
  return money(low, high, estimate, qualifier, amounts[0]!.period, amounts[0]!.currency);
}

/** Copies that all say the same kind of thing keep saying it; otherwise the hull is what its bounds honestly make. */
function hullQualifier(amounts: readonly Money[], bounds: Interval): Qualifier {
  const first = amounts[0]!.qualifier;
  const same = amounts.every((m) => m.qualifier === first);
  return same && (first !== "EXACT" || bounds.low === bounds.high) ? first : qualifierFor(bounds);
}

function overlap(a: Interval, b: Interval): boolean {
  return Math.max(a.low, b.low) <= Math.min(a.high, b.high);
}

/** The mean of the estimates that fall within [low, high]; null when none does. */
function meanEstimate(amounts: readonly Interval[], low: number, high: number): number | null {
  const inside = amounts.flatMap((m) =>
    m.estimate !== null && m.estimate >= low && m.estimate <= high ? [m.estimate] : [],
  );
  return inside.length === 0 ? null : inside.reduce((sum, value) => sum + value, 0) / inside.length;
}

interface Consensus {
  readonly amount: Money | null;
  readonly conflicting: boolean;
  readonly gap: number;
  /** The voices that hold the served amount. */
  readonly holders: ReadonlySet<Omit<OriginVoice, "agrees">>;
}

/**
 * The served amount from the origins' voices: their intersection when they overlap (the weightiest
 * point is then held by all), else the consensus around the weightiest point.
 */
function consensusOf(all: readonly Omit<OriginVoice, "agrees">[]): Consensus {
  const voices = all.filter((v) => v.amount !== null);
  if (voices.length === 0) return { amount: null, conflicting: false, gap: 0, holders: new Set() };
  const point = weightiestPoint(voices);
  const holders = voices.filter((v) => v.amount!.low <= point && point <= v.amount!.high);
  const amounts = holders.map((v) => v.amount!);
  const low = Math.max(...amounts.map((m) => m.low));
  const high = Math.min(...amounts.map((m) => m.high));
  const estimate = meanEstimate(amounts, low, high);
  const qualifier = amounts.length === 1 ? amounts[0]!.qualifier : qualifierFor({ low, high, estimate });
  const amount = money(low, high, estimate, qualifier, amounts[0]!.period, amounts[0]!.currency);
  const dissenters = voices.filter((v) => !holders.includes(v));
  return {
    amount,
    conflicting: dissenters.length > 0,
    gap: Math.max(0, ...dissenters.map((v) => distance(amount, v.amount!))),
    holders: new Set(holders),
  };
}

/**
 * The amount held by the largest weight of voices: the weight at a point is the sum of the voices
 * whose interval holds it, and its maximum is reached at some voice's low. Ties go to the point
 * held by more voices, then to the lower one.
 */
function weightiestPoint(voices: readonly Omit<OriginVoice, "agrees">[]): number {
  const scored = voices.map(({ amount }) => {
    const point = amount!.low;
    const holding = voices.filter((v) => v.amount!.low <= point && point <= v.amount!.high);
    return { point, weight: holding.reduce((sum, v) => sum + v.weight, 0), count: holding.length };
  });
  // Weights are sums of confidences: round so that 0.1 + 0.2 ties with 0.3.
  const rounded = (value: number) => Math.round(value * 1e9);
  scored.sort((a, b) => rounded(b.weight) - rounded(a.weight) || b.count - a.count || a.point - b.point);
  return scored[0]!.point;
}

/** How far apart two disjoint intervals are, over the larger low (0 when they overlap). */
function distance(a: Interval, b: Interval): number {
  const highestLow = Math.max(a.low, b.low);
  const lowestHigh = Math.min(a.high, b.high);
  return highestLow > lowestHigh ? (highestLow - lowestHigh) / highestLow : 0;
}
