import type { Relationship } from "../domain/entities";
import type { RelationshipRow } from "../domain/relationship-parts";
import { formatMoney } from "../domain/format";
import {
  addIntervals,
  type Interval,
  isBounded,
  overlaps,
  rankValue,
  shareOf,
  shareOfSum,
  UNBOUNDED,
} from "../domain/interval";
import {
  boundedSumMoney,
  capMoney,
  isPeriodic,
  type Money,
  money,
  MoneySum,
  type Period,
  remainderMoney,
  undisclosedMoney,
} from "../domain/money";
import type { Names } from "./nodes";
import { FANOUT_CAP } from "./paths/caps";
import type { StatedShare } from "./stated-figures";

/** STATED: a source states the line's total; ATTRIBUTED: the total is the sum of the named amounts. */
export const TOTAL_SOURCES = ["STATED", "ATTRIBUTED"] as const;
export type TotalSource = (typeof TOTAL_SOURCES)[number];

/** A counterparty's figures on a line: what ranking customers and their shares need. */
export interface FlowFigures {
  /** The counterparty; when rolled up, the top company of its corporate group. */
  readonly counterpartyId: string;
  /** Per the report's period; tightened by the stated total when a source gives no upper bound. */
  readonly amount: Money;
  /** What the sources say, re-expressed per the period, before any tightening. */
  readonly statedAmount: Money;
  readonly capped: boolean;
  /** False when every amount is one-off or cumulative (TOTAL): such a flow is left out of the sums. */
  readonly inTotals: boolean;
  /** Whether any source states an amount (not merely that money flows). */
  readonly amountKnown: boolean;
  /** Computed share of the line total. */
  readonly share: Interval | null;
}

/** A flow's figures next to the seed they were worked out from. */
export interface MeasuredFlow<Row extends MeasuredRow = Relationship> extends FlowFigures {
  readonly seed: FlowSeed<Row>;
}

/** A flow as a revenue report serves it: its figures, and who and what stand behind them. */
export interface RevenueFlow extends FlowFigures {
  /** Companies of the group behind this flow, from the buying/selling companies up to the top. */
  readonly memberIds: readonly string[];
  /** The companies that actually hold the relationships. */
  readonly counterpartIds: readonly string[];
  readonly productIds: readonly string[];
  /** The same computed share, next to the stated one for the cross-check. */
  readonly computedShare: Interval | null;
  readonly statedShare: StatedShare | null;
  /** Do the stated and computed shares overlap? null when either is missing. */
  readonly sharesAgree: boolean | null;
  readonly relationshipIds: readonly string[];
  readonly evidenceIds: readonly string[];
  /** The lowest confidence among the relationships behind the flow. */
  readonly confidence: number;
}

/** What measuring a line reads of a relationship: its amount (its id names it in notes). */
export type MeasuredRow = RelationshipRow<"amount">;

/** A counterparty's relationships on a line, of the parts `Row` holds (whole, for a report that tells them). */
export interface FlowSeed<Row extends MeasuredRow = Relationship> {
  readonly counterpartyId: string;
  readonly memberIds: readonly string[];
  readonly relationships: readonly Row[];
  readonly statedShare: StatedShare | null;
}

export interface LineFigures<Flow extends FlowFigures = RevenueFlow> {
  readonly period: Period;
  readonly currency: string;
  /** Counted flows first, then by amount, largest first. */
  readonly flows: readonly Flow[];
  readonly total: Money;
  readonly totalSource: TotalSource;
  readonly attributed: Money;
  readonly unattributed: Money | null;
  readonly notes: readonly string[];
}

/** What one build of a line counts in, and where it says what it did. */
interface LineTerms {
  readonly period: Period;
  readonly currency: string;
  readonly names: Names;
  readonly notes: string[];
  /** What a relationship that states no amount is taken to carry. */
  readonly undisclosed: Money;
}

/** One counterparty's amounts as the sources give them, before any cap. */
interface Measured<Row extends MeasuredRow> {
  readonly seed: FlowSeed<Row>;
  readonly inTotals: boolean;
  readonly amountKnown: boolean;
  readonly statedAmount: Money;
}

/**
 * Works out the figures of one revenue line from its flows and (optionally) a stated total. Amounts
 * without an upper bound are capped at what the stated total leaves once every other flow takes its
 * minimum; one-off amounts are kept out of the sums; every step is said in `notes`.
 */
export function measureLine<Row extends MeasuredRow>(
  seeds: readonly FlowSeed<Row>[],
  stated: Money | null,
  period: Period,
  names: Names,
  baseNotes: readonly string[] = [],
): LineFigures<MeasuredFlow<Row>> {
  const currency = stated?.currency ?? firstCurrencyOf(seeds) ?? "USD";
  const terms: LineTerms = {
    period,
    currency,
    names,
    notes: [...baseNotes],
    undisclosed: undisclosedMoney(period, currency),
  };
  const measured = seeds.map((seed) => measure(seed, terms));
  const amounts = capOpenAmounts(measured, stated, terms);
  const countedIndexes = measured.flatMap((f, i) => (f.inTotals ? [i] : []));
  const counted = countedIndexes.map((i) => amounts[i]!);
  const attributed = boundedSumMoney(counted, period, stated?.high ?? UNBOUNDED, currency);
  if (stated && attributed.low > stated.high) {
    terms.notes.push(
      `The named amounts (at least ${formatMoney({ ...attributed, qualifier: "AT_LEAST" })}) exceed the stated total ${formatMoney(stated)}: the sources disagree.`,
    );
  }
  // Without a stated total, a flow's share is of itself plus every other counted flow.
  const others = stated ? [] : sumsOfOthers(counted);
  const shares: (Interval | null)[] = measured.map(() => null);
  countedIndexes.forEach((i, position) => {
    shares[i] = stated ? shareOf(amounts[i]!, stated) : shareOfSum(amounts[i]!, others[position]!);
  });
  const flows = measured.map((f, i) => flowFiguresOf(f, amounts[i]!, shares[i]!));
  flows.sort(flowOrder);
  return {
    period,
    currency,
    flows,
    total: stated ?? attributed,
    totalSource: stated ? "STATED" : "ATTRIBUTED",
    attributed,
    unattributed: stated ? remainderMoney(stated, attributed) : null,
    notes: terms.notes,
  };
}

/** The line's figures (see measureLine) with each flow told in full: who and what stand behind it. */
export function buildLine(
  seeds: readonly FlowSeed[],
  stated: Money | null,
  period: Period,
  names: Names,
  baseNotes: readonly string[] = [],
): LineFigures {
  const line = measureLine(seeds, stated, period, names, baseNotes);
  return { ...line, flows: line.flows.map(revenueFlowOf) };
}

/** The currency of the first amount any source states. */
function firstCurrencyOf(seeds: readonly FlowSeed<MeasuredRow>[]): string | undefined {
  for (const seed of seeds) for (const r of seed.relationships) if (r.amount) return r.amount.currency;
  return undefined;
}

/**
 * For each part, the sum of all the others. Up to FANOUT_CAP parts each sum is added term by term,
 * in order, which gives every report the figures it has always given, to the last digit. Beyond, a
 * hub's thousands of customers would make that quadratic: prefix and suffix sums keep it linear,
 * with the same figures up to rounding in the last digit.
 */
function sumsOfOthers(parts: readonly Interval[]): Interval[] {
  if (parts.length <= FANOUT_CAP) return parts.map((_, i) => addIntervals(parts.filter((_, j) => j !== i)));
  const before: Interval[] = [addIntervals([])];
  for (const part of parts) before.push(addIntervals([before.at(-1)!, part]));
  const after: Interval[] = [addIntervals([])];
  for (const part of [...parts].reverse()) after.push(addIntervals([part, after.at(-1)!]));
  after.reverse();
  return parts.map((_, i) => addIntervals([before[i]!, after[i + 1]!]));
}

/** Sums a counterparty's amounts per the line's period; other currencies and one-off amounts stay out. */
function measure<Row extends MeasuredRow>(seed: FlowSeed<Row>, terms: LineTerms): Measured<Row> {
  const { period, currency, names, notes, undisclosed } = terms;
  const comparable = new MoneySum(period, currency);
  const oneOff = new MoneySum("TOTAL", currency);
  let amountKnown = false;
  for (const r of seed.relationships) {
    const a = r.amount ?? undisclosed;
    if (r.amount && r.amount.qualifier !== "UNDISCLOSED") amountKnown = true;
    if (a.currency !== currency) {
      notes.push(
        `${names(seed.counterpartyId)}: ${formatMoney(a)} (${r.id}) is in ${a.currency}, not ${currency}; left out of the sums.`,
      );
    } else if (!isPeriodic(a)) {
      oneOff.add(a);
      notes.push(
        `${names(seed.counterpartyId)}: ${formatMoney(a)} (${r.id}) is one-off or cumulative, not per ${period.toLowerCase()}; left out of the sums.`,
      );
    } else {
      comparable.add(a);
    }
  }
  const inTotals = !comparable.isEmpty;
  const statedAmount = inTotals ? comparable.total() : !oneOff.isEmpty ? oneOff.total() : undisclosed;
  return { seed, inTotals, amountKnown, statedAmount };
}

/**
 * A counted amount without an upper bound can be at most what a bounded stated total leaves once
 * every other counterparty takes its minimum; any other amount stays as stated.
 */
function capOpenAmounts(measured: readonly Measured<MeasuredRow>[], stated: Money | null, terms: LineTerms): Money[] {
  const lows = measured.filter((f) => f.inTotals).reduce((acc, f) => acc + f.statedAmount.low, 0);
  return measured.map((f) => {
    if (!f.inTotals || isBounded(f.statedAmount) || !stated || !isBounded(stated)) return f.statedAmount;
    const othersLow = lows - f.statedAmount.low;
    const capped = capMoney(f.statedAmount, stated.high - othersLow);
    if (capped !== f.statedAmount) {
      const { period, currency } = terms;
      const fixed = (n: number) => formatMoney(money(n, n, n, "EXACT", period, currency));
      terms.notes.push(
        `${terms.names(f.seed.counterpartyId)}: the sources give no upper bound (${formatMoney(f.statedAmount)}); capped at ${formatMoney(capped)}: ` +
          `the stated total's upper bound (${fixed(stated.high)}) less the other counterparties' minimum (${fixed(othersLow)}).`,
      );
    }
    return capped;
  });
}

function flowFiguresOf<Row extends MeasuredRow>(
  f: Measured<Row>,
  amount: Money,
  share: Interval | null,
): MeasuredFlow<Row> {
  return {
    seed: f.seed,
    counterpartyId: f.seed.counterpartyId,
    amount,
    statedAmount: f.statedAmount,
    capped: amount !== f.statedAmount,
    inTotals: f.inTotals,
    amountKnown: f.amountKnown,
    share,
  };
}

function revenueFlowOf(flow: MeasuredFlow): RevenueFlow {
  const { seed, ...figures } = flow;
  const { statedShare, relationships: rels, memberIds } = seed;
  const { share } = figures;
  return {
    ...figures,
    memberIds,
    counterpartIds: [...new Set(rels.map((r) => (memberIds.includes(r.from) ? r.from : r.to)))].sort(),
    productIds: [...new Set(rels.map((r) => r.productId).filter((p): p is string => p !== null))].sort(),
    computedShare: share,
    statedShare,
    sharesAgree: statedShare && share ? overlaps(statedShare.share, share) : null,
    relationshipIds: rels.map((r) => r.id),
    evidenceIds: [...new Set([...rels.flatMap((r) => r.evidenceIds), ...(statedShare?.evidenceIds ?? [])])],
    confidence: rels.reduce((lowest, r) => Math.min(lowest, r.confidence), Infinity),
  };
}

function flowOrder(a: FlowFigures, b: FlowFigures): number {
  return (
    Number(b.inTotals) - Number(a.inTotals) ||
    rankValue(b.amount) - rankValue(a.amount) ||
    b.amount.high - a.amount.high ||
    a.counterpartyId.localeCompare(b.counterpartyId)
  );
}
