/*
 * A supplier's revenue line for one product: each customer's share as an interval bar (low to
 * high, the estimate marked), the stated total beside the attributed sum and the remainder, and
 * a churn toggle per customer that shows the line without the customers chosen. Drawn with
 * Observable Plot (served from this server's node_modules).
 */
(function (Explorer) {
  "use strict";

  var el = Explorer.dom.el;

  /** Percent, for axis and labels. */
  function pct(value) {
    return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
  }

  /** One row per customer with a share; the churned ones are left out of the chart. */
  function chartRows(report, lost) {
    return report.flows
      .filter(function (flow) {
        return flow.share && lost.indexOf(flow.counterpartyId) < 0;
      })
      .map(function (flow) {
        var share = flow.share;
        return {
          id: flow.counterpartyId,
          customer: flow.counterparty.name,
          low: pct(share.low),
          high: pct(share.high === null ? share.low : share.high),
          estimate: pct(share.estimate),
          label: share.display,
        };
      });
  }

  function chart(rows) {
    var height = Math.max(90, 34 * rows.length + 50);
    return Plot.plot({
      width: 360,
      height: height,
      marginLeft: 90,
      marginRight: 20,
      x: { label: "share of the line (%)", domain: [0, 100], grid: true },
      y: { label: null, domain: rows.map((row) => row.customer) },
      marks: [
        Plot.barX(rows, {
          y: "customer",
          x1: "low",
          x2: "high",
          fill: "#99f6e4",
          stroke: "#0f766e",
          insetTop: 6,
          insetBottom: 6,
        }),
        Plot.tickX(
          rows.filter((row) => row.estimate !== null),
          { y: "customer", x: "estimate", stroke: "#134e4a", strokeWidth: 3 },
        ),
        Plot.text(rows, { y: "customer", x: "high", text: "label", textAnchor: "start", dx: 4, fill: "#1d2430" }),
      ],
    });
  }

  function totals(report) {
    var stated = report.statedTotal
      ? report.statedTotal.amount.display + " (" + report.statedTotal.refersTo.label + ")"
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
  function churnToggles(report, lost, onChange) {
    var box = el("fieldset", { className: "churn" }, [el("legend", { text: "Without these customers" })]);
    report.flows.forEach(function (flow) {
      var id = "churn-" + flow.counterpartyId;
      var input = el("input", { type: "checkbox", id: id, "data-customer": flow.counterpartyId });
      input.checked = lost.indexOf(flow.counterpartyId) >= 0;
      input.addEventListener("change", function () {
        var next = lost.filter(function (other) {
          return other !== flow.counterpartyId;
        });
        if (input.checked) next.push(flow.counterpartyId);
        onChange(next);
      });
      box.appendChild(el("label", { for: id }, [input, " " + flow.counterparty.name]));
    });
    return box;
  }

  function churnSummary(simulation) {
    if (!simulation) return null;
    return el("p", { className: "churn-result", "data-testid": "churn-result" }, [
      "Without them: " + simulation.remaining.display + " remains; " + simulation.lost.display + " lost",
      simulation.relativeLoss ? " (" + simulation.relativeLoss.display + ")" : "",
      ".",
    ]);
  }

  /**
   * Draws `report` (a revenueFlows answer) into `container`. `lost`: the customers churned;
   * `simulation`: the simulateChurn answer for them (or null); `onChurn(next)` when toggled.
   */
  function render(container, report, lost, simulation, onChurn) {
    container.textContent = "";
    var title = report.company.name + (report.product ? ": " + report.product.name : "") + " revenue line";
    container.appendChild(el("h3", { text: title }));
    var rows = chartRows(report, lost);
    var figure = el("figure", { className: "line-chart", "data-testid": "line-chart" });
    if (rows.length > 0) figure.appendChild(chart(rows));
    else figure.appendChild(el("p", { className: "muted", text: "No customer share is known for this line." }));
    figure.setAttribute(
      "aria-label",
      rows
        .map(function (row) {
          return row.customer + " " + row.label;
        })
        .join("; "),
    );
    rows.forEach(function (row) {
      figure.appendChild(
        el("span", { className: "visually-hidden", "data-bar": row.id, "data-low": row.low, "data-high": row.high }, [
          row.customer + ": " + row.label,
        ]),
      );
    });
    container.appendChild(figure);
    container.appendChild(totals(report));
    container.appendChild(churnToggles(report, lost, onChurn));
    var summary = churnSummary(simulation);
    if (summary) container.appendChild(summary);
    // The notes explain every bound; folded, so that the sources below stay in sight.
    if (report.notes.length > 0) {
      var notes = el("details", { className: "notes" }, [
        el("summary", { text: "How these figures were made (" + report.notes.length + ")" }),
      ]);
      report.notes.forEach(function (note) {
        notes.appendChild(el("p", { className: "muted small", text: note }));
      });
      container.appendChild(notes);
    }
  }

  Explorer.line = { render: render };
})((window.Explorer = window.Explorer || {}));
