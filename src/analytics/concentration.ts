import { exact, herfindahlWithRemainder, type Interval, maxInterval, scaleInterval, shareOf } from "../domain/interval";
import type { Money, Period } from "../domain/money";
import type { GraphStore } from "../store/graph-store";
import { checkThreshold } from "../domain/bounds";
import { revenueFlows, type RevenueFlowsInput } from "./revenue-flows";
import type { LineFigures, TotalSource } from "./revenue-line";

/** YES: even the lowest share is above the threshold; POSSIBLY: only the highest is; NO: neither. */
export const THRESHOLD_FLAGS = ["YES", "POSSIBLY", "NO"] as const;
export type ThresholdFlag = (typeof THRESHOLD_FLAGS)[number];

export interface ConcentrationInput {
  readonly companyId: string;
  readonly productId?: string | null;
  readonly asOf?: string | null;
  /** A customer share above this (0..1] is flagged. */
  readonly threshold?: number;
  readonly rollUpGroups?: boolean;
}

export interface CustomerShare {
  /** The customer; when rolled up, the top company of its group. */
  readonly customerId: string;
  readonly memberIds: readonly string[];
  readonly amount: Money;
  readonly share: Interval | null;
  /** YES: even the lowest share is above the threshold; POSSIBLY: only the highest is; NO: neither. */
  readonly exceedsThreshold: ThresholdFlag;
  readonly relationshipIds: readonly string[];
  readonly evidenceIds: readonly string[];
}

export interface ConcentrationReport {
  readonly companyId: string;
  readonly productId: string | null;
  readonly asOf: string | null;
  readonly threshold: number;
  readonly period: Period;
  readonly total: Money;
  readonly totalSource: TotalSource;
  readonly customers: readonly CustomerShare[];
  readonly customerCount: number;
  /** Customers for which a source states an amount (not only that they pay). */
  readonly knownAmountCount: number;
  /** The customer ranked first by amount (estimate, else lower bound). */
  readonly topCustomerId: string | null;
  readonly topShare: Interval | null;
  /** The largest share any one named customer may have (it need not be the top-ranked one). */
  readonly largestShare: Interval | null;
  /** Herfindahl-Hirschman index, 0..1: sum of squared customer shares. */
  readonly hhi: Interval;
  /** The same on the usual 0..10,000 scale. */
  readonly hhiPoints: Interval;
  /** attributed / total: how much of the line the named customers account for. */
  readonly coveredShare: Interval | null;
  readonly notes: readonly string[];
}

export function thresholdFlag(share: Interval | null, threshold: number): ThresholdFlag {
  // A share nobody can compute may be anything, so it may exceed the threshold.
  if (share === null) return "POSSIBLY";
  if (share.low > threshold) return "YES";
  return share.high > threshold ? "POSSIBLY" : "NO";
}

/** Concentration of a line already computed (pure: the churn simulation reuses it on the line after). */
export function concentrationOfLine(
  line: LineFigures,
  meta: { companyId: string; productId: string | null; asOf: string | null; threshold: number },
): ConcentrationReport {
  const notes = [...line.notes];
  const customers = line.flows.map((f): CustomerShare => ({
    customerId: f.counterpartyId,
    memberIds: f.memberIds,
    amount: f.amount,
    share: f.share,
    exceedsThreshold: thresholdFlag(f.share, meta.threshold),
    relationshipIds: f.relationshipIds,
    evidenceIds: f.evidenceIds,
  }));
  const shares = line.flows.filter((f) => f.inTotals && f.share !== null).map((f) => f.share!);
  const remainder = line.unattributed ? shareOf(line.unattributed, line.total) : null;
  if (remainder && remainder.high > 0) {
    notes.push(
      "Part of the total is not attributed to any named customer; the HHI's upper bound counts it as possibly one customer.",
    );
  }
  const hhi = herfindahlWithRemainder(shares, remainder);
  const top = line.flows.find((f) => f.inTotals) ?? null;
  return {
    companyId: meta.companyId,
    productId: meta.productId,
    asOf: meta.asOf,
    threshold: meta.threshold,
    period: line.period,
    total: line.total,
    totalSource: line.totalSource,
    customers,
    customerCount: customers.length,
    knownAmountCount: line.flows.filter((f) => f.amountKnown).length,
    topCustomerId: top?.counterpartyId ?? null,
    topShare: top?.share ?? null,
    largestShare: maxInterval(shares),
    hhi,
    hhiPoints: scaleInterval(hhi, 10_000),
    // Without a stated total the named customers are the whole line by definition.
    coveredShare:
      line.totalSource === "STATED" ? shareOf(line.attributed, line.total) : line.flows.length > 0 ? exact(1) : null,
    notes,
  };
}

/** How dependent a supplier (or one of its product lines) is on its largest customers. */
/** The line a concentration is measured on: what the company's customers pay it, per month. */
export function customerLine(input: ConcentrationInput): RevenueFlowsInput {
  return {
    companyId: input.companyId,
    direction: "IN",
    productId: input.productId ?? null,
    asOf: input.asOf ?? null,
    rollUpGroups: input.rollUpGroups ?? false,
    period: "MONTH",
  };
}

export async function customerConcentration(
  store: GraphStore,
  input: ConcentrationInput,
): Promise<ConcentrationReport> {
  const threshold = checkThreshold(input.threshold);
  const report = await revenueFlows(store, customerLine(input));
  return concentrationOfLine(report, {
    companyId: report.companyId,
    productId: report.productId,
    asOf: report.asOf,
    threshold,
  });
}
