/** A chosen relationship: its sources and timeline in the side panel; the centre's relationships as a list. */
import { gql } from "./api";
import { byId, el, onActivate } from "./dom";
import { cy, onDrawn, saveView } from "./drawing";
import { edgeSentence, type GraphEdge } from "./edge-style";
import { RelationshipSourcesDocument } from "./operations/generated";
import { renderSources } from "./sources";
import { state } from "./state";

export function clearSources(): void {
  const panel = byId("evidence-panel");
  panel.removeAttribute("data-relationship-id");
  panel.textContent = "";
  panel.appendChild(el("h2", { text: "Sources" }));
  panel.appendChild(el("p", { className: "muted", text: "Click an edge to see the claims and sources behind it." }));
}

/** Shows the sources of `edgeId`; `changed`: a live change touched it, and the panel says so. */
export async function showSources(edgeId: string, changed = false): Promise<void> {
  state.view.edge = edgeId;
  saveView();
  cy.edges().removeClass("selected-edge");
  cy.getElementById(edgeId).addClass("selected-edge");
  renderEdgeList();
  const panel = byId("evidence-panel");
  panel.dataset.relationshipId = edgeId;
  const data = await gql(RelationshipSourcesDocument, { id: edgeId, knownAt: state.view.knownAt || null });
  if (state.view.edge !== edgeId) return;
  renderSources(panel, data.relationship, changed);
}

const nameOf = (id: string): string => {
  const node = cy.getElementById(id);
  return node.length ? (node.data("label") as string) : id;
};

/**
 * The drawn relationships of the first centre as a list, each said in full (direction, market or
 * product, amount): what the canvas shows, reachable by keyboard and by screen readers.
 */
export function renderEdgeList(): void {
  const list = byId("edge-list");
  list.textContent = "";
  const centre = state.view.centers[0];
  const node = centre ? cy.getElementById(centre) : null;
  byId("edges-company").textContent = node?.length ? `of ${node.data("label") as string}` : "";
  if (!node?.length) return;
  node.connectedEdges().forEach((edge) => {
    const data = edge.data() as GraphEdge;
    const item = el("li", { "data-edge-id": edge.id(), tabindex: "0", role: "button" }, [edgeSentence(data, nameOf)]);
    const classes = [state.view.edge === edge.id() ? "active" : "", state.changed.includes(edge.id()) ? "changed" : ""];
    item.className = classes.filter(Boolean).join(" ");
    list.appendChild(item);
  });
}

onActivate(byId("edge-list"), "li[data-edge-id]", (item) => {
  showSources(item.dataset.edgeId!).catch(() => undefined);
});
onDrawn(renderEdgeList);
