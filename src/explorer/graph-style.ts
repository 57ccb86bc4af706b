/** The drawing's Cytoscape style sheet: node kinds, edge families (edge-style.ts), states. */
import type { StylesheetJson } from "cytoscape";

const NODE_STYLES: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 15,
      "font-weight": 600,
      color: "#1d2430",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-outline-color": "#fbfbfc",
      "text-outline-width": 2,
      "text-wrap": "ellipsis",
      "text-max-width": "140",
      "min-zoomed-font-size": 7,
      width: "mapData(degree, 1, 12, 26, 48)",
      height: "mapData(degree, 1, 12, 26, 48)",
      "background-color": "#2563eb",
    },
  },
  {
    selector: "node.product",
    style: { shape: "round-diamond", "background-color": "#d97706", "font-size": 13, "font-weight": 400 },
  },
  { selector: "node.person", style: { "background-color": "#059669", "font-size": 13, "font-weight": 400 } },
  { selector: "node.center", style: { "border-width": 4, "border-color": "#1e3a8a", "font-size": 17 } },
  { selector: "node.expanded", style: { "border-width": 3, "border-color": "#93c5fd" } },
  { selector: "node.center.expanded", style: { "border-color": "#1e3a8a" } },
];

const EDGE_STYLES: StylesheetJson = [
  {
    selector: "edge",
    style: {
      width: 1.2,
      "line-color": "#98a2b3",
      "target-arrow-color": "#98a2b3",
      "source-arrow-color": "#98a2b3",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      "curve-style": "bezier",
      label: "",
      "font-size": 12,
      color: "#344054",
      "text-background-color": "#fbfbfc",
      "text-background-opacity": 0.95,
      "text-background-padding": "2",
      "text-rotation": "none",
    },
  },
  {
    selector: "edge.money",
    style: {
      width: 3.5,
      "line-color": "#0f766e",
      "target-arrow-color": "#0f766e",
      "source-arrow-color": "#0f766e",
      color: "#115e59",
    },
  },
  {
    selector: "edge.ownership",
    style: {
      width: 2.5,
      "line-color": "#1e3a8a",
      "target-arrow-color": "#1e3a8a",
      "target-arrow-shape": "triangle-backcurve",
    },
  },
  { selector: "edge.competition", style: { width: 2, "line-color": "#dc2626", "line-style": "dashed" } },
  { selector: "edge.partnership", style: { width: 2, "line-color": "#7c3aed", "line-style": "dotted" } },
  // Ended (or former) relationships stay visible as such: faint and dotted.
  { selector: "edge.ended", style: { "line-style": "dotted", opacity: 0.55 } },
  // A relationship whose start a source gives: a bar at its start.
  { selector: "edge.dated", style: { "source-arrow-shape": "tee", "source-arrow-color": "#475467" } },
  // The arrow says who pays whom, or nothing for a relationship without direction.
  { selector: "edge.arrow-none", style: { "target-arrow-shape": "none" } },
  { selector: "edge.arrow-backward", style: { "target-arrow-shape": "none", "source-arrow-shape": "triangle" } },
  { selector: "edge.labelled, edge.hovered, edge.selected-edge", style: { label: "data(display)" } },
  { selector: ".faded", style: { opacity: 0.15 } },
  { selector: "node.highlighted", style: { "border-width": 5, "border-color": "#c2410c", opacity: 1 } },
  {
    selector: "edge.highlighted",
    style: { width: 5, "line-color": "#c2410c", "target-arrow-color": "#c2410c", opacity: 1, "z-index": 10 },
  },
  {
    selector: "edge.selected-edge",
    style: { "line-color": "#7c3aed", "target-arrow-color": "#7c3aed", width: 5, "z-index": 11 },
  },
  // What a live change or the "changed since" date touched.
  { selector: "edge.changed", style: { "underlay-color": "#facc15", "underlay-opacity": 0.7, "underlay-padding": 6 } },
];

export const GRAPH_STYLE: StylesheetJson = [...NODE_STYLES, ...EDGE_STYLES];
