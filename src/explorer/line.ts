/**
 * A supplier's revenue line for one product, drawn with Observable Plot: each customer's share as a
 * range (a thin line from low to high, the estimate a dot, an unknown upper end an open dashed
 * run to the axis's end), its words above it, so uncertain shares never read as solid bars; the
 * stated total beside the attributed sum and the remainder; and a churn toggle per customer.
 */
import * as Plot from "@observablehq/plot";
import type { ChurnSimulationQuery } from "./operations/generated";
import { el } from "./dom";
import { axisEnd, type LineReport, type ShareRow, shareRows } from "./line-rows";

/** The chart's width: the side panel's, less its padding; labels are placed to fit inside it. */
const CHART_WIDTH = 300;
const ROW_HEIGHT = 38;

/** How solid a range is drawn: a narrow one fully, one spanning most of the axis faintly. */
const certainty = (row: ShareRow) => (row.high === null ? 0.45 : Math.max(0.35, 1 - (row.high - row.low) / 100));

function chart(rows: ShareRow[]): SVGSVGElement | HTMLElement {
  const end = axisEnd(rows);
  const known = rows.filter((row) => row.high !== null);
  const open = rows.filter((row) => row.high === null);
  return Plot.plot({
    width: CHART_WIDTH,
    height: ROW_HEIGHT * rows.length + 56,
    marginTop: 24,
    marginBottom: 34,
    marginLeft: 8,
    marginRight: 12,
    x: { label: "share of the line (%)", domain: [0, end], grid: true },
    // Customers are named in each row's label, so the y axis needs no room of its own.
    y: { axis: null, domain: rows.map((row) => row.id), inset: 4 },
    marks: [
      // A range's ends are ticks, and a wide (uncertain) range is fainter than a narrow one.
      Plot.ruleY(known, {
        ...{ y: "id", x1: "low", x2: "high", stroke: "#0f766e", strokeWidth: 2, dy: 6, className: "share-range" },
        ...{ markerStart: "tick", markerEnd: "tick", strokeOpacity: (row: ShareRow) => certainty(row) },
      }),
      Plot.ruleY(open, {
        ...{ y: "id", x1: "low", x2: () => end, stroke: "#0f766e", strokeWidth: 2, dy: 6, strokeOpacity: 0.45 },
        ...{ strokeDasharray: "4 3", markerStart: "tick", markerEnd: "arrow", className: "share-open-range" },
      }),
      Plot.dot(
        rows.filter((row) => row.estimate !== null),
        { y: "id", x: "estimate", dy: 6, r: 4.5, fill: "#134e4a", className: "share-estimate" },
      ),
      Plot.text(rows, {
        ...{ y: "id", x: 0, dy: -8, textAnchor: "start", fill: "#1d2430", lineWidth: 40 },
        text: (row: ShareRow) => `${row.customer}: ${row.label}`,
      }),
    ],
  });
}

function totals(report: LineReport): HTMLElement {
  const stated = report.statedTotal
    ? `${report.statedTotal.amount.display} (${report.statedTotal.refersTo.label})`
    : "none: shares are of the attributed sum";
  return el("dl", { className: "totals", "data-testid": "line-totals" }, [
    el("dt", { text: "Stated" }),
    el("dd", { text: stated }),
    el("dt", { text: "Attributed" }),
    el("dd", { text: report.attributed.display }),
    el("dt", { text: "Remainder" }),
    el("dd", { text: report.unattributed ? report.unattributed.display : "unknown (no stated total)" }),
  ]);
}

/** A checkbox per customer: checked ones are taken out (simulateChurn). */
function churnToggles(report: LineReport, lost: readonly string[], onChange: (next: string[]) => void): HTMLElement {
  const box = el("fieldset", { className: "churn" }, [el("legend", { text: "Without these customers" })]);
  for (const flow of report.flows) {
    const id = `churn-${flow.counterpartyId}`;
    const input = el("input", { type: "checkbox", id, "data-customer": flow.counterpartyId });
    input.checked = lost.includes(flow.counterpartyId);
    input.addEventListener("change", () => {
      const next = lost.filter((other) => other !== flow.counterpartyId);
      if (input.checked) next.push(flow.counterpartyId);
      onChange(next);
    });
    box.appendChild(el("label", { for: id }, [input, ` ${flow.counterparty.name}`]));
  }
  return box;
}

function churnSummary(simulation: ChurnSimulationQuery["simulateChurn"] | null): HTMLElement | null {
  if (!simulation) return null;
  return el("p", { className: "churn-result", "data-testid": "churn-result" }, [
    `Without them: ${simulation.remaining.display} remains; ${simulation.lost.display} lost`,
    simulation.relativeLoss ? ` (${simulation.relativeLoss.display})` : "",
    ".",
  ]);
}

/** The figure: the chart, and each row's figures as text for screen readers and tests. */
function figure(rows: ShareRow[]): HTMLElement {
  const box = el("figure", { className: "line-chart", "data-testid": "line-chart" });
  box.appendChild(
    rows.length > 0 ? chart(rows) : el("p", { className: "muted", text: "No customer share is known for this line." }),
  );
  box.setAttribute("aria-label", rows.map((row) => `${row.customer} ${row.label}`).join("; "));
  for (const row of rows) {
    const attrs = {
      className: "visually-hidden",
      "data-bar": row.id,
      "data-low": row.low,
      "data-high": row.high ?? "open",
    };
    box.appendChild(el("span", { ...attrs, "data-estimate": row.estimate }, [`${row.customer}: ${row.label}`]));
  }
  return box;
}

/** The notes explain every bound; folded, so that the sources below stay in sight. */
function notes(report: LineReport): HTMLElement | null {
  if (report.notes.length === 0) return null;
  const summary = el("summary", { text: `How these figures were made (${report.notes.length})` });
  return el("details", { className: "notes" }, [
    summary,
    ...report.notes.map((note) => el("p", { className: "muted small", text: note })),
  ]);
}

/**
 * Draws `report` (a revenueFlows answer) into `container`. `lost`: the customers churned;
 * `simulation`: the simulateChurn answer for them (or null); `onChurn(next)` when toggled.
 */
export function renderLine(
  container: HTMLElement,
  report: LineReport,
  lost: readonly string[],
  simulation: ChurnSimulationQuery["simulateChurn"] | null,
  onChurn: (next: string[]) => void,
): void {
  container.textContent = "";
  const title = `${report.company.name}${report.product ? `: ${report.product.name}` : ""} revenue line`;
  const parts = [
    el("h3", { text: title }),
    figure(shareRows(report, lost)),
    totals(report),
    churnToggles(report, lost, onChurn),
    churnSummary(simulation),
    notes(report),
  ];
  for (const part of parts) if (part) container.appendChild(part);
}
