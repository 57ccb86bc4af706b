import { type Interval, isBounded } from "./interval";
import type { Money } from "./money";

const PER: Record<Money["period"], string> = { MONTH: "/month", QUARTER: "/quarter", YEAR: "/year", TOTAL: "" };
const SYMBOL: Record<string, string> = { USD: "US$", EUR: "€", GBP: "£" };

/** 20000000 -> "20M", 1500000000 -> "1.5B": compact, for labels. */
function compactNumber(n: number): string {
  const abs = Math.abs(n);
  const [div, suffix] =
    abs >= 1e12 ? [1e12, "T"] : abs >= 1e9 ? [1e9, "B"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e3 ? [1e3, "K"] : [1, ""];
  const v = n / div;
  const digits = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 1;
  return `${Number(v.toFixed(digits))}${suffix}`;
}

/** A human label that never hides the uncertainty: "≈ US$20M/month (18M–20M)", "≥ US$1M/month". */
export function formatMoney(m: Money): string {
  const cur = SYMBOL[m.currency] ?? `${m.currency} `;
  const per = PER[m.period];
  const bounds = isBounded(m) ? `${compactNumber(m.low)}–${compactNumber(m.high)}` : null;
  switch (m.qualifier) {
    case "EXACT":
      return `${cur}${compactNumber(m.low)}${per}`;
    case "UNDISCLOSED":
      return `undisclosed${per ? ` (per ${per.slice(1)})` : ""}`;
    case "AT_LEAST":
      return `≥ ${cur}${compactNumber(m.low)}${per}`;
    case "AT_MOST":
      return `≤ ${cur}${compactNumber(m.high)}${per}`;
    default: {
      // A range whose top is open reads as "at least" its bottom, never as a missing number.
      const range = bounds ?? `≥ ${compactNumber(m.low)}`;
      if (m.estimate !== null) return `≈ ${cur}${compactNumber(m.estimate)}${per} (${range})`;
      return bounds === null ? `≥ ${cur}${compactNumber(m.low)}${per}` : `${cur}${bounds}${per}`;
    }
  }
}

/** "24.1% (20.6–25.3%)"; an open top shows as "≥ 1.2%". */
export function formatShare(s: Interval): string {
  const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
  if (!isBounded(s)) return `≥ ${pct(s.low)}`;
  const range = `${Number((s.low * 100).toFixed(1))}–${pct(s.high)}`;
  return s.estimate !== null ? `${pct(s.estimate)} (${range})` : range;
}
