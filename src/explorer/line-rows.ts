/**
 * A revenue line as rows to draw: each customer's share as a range (low to high, the estimate
 * marked, an unknown upper end left open), and which of the supplier's lines to open on. No DOM, so
 * unit-tested without a browser.
 */
import type { RevenueLineQuery } from "../../schema/client";
import { UNBOUNDED } from "../domain/interval";
import { convertPeriod } from "../domain/money";
import type { LineAmountFragment } from "./operations/generated";
import { percent } from "./words";

export type LineReport = RevenueLineQuery["revenueFlows"];

export interface ShareRow {
  id: string;
  customer: string;
  /** Percent of the line. */
  low: number;
  /** Percent; null when no source bounds it from above (drawn open to the right). */
  high: number | null;
  estimate: number | null;
  /** The server's words for the share, e.g. "≈ 24% (21.6%–26.4%)". */
  label: string;
}

/** One row per customer with a share, widest-known first; the churned ones are left out. */
export function shareRows(report: LineReport, lost: readonly string[]): ShareRow[] {
  const rows: ShareRow[] = [];
  for (const flow of report.flows) {
    if (!flow.share || lost.includes(flow.counterpartyId)) continue;
    rows.push({
      id: flow.counterpartyId,
      customer: flow.counterparty.name,
      low: percent(flow.share.low)!,
      high: percent(flow.share.high),
      estimate: percent(flow.share.estimate),
      label: flow.share.display,
    });
  }
  return rows;
}

/** Where the axis ends: past the widest known end, so ranges keep their size and labels their room. */
export function axisEnd(rows: readonly ShareRow[]): number {
  const ends = rows.map((row) => row.high ?? row.low);
  const widest = Math.max(10, ...ends);
  return Math.min(100, Math.ceil((widest * 1.15) / 10) * 10);
}

/**
 * A line's size for comparing lines: its amount per year (the domain's conversion), at its estimate,
 * else the middle of what is known, else its low end. A one-off total is compared as it stands.
 */
export function yearlySize(amount: LineAmountFragment | null | undefined): number {
  if (!amount) return 0;
  const stated = { ...amount, high: amount.high ?? UNBOUNDED };
  const yearly = stated.period === "TOTAL" ? stated : convertPeriod(stated, "YEAR");
  if (yearly.estimate !== null) return yearly.estimate;
  return Number.isFinite(yearly.high) ? (yearly.low + yearly.high) / 2 : yearly.low;
}

export interface LineSize {
  product: string;
  /** The line's currency: lines in different currencies are not compared (the graph has no exchange rates). */
  currency: string;
  /** The yearly size of the total a source states, or null when no source states one. */
  stated: number | null;
  /** The yearly size of the sum of the amounts named. */
  attributed: number;
}

/**
 * The line to open on: the supplier's largest stated line (a source gives its total, so its shares
 * mean something); without one, the largest attributed line. Never "all products": a supplier's
 * products are separate lines, and their shares do not add up. Sizes are compared only within one
 * currency, the one most of the lines are in (on a tie, the first line's): 90 million yen is not
 * more than 1 million dollars, and nothing here converts one into the other.
 */
export function largestLine(sizes: readonly LineSize[]): string | null {
  const currency = mostCommonCurrency(sizes);
  const comparable = sizes.filter((line) => line.currency === currency);
  const stated = comparable.filter((line) => line.stated !== null);
  const pool = stated.length > 0 ? stated : comparable;
  const size = (line: LineSize) => line.stated ?? line.attributed;
  let best: LineSize | null = null;
  for (const line of pool) if (!best || size(line) > size(best)) best = line;
  return best?.product ?? null;
}

function mostCommonCurrency(sizes: readonly LineSize[]): string | null {
  const counts = new Map<string, number>();
  for (const line of sizes) counts.set(line.currency, (counts.get(line.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [currency, count] of counts) if (best === null || count > counts.get(best)!) best = currency;
  return best;
}
