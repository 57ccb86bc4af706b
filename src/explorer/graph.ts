/**
 * The drawing: Cytoscape.js with the fcose layout, bundled with the page. Nodes and edges are keyed
 * by the API's stable ids, so every answer is merged into the drawing. Edge labels show on hover,
 * on the selected edge, and for every edge once zoomed in, so hubs stay readable.
 */
import cytoscape, { type CollectionReturnValue, type Core, type EdgeCollection, type LayoutOptions } from "cytoscape";
import fcose from "cytoscape-fcose";
import type { RelationshipGraphQuery } from "../../schema/client";
import { edgeClasses, edgeLabel, isEnded } from "./edge-style";
import { GRAPH_STYLE } from "./graph-style";

cytoscape.use(fcose);

export type GraphAnswer = RelationshipGraphQuery["relationshipGraph"];

/** Zoomed in this far, every edge shows its label. */
const LABEL_ZOOM = 1.25;
/** Above this many nodes the layout trades quality for a first drawing without a wait. */
const QUICK_LAYOUT_NODES = 400;

export function createGraph(container: HTMLElement): Core {
  const cy = cytoscape({ container, minZoom: 0.05, maxZoom: 3, style: GRAPH_STYLE });
  cy.on("mouseover", "edge", (ev) => ev.target.addClass("hovered"));
  cy.on("mouseout", "edge", (ev) => ev.target.removeClass("hovered"));
  cy.on("zoom", () => {
    // Every edge's class changes only when the zoom crosses the threshold, not on every step.
    if (zoomedIn(cy) !== cy.scratch("_labelled")) labelByZoom(cy, cy.edges());
  });
  return cy;
}

const zoomedIn = (cy: Core) => cy.zoom() >= LABEL_ZOOM;

function labelByZoom(cy: Core, edges: EdgeCollection): void {
  cy.scratch("_labelled", zoomedIn(cy));
  edges.toggleClass("labelled", zoomedIn(cy));
}

export interface MergeResult {
  added: CollectionReturnValue;
  /** Ids of the edges a replacing answer no longer held. */
  removed: string[];
}

/**
 * Makes the drawing show `graph` (a relationshipGraph answer): adds what is new, refreshes what is
 * known, and, with `replace`, removes what the answer no longer holds (a date moved, a claim was
 * withdrawn). A node left without a drawn relationship goes too, unless it is one of `keep` (the
 * centres asked for): a company whose records were all withdrawn is not drawn as an orphan.
 */
export function merge(cy: Core, graph: GraphAnswer, replace: boolean, keep: readonly string[]): MergeResult {
  let added = cy.collection();
  let removed: string[] = [];
  cy.batch(() => {
    if (replace) removed = removeMissing(cy, graph);
    for (const n of graph.nodes) {
      const data = { id: n.id, label: n.label, nodeKind: n.nodeKind, kind: n.kind, country: n.country };
      const existing = cy.getElementById(n.id);
      if (existing.length) existing.data(data);
      else added = added.union(cy.add({ group: "nodes", data, classes: n.nodeKind.toLowerCase() }));
    }
    for (const e of graph.edges) {
      const data = { ...e, display: edgeLabel(e) };
      const existing = cy.getElementById(e.id);
      if (existing.length) {
        // An id keeps its kind; only whether it ended or has a known start can change.
        existing.data(data).toggleClass("ended", isEnded(e)).toggleClass("dated", !!e.validFrom);
      } else if (cy.getElementById(e.source).length && cy.getElementById(e.target).length) {
        added = added.union(cy.add({ group: "edges", data, classes: edgeClasses(e) }));
      }
    }
    const kept = new Set(keep);
    cy.nodes()
      .filter((node) => node.degree(false) === 0 && !kept.has(node.id()))
      .remove();
    cy.nodes().forEach((node) => {
      node.data("degree", node.degree(false));
    });
  });
  labelByZoom(cy, added.edges());
  return { added, removed };
}

/** Removes the edges (and nodes) a fresh answer for the same view no longer has; returns the edge ids. */
function removeMissing(cy: Core, graph: GraphAnswer): string[] {
  const keep = new Set([...graph.nodes, ...graph.edges].map((item) => item.id));
  const gone = cy.elements().filter((element) => !keep.has(element.id()));
  const edgeIds = gone.edges().map((edge) => edge.id());
  gone.remove();
  return edgeIds;
}

/** fcose: a force-directed layout for graphs with labels; quality mode while the drawing is small. */
export function layout(cy: Core, randomize: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (cy.nodes().length === 0) return resolve();
    const quick = cy.nodes().length > QUICK_LAYOUT_NODES;
    const options = {
      name: "fcose",
      quality: quick ? "draft" : "proof",
      randomize,
      animate: false,
      fit: true,
      padding: 50,
      nodeDimensionsIncludeLabels: !quick,
      packComponents: true,
      nodeRepulsion: () => 9000,
      idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.hasClass("money") ? 170 : 120),
      edgeElasticity: () => 0.4,
      gravity: 0.3,
      numIter: quick ? 1000 : 2500,
    } as LayoutOptions;
    const run = cy.layout(options);
    run.one("layoutstop", () => resolve());
    run.run();
  });
}

/** Marks `ids` (nodes and edges) and fades the rest; an empty list clears it. Returns the ids drawn. */
export function highlight(cy: Core, ids: readonly string[]): string[] {
  cy.batch(() => {
    cy.elements().removeClass("highlighted faded");
    if (ids.length === 0) return;
    let marked = cy.collection();
    for (const id of ids) marked = marked.union(cy.getElementById(id));
    marked.addClass("highlighted");
    cy.elements().difference(marked).addClass("faded");
  });
  return ids.filter((id) => cy.getElementById(id).length > 0);
}

/** The ids of the companies drawn, sorted: what the matrix download covers. */
export function drawnCompanies(cy: Core): string[] {
  return cy
    .nodes()
    .filter((node) => node.data("nodeKind") === "Company")
    .map((node) => node.id())
    .sort();
}
