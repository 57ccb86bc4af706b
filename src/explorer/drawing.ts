/**
 * The drawn graph and what follows it: loading answers into it, the opening overview, the status
 * line, the URL and the download links.
 */
import { HubsDocument, RelationshipGraphDocument } from "../../schema/client";
import { HUBS_FIRST } from "../domain/bounds";
import { gql, onActivity } from "./api";
import { byId } from "./dom";
import { createGraph, drawnCompanies, layout, merge } from "./graph";
import { ExplorerCountsDocument } from "./operations/generated";
import { state, viewDates } from "./state";
import { downloadLinks, formatView } from "./url";
import { counted } from "./words";

export const cy = createGraph(byId("graph"));

/** A graph this small is drawn whole when the explorer opens; a larger one, around its hubs. */
const WHOLE_GRAPH_NODES = 150;
/** How many hubs the overview of a large graph is drawn around. */
const OVERVIEW_HUBS = HUBS_FIRST.default;
/** Nodes asked for around a choice; the overview of a large graph asks for fewer, to draw at once. */
const VIEW_LIMIT = 300;
const OVERVIEW_LIMIT = 250;

export function setStatus(text: string | null, isError = false): void {
  const status = byId("status");
  status.textContent = text ?? "";
  status.className = isError ? "error" : "";
}

onActivity((event) => {
  if ("pending" in event) {
    state.pending = event.pending;
    document.body.dataset.busy = state.pending > 0 ? "true" : "false";
    if (state.pending > 0) setStatus("Loading…");
    else if (!state.lastError) setStatus(state.lastChange);
  } else {
    state.lastError = event.error;
    if (event.error) setStatus(event.error, true);
  }
});

/** Writes the view into the URL (without a new history entry) and refreshes the download links. */
export function saveView(): void {
  const hash = formatView(state.view);
  if (hash !== location.hash && !(hash === "" && location.hash === "")) {
    history.replaceState(null, "", location.pathname + location.search + hash);
  }
  const links = downloadLinks(state.view, drawnCompanies(cy));
  for (const [id, href] of [
    ["download-graphml", links.graphml],
    ["download-cyjs", links.cyjs],
    ["download-csv", links.csv],
  ] as const) {
    const link = byId(id);
    if (href) {
      link.setAttribute("href", href);
      link.removeAttribute("aria-disabled");
    } else {
      link.removeAttribute("href");
      link.setAttribute("aria-disabled", "true");
    }
  }
}

const drawnListeners: Array<() => void> = [];
/** Told after every answer merged into the drawing. */
export function onDrawn(listener: () => void): void {
  drawnListeners.push(listener);
}

export interface LoadOptions {
  depth?: number;
  limit?: number;
  replace?: boolean;
}

/** Asks for the graph around `centers` and merges it into the drawing; lays out what is new. */
export async function loadGraph(centers: string[], options: LoadOptions): Promise<void> {
  const variables = { centers, depth: options.depth ?? 1, limit: options.limit ?? VIEW_LIMIT, ...viewDates() };
  const data = await gql(RelationshipGraphDocument, variables);
  const firstDraw = cy.elements().length === 0;
  const graph = data.relationshipGraph;
  const change = merge(cy, graph, !!options.replace, state.view.centers);
  state.lastChange = graph.truncated && graph.cut.reason ? graph.cut.reason : null;
  if (options.replace && change.removed.length > 0) {
    state.lastChange = `${change.removed.length} relationship(s) not in force on these dates: ${change.removed.join(", ")}`;
  }
  if (state.pending <= 1) setStatus(state.lastChange);
  markChanged();
  saveView();
  drawnListeners.forEach((listener) => listener());
  if (change.added.length > 0 || firstDraw) await layout(cy, firstDraw);
}

/** Marks the relationships a live change or the "changed since" day touched. */
export function markChanged(): void {
  cy.edges().removeClass("changed");
  for (const id of state.changed) cy.getElementById(id).addClass("changed");
}

let countsAnswer: ReturnType<typeof askCounts> | null = null;
const askCounts = () => Promise.all([gql(ExplorerCountsDocument, {}), gql(HubsDocument, { first: HUBS_FIRST.max })]);

/** The store's counts and its most connected companies: asked once, for the overview and the list. */
export function hubsAndCounts(): ReturnType<typeof askCounts> {
  countsAnswer ??= askCounts().catch((err: unknown) => {
    countsAnswer = null; // asked again next time
    throw err;
  });
  return countsAnswer;
}

/** Says what the overview drew, counted on the drawing itself so the title and the canvas agree. */
function overviewTitle(whole: boolean, hubs: number, companies: number): string {
  const drawnCompanyCount = cy.nodes().filter((node) => node.data("nodeKind") === "Company").length;
  const relationships = counted(cy.edges().length, "relationship");
  if (whole) return `The whole graph: ${counted(drawnCompanyCount, "company", "companies")}, ${relationships}`;
  return `The ${hubs} most connected of ${companies} companies: ${relationships} drawn`;
}

/** Opening without centres: the most connected companies, or the whole graph when it is small. */
export async function overview(): Promise<void> {
  const [counts, hubs] = await hubsAndCounts();
  const info = counts.storeInfo;
  const hubIds = hubs.hubs.filter((hub) => hub.relationships > 0).map((hub) => hub.node.id);
  const whole = info.companies + info.products + info.people <= WHOLE_GRAPH_NODES;
  const centers = whole ? hubIds : hubIds.slice(0, OVERVIEW_HUBS);
  if (centers.length > 0) await loadGraph(centers, { depth: 1, limit: whole ? 600 : OVERVIEW_LIMIT, replace: true });
  byId("view-title").textContent = overviewTitle(whole, centers.length, info.companies);
}

export async function expand(id: string): Promise<void> {
  await loadGraph([id], { depth: 1 });
  cy.getElementById(id).addClass("expanded");
}
