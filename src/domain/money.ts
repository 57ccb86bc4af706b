import { BadInputError } from "./errors";
import {
  capHigh,
  type Interval,
  IntervalSum,
  minInterval,
  scaleInterval,
  shareOf,
  subtractIntervals,
  UNBOUNDED,
} from "./interval";

/** How the source stated an amount. Kept next to the numbers because "nearly $20M" and "millions" differ. */
export const QUALIFIERS = ["EXACT", "APPROXIMATE", "AT_LEAST", "AT_MOST", "RANGE", "UNDISCLOSED"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** The period an amount is per. TOTAL is a one-off or cumulative amount and cannot be rescaled. */
export const PERIODS = ["MONTH", "QUARTER", "YEAR", "TOTAL"] as const;
export type Period = (typeof PERIODS)[number];

const MONTHS_PER: Record<Exclude<Period, "TOTAL">, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

export interface Money extends Interval {
  readonly qualifier: Qualifier;
  readonly period: Period;
  /** ISO 4217 code. */
  readonly currency: string;
}

export function money(
  low: number,
  high: number,
  estimate: number | null,
  qualifier: Qualifier,
  period: Period,
  currency = "USD",
): Money {
  return { low, high, estimate, qualifier, period, currency };
}

/** Checks the invariants of an amount; returns the problems (empty when valid). */
export function moneyProblems(m: {
  low: number;
  high: number;
  estimate: number | null;
  qualifier: Qualifier;
}): string[] {
  const problems: string[] = [];
  if (!(m.low >= 0)) problems.push(`low must be a non-negative number (got ${m.low})`);
  if (!(m.high >= m.low)) problems.push(`high (${m.high}) must be >= low (${m.low})`);
  if (m.estimate !== null && !(m.estimate >= m.low && m.estimate <= m.high)) {
    problems.push(`estimate (${m.estimate}) must lie within [low, high] = [${m.low}, ${m.high}]`);
  }
  switch (m.qualifier) {
    case "EXACT":
      if (m.low !== m.high || m.estimate !== m.low) problems.push("an EXACT amount has low = high = estimate");
      break;
    case "AT_LEAST":
      if (m.high !== UNBOUNDED) problems.push("an AT_LEAST amount has no upper bound (high must be null)");
      break;
    case "UNDISCLOSED":
      if (m.estimate !== null || m.low !== 0 || m.high !== UNBOUNDED) {
        problems.push("an UNDISCLOSED amount has no estimate, low 0 and no upper bound");
      }
      break;
    default:
      if (m.high === UNBOUNDED) problems.push(`a ${m.qualifier} amount needs an upper bound`);
  }
  return problems;
}

/** The qualifier that honestly describes a computed interval. */
export function qualifierFor(i: Interval): Qualifier {
  if (i.high === UNBOUNDED) return i.low === 0 && i.estimate === null ? "UNDISCLOSED" : "AT_LEAST";
  if (i.low === i.high && i.estimate === i.low) return "EXACT";
  return i.estimate === null ? "RANGE" : "APPROXIMATE";
}

/**
 * How many of `to` one amount per `from` makes (a year of 12 months, a quarter of 3): 1 for the same
 * period. A one-off or cumulative amount (TOTAL) is per no period and cannot be re-expressed.
 */
function periodFactor(from: Period, to: Period): number {
  if (from === to) return 1;
  if (from === "TOTAL" || to === "TOTAL") {
    throw new BadInputError(`cannot convert an amount per ${from} into one per ${to}`);
  }
  return MONTHS_PER[to] / MONTHS_PER[from];
}

/** Re-expresses an amount per another period (see periodFactor). */
export function convertPeriod(m: Money, period: Period): Money {
  if (m.period === period) return m;
  const { low, high, estimate } = scaleInterval(m, periodFactor(m.period, period));
  return { low, high, estimate, qualifier: m.qualifier, period, currency: m.currency };
}

function assertComparable(items: readonly Money[]): void {
  // Checked on every sum, a line's thousands of flows included: the list of currencies only on failure.
  if (items.every((m) => m.currency === items[0]!.currency)) return;
  const currencies = new Set(items.map((m) => m.currency));
  throw new BadInputError(`cannot add amounts in different currencies: ${[...currencies].join(", ")}`);
}

/**
 * A sum of amounts folded one at a time, each re-expressed per `period` as it comes: a line's
 * thousands of amounts are added without a list of converted copies. An empty sum is exactly zero.
 */
export class MoneySum {
  private readonly sum = new IntervalSum();
  private first: Money | null = null;

  constructor(
    private readonly period: Period,
    private readonly currency = "USD",
  ) {}

  get isEmpty(): boolean {
    return this.first === null;
  }

  add(m: Money): void {
    if (this.first === null) this.first = m;
    else if (m.currency !== this.first.currency) assertComparable([this.first, m]);
    this.sum.add(m, periodFactor(m.period, this.period));
  }

  total(): Money {
    const { low, high, estimate } = this.sum.value();
    const currency = this.first?.currency ?? this.currency;
    return { low, high, estimate, qualifier: qualifierFor({ low, high, estimate }), period: this.period, currency };
  }
}

/** Sum of amounts, all converted to `period` first. An empty sum is exactly zero. */
export function sumMoney(items: readonly Money[], period: Period, currency = "USD"): Money {
  assertComparable(items);
  const sum = new MoneySum(period, currency);
  for (const m of items) sum.add(m);
  return sum.total();
}

/** What remains of `total` once `part` is accounted for (never below zero). */
export function remainderMoney(total: Money, part: Money): Money {
  assertComparable([total, part]);
  const p = convertPeriod(part, total.period);
  const { low, high, estimate } = subtractIntervals(total, p);
  const qualifier = qualifierFor({ low, high, estimate });
  return { low, high, estimate, qualifier, period: total.period, currency: total.currency };
}

/** Share of `part` in `whole`, after putting both on the same period. */
export function moneyShare(part: Money, whole: Money): Interval | null {
  assertComparable([part, whole]);
  return shareOf(convertPeriod(part, whole.period), whole);
}

/** Whether an amount is per a period (and so can be re-expressed per another one). */
export function isPeriodic(m: Money): boolean {
  return m.period !== "TOTAL";
}

/** An amount money flows in but nobody stated: [0, unbounded), no estimate. */
export function undisclosedMoney(period: Period, currency = "USD"): Money {
  return { low: 0, high: UNBOUNDED, estimate: null, qualifier: "UNDISCLOSED", period, currency };
}

/** The amount with its upper bound capped (see capHigh); the qualifier follows the new bounds. */
export function capMoney(m: Money, ceiling: number): Money {
  const { low, high, estimate } = capHigh(m, ceiling);
  if (high === m.high) return m;
  return {
    low,
    high,
    estimate,
    qualifier: qualifierFor({ low, high, estimate }),
    period: m.period,
    currency: m.currency,
  };
}

/**
 * Sum of parts of a whole whose upper bound is known: the sum cannot exceed the whole, so its upper
 * bound is capped at `ceiling` (never below the sum's own lower bound). AT_LEAST parts alone keep the
 * sum unbounded; a ceiling makes it a range.
 */
export function boundedSumMoney(
  items: readonly Money[],
  period: Period,
  ceiling: number = UNBOUNDED,
  currency = "USD",
): Money {
  return capMoney(sumMoney(items, period, currency), ceiling);
}

/** The smallest of several amounts (a chain's bottleneck), all re-expressed per `period`. */
export function minMoney(items: readonly Money[], period: Period): Money | null {
  if (items.length === 0) return null;
  assertComparable(items);
  const least = minInterval(items.map((i) => convertPeriod(i, period)));
  if (least === null) return null;
  const { low, high, estimate } = least;
  return { low, high, estimate, qualifier: qualifierFor(least), period, currency: items[0]!.currency };
}
