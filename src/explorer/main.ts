/**
 * Company graph explorer, bundled for the browser by the server (esbuild, src/server/explorer-routes.ts). It talks only to the
 * public GraphQL endpoint and draws with Cytoscape.js and Observable Plot, all bundled, so it works
 * offline. This module wires the parts: opening view, search, time, risk paths, the revenue line,
 * a relationship's sources and timeline, the live change feed, and the view's state in the URL.
 */
import { GRAPH_DEPTH } from "../domain/bounds";
import { gql } from "./api";
import { byId, el } from "./dom";
import { cy, expand, hubsAndCounts, loadGraph, overview, saveView } from "./drawing";
import { followChanges, showChangedSince } from "./live";
import { loadLine, loadLines } from "./revenue";
import { clearSources, renderEdgeList, showSources } from "./relationship";
import { loadRiskPaths, selectPath, setHighlight } from "./risk";
import { loadHubs, renderResults, search, wireSearch } from "./search";
import { state } from "./state";
import { ExplorerCountsDocument } from "./operations/generated";

async function selectCompany(id: string): Promise<void> {
  Object.assign(state.view, { centers: [id], edge: "", line: { company: id, product: "" }, lost: [] });
  state.activePath = null;
  clearSources();
  setHighlight([]);
  cy.elements().remove();
  byId("view-title").textContent = "";
  renderResults(byId<HTMLInputElement>("search-input").value);
  await (state.view.depth > 1 ? loadGraph([id], { depth: state.view.depth }) : expand(id));
  cy.getElementById(id).addClass("center");
  await Promise.all([loadRiskPaths(id, true), loadLines(id)]);
}

/** Redraws the view as it stands (a date moved, or the graph changed), panels included. */
async function redraw(): Promise<void> {
  const { view } = state;
  const drawing = view.centers.length ? loadGraph(view.centers, { depth: view.depth, replace: true }) : overview();
  const work: Array<Promise<void>> = [drawing];
  if (state.riskCompany) work.push(loadRiskPaths(state.riskCompany, true));
  if (view.line) work.push(loadLine());
  await Promise.all(work);
  if (view.edge) await showSources(view.edge, state.changed.includes(view.edge));
}

async function setDates(asOf: string, knownAt: string): Promise<void> {
  state.view.asOf = asOf;
  state.view.knownAt = knownAt;
  saveView();
  await redraw();
}

/** The hops a graph may be drawn to, as the API bounds them. */
function fillDepths(select: HTMLSelectElement): void {
  for (let hops = GRAPH_DEPTH.min; hops <= GRAPH_DEPTH.max; hops++)
    select.appendChild(el("option", { value: String(hops), text: String(hops) }));
}

function wireControls(): void {
  fillDepths(byId<HTMLSelectElement>("depth"));
  const asOf = byId<HTMLInputElement>("as-of");
  const knownAt = byId<HTMLInputElement>("known-at");
  for (const input of [asOf, knownAt])
    input.addEventListener("change", () => setDates(asOf.value, knownAt.value).catch(() => undefined));
  byId("dates-reset").addEventListener("click", () => {
    asOf.value = "";
    knownAt.value = "";
    setDates("", "").catch(() => undefined);
  });
  // Only the drawing depends on the depth; paths, line and sources stay as they are.
  byId<HTMLSelectElement>("depth").addEventListener("change", (ev) => {
    state.view.depth = Number((ev.target as HTMLSelectElement).value);
    saveView();
    if (state.view.centers.length)
      loadGraph(state.view.centers, { depth: state.view.depth, replace: true }).catch(() => undefined);
  });
  const since = byId<HTMLInputElement>("changed-since");
  since.addEventListener("change", () =>
    showChangedSince(since.value, state.view.centers)
      .then(renderEdgeList)
      .catch(() => undefined),
  );
}

function wireCanvas(): void {
  // Clicking a node draws its neighbourhood; a company also becomes the one whose risk paths and line are shown.
  cy.on("tap", "node", (ev) => {
    const id: string = ev.target.id();
    const work = [expand(id)];
    if (ev.target.data("nodeKind") === "Company") {
      work.push(loadRiskPaths(id, false));
      if (state.view.line?.company !== id) {
        state.view.line = { company: id, product: "" };
        state.view.lost = [];
        work.push(loadLines(id));
      }
    }
    Promise.all(work).catch(() => undefined);
  });
  cy.on("tap", "edge", (ev) => {
    showSources(ev.target.id()).catch(() => undefined);
  });
  // "/" focuses the search, as on most sites; Escape clears a highlighted path.
  document.addEventListener("keydown", (ev) => {
    const input = byId("search-input");
    if (ev.key === "/" && document.activeElement !== input) {
      ev.preventDefault();
      input.focus();
    } else if (ev.key === "Escape") setHighlight([]);
  });
}

/** Opens the view the URL describes; without centres, the overview. */
async function open(): Promise<void> {
  const { view } = state;
  byId<HTMLInputElement>("as-of").value = view.asOf;
  byId<HTMLSelectElement>("depth").value = String(view.depth);
  byId<HTMLInputElement>("known-at").value = view.knownAt;
  clearSources();
  const centred = async () => {
    await loadGraph(view.centers, { depth: view.depth, replace: true });
    for (const id of view.centers) cy.getElementById(id).addClass("center expanded");
    const first = view.centers[0]!;
    // A link to a company alone opens its revenue line too, as choosing it does.
    const lineToo = !view.line && cy.getElementById(first).data("nodeKind") === "Company";
    if (lineToo) view.line = { company: first, product: "" };
    await Promise.all([loadRiskPaths(first, true), lineToo ? loadLines(first) : undefined]);
  };
  const line = view.line ? loadLines(view.line.company) : Promise.resolve();
  await Promise.all([view.centers.length ? centred() : overview(), loadHubs(), line]);
  if (view.edge) await showSources(view.edge);
}

/** Follows the change feed from the last change the store held when the page opened. */
async function goLive(): Promise<void> {
  const [counts] = await hubsAndCounts().catch(() => [null] as const);
  const since = counts?.changes.totalCount ?? (await gql(ExplorerCountsDocument, {})).changes.totalCount;
  followChanges(since, redraw);
  document.body.dataset.live = "true";
}

wireSearch(selectCompany);
wireControls();
wireCanvas();

/** What tests and the console reach: the drawing, the state and the explorer's actions. */
Object.assign(window, {
  explorer: { cy, state, search, selectCompany, expand, selectPath, showEvidence: showSources, setDates },
});

open()
  .catch(() => undefined)
  .finally(() => {
    document.body.dataset.opened = "true";
    goLive().catch(() => undefined);
  });
document.body.dataset.ready = "true";
