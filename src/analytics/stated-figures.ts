import { type DateSpan, METRIC_KINDS, type Metric } from "../domain/entities";
import { formatMoney } from "../domain/format";
import { addIntervals, type Interval } from "../domain/interval";
import { convertPeriod, isPeriodic, type Money, type Period } from "../domain/money";

export interface StatedShare {
  readonly share: Interval;
  readonly metricIds: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly refersTo: DateSpan;
}

export interface StatedTotal {
  /** The stated figure re-expressed per the report's period. */
  readonly amount: Money;
  /** The figure as the source states it. */
  readonly original: Money;
  readonly metricId: string;
  readonly evidenceIds: readonly string[];
  readonly refersTo: DateSpan;
}

/** Metric picked for a date: the latest that had started by `asOf` (the latest overall without a date). */
function pickMetric(metrics: readonly Metric[], asOf: string | null): Metric | null {
  const candidates = metrics.filter((m) => !asOf || m.refersTo.from === null || m.refersTo.from <= asOf);
  candidates.sort((a, b) => (a.refersTo.from ?? "").localeCompare(b.refersTo.from ?? "") || a.id.localeCompare(b.id));
  return candidates.at(-1) ?? null;
}

export function statedTotalOf(
  metrics: readonly Metric[],
  productId: string | null,
  asOf: string | null,
  period: Period,
  notes: string[],
): StatedTotal | null {
  const revenue = metrics.filter(
    (m) => m.kind === METRIC_KINDS.revenue && m.productId === productId && m.money !== null,
  );
  const periodic = revenue.filter((m) => isPeriodic(m.money!));
  for (const m of revenue.filter((x) => !isPeriodic(x.money!))) {
    notes.push(
      `Revenue figure ${m.id} (${formatMoney(m.money!)}) is one-off or cumulative and cannot be a per-${period.toLowerCase()} total.`,
    );
  }
  const m = pickMetric(periodic, asOf);
  if (!m) return null;
  return {
    amount: convertPeriod(m.money!, period),
    original: m.money!,
    metricId: m.id,
    evidenceIds: m.evidenceIds,
    refersTo: m.refersTo,
  };
}

/**
 * The share stated for a counterparty: every figure given for the time the picked one speaks of,
 * side by side ("nearly 25%" beside "about a quarter"), spanning them all, so that one wording
 * never narrows another.
 */
function statedShareOf(
  metrics: readonly Metric[],
  productId: string | null,
  counterpartyId: string,
  asOf: string | null,
): StatedShare | null {
  const shares = metrics.filter(
    (x) =>
      x.kind === METRIC_KINDS.customerShare &&
      x.productId === productId &&
      x.counterpartyId === counterpartyId &&
      x.quantity?.unit === "FRACTION",
  );
  const picked = pickMetric(shares, asOf);
  if (!picked) return null;
  const same = shares.filter((m) => m.refersTo.from === picked.refersTo.from).sort((a, b) => a.id.localeCompare(b.id));
  const estimates = same.flatMap((m) => (m.quantity!.estimate === null ? [] : [m.quantity!.estimate]));
  return {
    share: {
      low: Math.min(...same.map((m) => m.quantity!.low)),
      high: Math.max(...same.map((m) => m.quantity!.high)),
      estimate: estimates.length === 0 ? null : estimates.reduce((sum, e) => sum + e, 0) / estimates.length,
    },
    metricIds: same.map((m) => m.id),
    evidenceIds: [...new Set(same.flatMap((m) => m.evidenceIds))],
    refersTo: picked.refersTo,
  };
}

/** A group's stated share: its own when stated, else the members' summed when every member has one. */
export function groupStatedShare(
  metrics: readonly Metric[],
  productId: string | null,
  groupId: string,
  members: readonly string[],
  asOf: string | null,
): StatedShare | null {
  const own = statedShareOf(metrics, productId, groupId, asOf);
  if (own || members.length === 0) return own;
  const parts = members.map((id) => statedShareOf(metrics, productId, id, asOf));
  if (parts.some((p) => p === null)) return null;
  const sum = addIntervals(parts.map((p) => p!.share));
  return {
    share: {
      low: Math.min(1, sum.low),
      high: Math.min(1, sum.high),
      estimate: sum.estimate === null ? null : Math.min(1, sum.estimate),
    },
    metricIds: parts.flatMap((p) => p!.metricIds),
    evidenceIds: [...new Set(parts.flatMap((p) => p!.evidenceIds))],
    refersTo: parts[0]!.refersTo,
  };
}
