/**
 * A quantity known only within bounds. `high` may be Infinity ("at least low"); `estimate` is null
 * when the source gives no central figure. Every computation keeps the bounds: there are no silent
 * point estimates in this product.
 */
export interface Interval {
  readonly estimate: number | null;
  readonly low: number;
  readonly high: number;
}

export const UNBOUNDED = Number.POSITIVE_INFINITY;

export function interval(low: number, high: number, estimate: number | null = null): Interval {
  return { low, high, estimate };
}

export function exact(value: number): Interval {
  return { low: value, high: value, estimate: value };
}

export function isBounded(i: Pick<Interval, "high">): boolean {
  return Number.isFinite(i.high);
}

/**
 * "No upper bound" leaves the process as null: in JSON, in GraphQL (Float cannot carry Infinity), in
 * Neo4j properties, in exports. These two are the only conversions between the forms.
 */
export function highOrNull(i: Pick<Interval, "high">): number | null {
  return isBounded(i) ? i.high : null;
}

/** The inverse of highOrNull: a missing upper bound is UNBOUNDED. */
export function highFromNullable(high: number | null | undefined): number {
  return high ?? UNBOUNDED;
}

export function addIntervals(parts: readonly Interval[]): Interval {
  const sum = new IntervalSum();
  for (const part of parts) sum.add(part);
  return sum.value();
}

/**
 * Intervals added one at a time, each scaled by a non-negative factor first (1: as it is), in the
 * order they come: thousands of parts are summed without a list of scaled copies. An empty sum is
 * exactly zero.
 */
export class IntervalSum {
  private low = 0;
  private high = 0;
  private estimate: number | null = 0;

  add(part: Interval, factor = 1): void {
    assertScaleFactor(factor);
    this.low += part.low * factor;
    this.high += scaleHigh(part.high, factor);
    this.estimate = this.estimate === null || part.estimate === null ? null : this.estimate + part.estimate * factor;
  }

  value(): Interval {
    return { low: this.low, high: this.high, estimate: this.estimate };
  }
}

/** a - b, for a remainder that cannot go below zero (what is left of a total once parts are known). */
export function subtractIntervals(a: Interval, b: Interval): Interval {
  const low = Math.max(0, a.low - b.high);
  const high = Math.max(0, a.high - b.low);
  const estimate = a.estimate === null || b.estimate === null ? null : clamp(a.estimate - b.estimate, low, high);
  return { low, high, estimate };
}

export function scaleInterval(i: Interval, factor: number): Interval {
  assertScaleFactor(factor);
  return {
    low: i.low * factor,
    high: scaleHigh(i.high, factor),
    estimate: i.estimate === null ? null : i.estimate * factor,
  };
}

function assertScaleFactor(factor: number): void {
  if (factor < 0) throw new RangeError("scale factor must be non-negative");
}

/** An upper bound scaled: an unbounded one stays unbounded (UNBOUNDED times 0 would be NaN). */
function scaleHigh(high: number, factor: number): number {
  return high === UNBOUNDED ? UNBOUNDED : high * factor;
}

/**
 * part / whole as a share in [0, 1]. The widest honest bounds: smallest part over largest whole,
 * largest part over smallest whole. A share is a fraction of the whole, so it is clipped to 1.
 * Returns null when the whole may be zero and nothing can be said.
 */
export function shareOf(part: Interval, whole: Interval): Interval | null {
  if (whole.high === 0) return null;
  const low = whole.high === UNBOUNDED ? 0 : part.low / whole.high;
  const high = whole.low === 0 ? 1 : Math.min(1, part.high / whole.low);
  let estimate: number | null = null;
  if (part.estimate !== null && whole.estimate !== null && whole.estimate > 0) {
    estimate = clamp(part.estimate / whole.estimate, low, high);
  }
  return { low: Math.min(low, 1), high, estimate };
}

/** Herfindahl-Hirschman index (sum of squared shares, 0..1) over shares that are intervals. */
export function herfindahl(shares: readonly Interval[]): Interval {
  let low = 0;
  let high = 0;
  let estimate: number | null = 0;
  for (const s of shares) {
    low += s.low * s.low;
    high += s.high * s.high;
    estimate = estimate === null || s.estimate === null ? null : estimate + s.estimate * s.estimate;
  }
  // Shares of one whole sum to at most 1, so their squares do too.
  return { low: Math.min(low, 1), high: Math.min(high, 1), estimate: estimate === null ? null : Math.min(estimate, 1) };
}

/** The largest of several intervals, bound by bound. */
export function maxInterval(values: readonly Interval[]): Interval | null {
  return extremeInterval(values, Math.max);
}

/** The smallest of several intervals, bound by bound. */
export function minInterval(values: readonly Interval[]): Interval | null {
  return extremeInterval(values, Math.min);
}

function extremeInterval(values: readonly Interval[], pick: (a: number, b: number) => number): Interval | null {
  const [first, ...rest] = values;
  if (!first) return null;
  let { low, high, estimate } = first;
  for (const v of rest) {
    low = pick(low, v.low);
    high = pick(high, v.high);
    estimate = estimate === null || v.estimate === null ? null : pick(estimate, v.estimate);
  }
  // The chosen estimate can fall outside the bounds chosen from other values; keep it consistent.
  if (estimate !== null) estimate = clamp(estimate, low, high);
  return { low, high, estimate };
}

/** True when the two intervals share at least one value. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** A value to rank by: the estimate when there is one, otherwise the lower bound (never the unknown top). */
export function rankValue(i: Interval): number {
  return i.estimate ?? i.low;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * Caps the upper bound at `ceiling` when another source bounds the value (a part cannot exceed its
 * whole). The cap never goes below the lower bound: if the sources disagree, the low bound stands.
 */
export function capHigh(i: Interval, ceiling: number): Interval {
  const high = Math.min(i.high, Math.max(ceiling, i.low));
  return { low: i.low, high, estimate: i.estimate === null ? null : clamp(i.estimate, i.low, high) };
}

/**
 * part / (part + rest): the share of a part in a whole that is the part plus other parts. Tighter than
 * `shareOf(part, sum)` because the part appears in both numerator and denominator: the share is
 * smallest when the part is low and the rest high, largest the other way round.
 */
export function shareOfSum(part: Interval, rest: Interval): Interval | null {
  const ratio = (p: number, r: number) => {
    if (p === UNBOUNDED) return r === UNBOUNDED ? null : 1;
    if (r === UNBOUNDED) return 0;
    return p + r === 0 ? null : p / (p + r);
  };
  const low = ratio(part.low, rest.high);
  const high = ratio(part.high, rest.low);
  if (low === null && high === null) return null;
  const lo = low ?? 0;
  const hi = high ?? 1;
  let estimate: number | null = null;
  if (part.estimate !== null && rest.estimate !== null && part.estimate + rest.estimate > 0) {
    estimate = clamp(part.estimate / (part.estimate + rest.estimate), lo, hi);
  }
  return { low: lo, high: hi, estimate };
}

/**
 * HHI bounds when the named shares may not cover the whole: `remainder` is the share nobody is named
 * for. The low bound counts the named shares only (unnamed customers can only add). The high bound
 * is the smaller of two valid bounds: every share at its top plus the remainder held by one customer,
 * and (largest possible share) x (sum of shares, at most 1), since sum(s²) <= max(s) * sum(s).
 */
export function herfindahlWithRemainder(shares: readonly Interval[], remainder: Interval | null): Interval {
  const named = herfindahl(shares);
  const rem = remainder ?? exact(0);
  const maxShare = Math.min(1, Math.max(rem.high, ...shares.map((s) => s.high), 0));
  const sumHigh = Math.min(1, shares.reduce((acc, s) => acc + s.high, 0) + rem.high);
  const squaresHigh = shares.reduce((acc, s) => acc + s.high * s.high, 0) + rem.high * rem.high;
  const high = Math.max(named.low, Math.min(1, squaresHigh, maxShare * sumHigh));
  // With an unnamed remainder nobody knows how it splits, so there is no central figure.
  const estimate = rem.high === 0 && named.estimate !== null ? clamp(named.estimate, named.low, high) : null;
  return { low: named.low, high, estimate };
}
