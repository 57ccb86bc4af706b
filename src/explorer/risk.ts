/** The competitive-risk paths of a company, grouped by exposure, and the route highlighted on the canvas. */
import { RiskPathsDocument } from "../../schema/client";
import { gql } from "./api";
import { byId, el, onActivate } from "./dom";
import { cy, loadGraph } from "./drawing";
import { highlight } from "./graph";
import { type Exposure, groupByExposure, type RiskRoute } from "./risk-groups";
import { state, viewDates } from "./state";
import { counted, words } from "./words";

/** Paths asked for: enough that grouping by exposure still lists several exposures. */
const PATHS_ASKED = 25;

function routeItem(route: RiskRoute): HTMLElement {
  const item = el(
    "li",
    { "data-path-id": route.pathIds[0], "data-paths": route.pathIds.join(","), tabindex: "0", role: "button" },
    [
      el("span", { className: "kind", text: words(route.kind) }),
      el("span", { className: "route", text: route.names.join(" → ") }),
      el("span", { className: "why", text: route.explanation }),
    ],
  );
  if (state.activePath === route.pathIds[0]) item.className = "active";
  return item;
}

function exposureItem(exposure: Exposure): HTMLElement {
  return el("li", { className: "exposure", "data-exposure": exposure.relationshipId }, [
    el("p", { className: "amount", text: `${exposure.customer}: ${exposure.revenueAtRisk} at risk` }),
    el("p", {
      className: "muted small",
      text: `${counted(exposure.routes.length, "route")}, via ${exposure.relationshipId}`,
    }),
    el("ol", { className: "list routes" }, exposure.routes.map(routeItem)),
  ]);
}

function nameOf(id: string | null): string {
  if (!id) return "";
  const node = cy.getElementById(id);
  return node.length ? (node.data("label") as string) : id;
}

function renderPaths(): void {
  const list = byId("risk-paths");
  list.textContent = "";
  for (const exposure of state.exposures) list.appendChild(exposureItem(exposure));
  const name = nameOf(state.riskCompany);
  byId("risk-company").textContent = name ? `for ${name}` : "";
  byId("risk-empty").textContent = !state.riskCompany
    ? "Choose a company to see what puts its revenue at risk."
    : state.exposures.length === 0
      ? `No path puts ${name}'s revenue at risk. Click a supplier (e.g. a cloud provider) to see its paths.`
      : "";
}

export async function loadRiskPaths(id: string, force: boolean): Promise<void> {
  if (!force && state.riskCompany === id && state.exposures.length > 0) return;
  state.riskCompany = id;
  state.exposures = [];
  state.activePath = null;
  renderPaths();
  try {
    const data = await gql(RiskPathsDocument, { company: id, first: PATHS_ASKED, ...viewDates() });
    if (state.riskCompany !== id) return;
    state.exposures = groupByExposure(data.competitiveRiskPaths.paths);
    renderPaths();
  } catch {
    byId("risk-empty").textContent = `Risk paths are not available: ${state.lastError ?? "error"}`;
  }
}

/** Marks `ids` on the canvas and says which in the box beside the paths (empty: clears both). */
export function setHighlight(ids: readonly string[]): void {
  state.highlighted = highlight(cy, ids);
  const box = byId("highlighted");
  box.dataset.highlighted = state.highlighted.join(",");
  box.textContent = state.highlighted.length ? `Highlighted: ${state.highlighted.join(", ")}` : "";
}

/** Draws whatever part of the route is not on screen yet, then highlights it. */
export async function selectPath(pathId: string): Promise<void> {
  const route = state.exposures
    .flatMap((exposure) => exposure.routes)
    .find((candidate) => candidate.pathIds.includes(pathId));
  if (!route) return;
  state.activePath = route.pathIds[0]!;
  renderPaths();
  const missing = route.elementIds.some((id) => cy.getElementById(id).length === 0);
  if (missing) await loadGraph(route.nodeIds, { depth: 1 });
  setHighlight(route.elementIds);
}

onActivate(byId("risk-paths"), "li[data-path-id]", (item) => {
  selectPath(item.dataset.pathId!).catch(() => undefined);
});
