/**
 * A relationship's claims timeline, drawn with Observable Plot: each claim's amount (low to high,
 * the estimate a dot) at the day it was recorded, and the same over the span it speaks of, coloured
 * by the server's verdict; below, the claims as a list in record order.
 */
import * as Plot from "@observablehq/plot";
import { el } from "./dom";
import { MARK_WORDS, type TimelineMark, type TimelineRow } from "./timeline-rows";

const MARK_COLOURS: Record<TimelineMark, string> = {
  AGREES: "#0f766e",
  DISSENTS: "#dc2626",
  COPY_DISAGREES: "#ea580c",
  INCOMPARABLE: "#7c3aed",
  NO_AMOUNT: "#667085",
  WITHDRAWN: "#98a2b3",
};

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const amountOf = (row: TimelineRow) => row.estimate ?? row.low;

/** One chart: amount against a time the claim has (its record day, or the span it speaks of). */
function chart(rows: TimelineRow[], title: string, x1: (row: TimelineRow) => Date, x2: (row: TimelineRow) => Date) {
  const withAmount = rows.filter((row) => row.low !== null);
  const colour = { domain: Object.keys(MARK_COLOURS), range: Object.values(MARK_COLOURS) };
  // Scaled to the figures themselves: a loose bound (≤ US$99B) runs off the top instead of flattening them.
  const top = Math.max(...withAmount.map(amountOf).filter((value): value is number => value !== null)) * 1.6 || 1;
  return Plot.plot({
    width: 300,
    height: 150,
    marginLeft: 48,
    caption: title,
    x: { type: "utc", label: null, ticks: 3 },
    y: { label: "amount", tickFormat: "~s", grid: true, domain: [0, top] },
    color: colour,
    marks: [
      Plot.ruleX(withAmount, {
        x: x1,
        y1: "low",
        y2: (row: TimelineRow) => row.high ?? row.low,
        stroke: "mark",
        strokeWidth: 2,
      }),
      Plot.ruleY(withAmount, { y: amountOf, x1, x2, stroke: "mark", strokeOpacity: 0.6 }),
      Plot.dot(withAmount, {
        x: x1,
        y: amountOf,
        fill: "mark",
        r: 4,
        title: (row: TimelineRow) => `${row.claimId}: ${row.amount}`,
      }),
    ],
  });
}

function legend(rows: TimelineRow[]): HTMLElement {
  const marks = [...new Set(rows.map((row) => row.mark))];
  return el(
    "ul",
    { className: "timeline-legend" },
    marks.map((mark) =>
      el("li", {}, [el("span", { className: "dot", style: `background:${MARK_COLOURS[mark]}` }), MARK_WORDS[mark]]),
    ),
  );
}

function list(rows: TimelineRow[]): HTMLElement {
  return el(
    "ol",
    { className: "timeline-list", "data-testid": "timeline-list" },
    rows.map((row) => {
      const spoke = row.spokeFrom || row.spokeTo ? `${row.spokeFrom ?? "…"} to ${row.spokeTo ?? "…"}` : row.spokeLabel;
      const text = `${row.recorded}: ${row.amount ?? "no amount"} for ${spoke} (${row.source})`;
      return el(
        "li",
        { "data-claim-id": row.claimId, "data-mark": row.mark, className: `mark-${row.mark.toLowerCase()}` },
        [
          el("span", { className: "dot", style: `background:${MARK_COLOURS[row.mark]}` }),
          `${text} · ${MARK_WORDS[row.mark]}`,
        ],
      );
    }),
  );
}

/** The timeline of `rows` (timelineRows), as a section of the sources panel. */
export function renderTimeline(rows: TimelineRow[]): HTMLElement {
  const recorded = (row: TimelineRow) => day(row.recorded);
  // A claim that speaks of no dated span is drawn at its record day.
  const from = (row: TimelineRow) => day(row.spokeFrom ?? row.spokeTo ?? row.recorded);
  const to = (row: TimelineRow) => day(row.spokeTo ?? row.spokeFrom ?? row.recorded);
  const section = el("section", { className: "timeline", "data-testid": "timeline" }, [
    el("h3", { text: "Claims over time" }),
  ]);
  if (rows.some((row) => row.low !== null)) {
    section.appendChild(chart(rows, "By the day recorded", recorded, recorded));
    section.appendChild(chart(rows, "By the time they speak of", from, to));
  }
  section.appendChild(legend(rows));
  section.appendChild(list(rows));
  return section;
}
