import { XMLBuilder } from "fast-xml-parser";
import type { GraphViewEdge, GraphViewNode, RelationshipGraph } from "./relationship-graph";
import { highOrNull } from "../domain/interval";
import type { EdgeProvenance, NodeProvenance } from "./exports/provenance";
import { csvLine } from "./exports/csv";
import { stringSink } from "./exports/sink";

/**
 * File formats for a graph: Cytoscape JSON (Cytoscape.js and Cytoscape desktop), GraphML (Gephi,
 * yEd, NetworkX, igraph), GEXF (Gephi, with time spans) and an edge list in CSV (pandas, R). Every
 * format carries the same flat attributes, so a column means the same thing whichever file it
 * comes from. Each is written element by element (GraphWriter), so a whole graph streams through
 * in pages and a view around centres is the same writer fed once.
 */

type AttrType = "string" | "int" | "double" | "boolean";
type Scalar = string | number | boolean | null;

interface Attribute<T> {
  readonly name: string;
  readonly type: AttrType;
  readonly value: (x: T) => Scalar;
}

/** A node as exported: its view, and where it comes from (null when not read). */
export interface ExportNode extends Omit<GraphViewNode, "hop" | "isCenter"> {
  /** Hops from the nearest centre; null in a whole-graph export, which has no centre. */
  readonly hop: number | null;
  readonly isCenter: boolean | null;
  readonly provenance: NodeProvenance | null;
}

export interface ExportEdge extends GraphViewEdge {
  readonly provenance: EdgeProvenance | null;
}

const joined = (ids: readonly string[] | undefined) => (ids === undefined ? null : ids.join(" "));

const NODE_ATTRIBUTES: readonly Attribute<ExportNode>[] = [
  { name: "label", type: "string", value: (n) => n.label },
  { name: "nodeKind", type: "string", value: (n) => n.nodeKind },
  { name: "kind", type: "string", value: (n) => n.kind },
  { name: "country", type: "string", value: (n) => n.country },
  { name: "hop", type: "int", value: (n) => n.hop },
  { name: "isCenter", type: "boolean", value: (n) => n.isCenter },
  { name: "evidenceCount", type: "int", value: (n) => n.provenance?.evidenceIds.length ?? null },
  { name: "evidenceIds", type: "string", value: (n) => joined(n.provenance?.evidenceIds) },
  { name: "sourceIds", type: "string", value: (n) => joined(n.provenance?.sourceIds) },
  { name: "sourceUrls", type: "string", value: (n) => joined(n.provenance?.sourceUrls) },
];

const EDGE_ATTRIBUTES: readonly Attribute<ExportEdge>[] = [
  { name: "kind", type: "string", value: (e) => e.kind },
  { name: "label", type: "string", value: (e) => e.label },
  { name: "amountLabel", type: "string", value: (e) => e.amountLabel },
  { name: "amountEstimate", type: "double", value: (e) => e.amount?.estimate ?? null },
  { name: "amountLow", type: "double", value: (e) => e.amount?.low ?? null },
  // Absent when there is no upper bound ("at least", "undisclosed").
  { name: "amountHigh", type: "double", value: (e) => (e.amount ? highOrNull(e.amount) : null) },
  { name: "qualifier", type: "string", value: (e) => e.amount?.qualifier ?? null },
  { name: "period", type: "string", value: (e) => e.amount?.period ?? null },
  { name: "currency", type: "string", value: (e) => e.amount?.currency ?? null },
  { name: "productId", type: "string", value: (e) => e.productId },
  { name: "market", type: "string", value: (e) => e.market },
  { name: "status", type: "string", value: (e) => e.status },
  { name: "validFrom", type: "string", value: (e) => e.validFrom },
  { name: "validTo", type: "string", value: (e) => e.validTo },
  { name: "confidence", type: "double", value: (e) => e.confidence },
  { name: "evidenceCount", type: "int", value: (e) => e.evidenceCount },
  { name: "evidenceIds", type: "string", value: (e) => e.evidenceIds.join(" ") },
  { name: "claimCount", type: "int", value: (e) => e.provenance?.claims ?? null },
  { name: "independentOrigins", type: "int", value: (e) => e.provenance?.independentOrigins ?? null },
  { name: "conflicting", type: "boolean", value: (e) => e.provenance?.conflicting ?? null },
  { name: "sourceIds", type: "string", value: (e) => joined(e.provenance?.sourceIds) },
  { name: "sourceUrls", type: "string", value: (e) => joined(e.provenance?.sourceUrls) },
];

function attributesOf<T>(attrs: readonly Attribute<T>[], x: T): Record<string, Scalar> {
  return Object.fromEntries(attrs.map((a) => [a.name, a.value(x)]));
}

/** What the file says about the graph as a whole (its centres and cuts, or the whole graph's filters). */
export type GraphSummary = Record<string, Scalar | readonly string[] | Record<string, Scalar>>;

/** The graph's id in XML files (`around-microsoft`, `whole`) and a sentence saying what it holds. */
export interface GraphTitle {
  readonly id: string;
  readonly description: string;
}

/** Writes one file element by element: `start`, every node, `between`, every edge, `end`. */
export interface GraphWriter {
  start(summary: GraphSummary, title: GraphTitle): string;
  node(n: ExportNode): string;
  between(): string;
  edge(e: ExportEdge): string;
  end(): string;
}

/** Cytoscape.js `elements` JSON (and Cytoscape desktop's .cyjs), one element per line. */
function cytoscapeWriter(): GraphWriter {
  let written = 0;
  const element = (value: unknown) => `${written++ === 0 ? "" : ",\n"}    ${JSON.stringify(value)}`;
  return {
    start: (summary) => `{\n  "data": ${JSON.stringify(summary)},\n  "elements": {\n  "nodes": [\n`,
    node: (n) =>
      element({
        data: { ...attributesOf(NODE_ATTRIBUTES, n), id: n.id },
        classes: [n.nodeKind.toLowerCase(), n.isCenter ? "center" : ""].filter(Boolean).join(" "),
      }),
    between: () => ((written = 0), `\n  ],\n  "edges": [\n`),
    edge: (e) =>
      element({
        data: { ...attributesOf(EDGE_ATTRIBUTES, e), id: e.id, source: e.source, target: e.target },
        classes: e.kind.toLowerCase(),
      }),
    end: () => `\n  ]\n  }\n}\n`,
  };
}

// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex -- the allowed set names tab, line feed and carriage return.
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (v: Scalar): string => String(v).replace(INVALID_XML_CHARS, "\uFFFD");

// The builder escapes &, <, >, quotes and apostrophes in text and attribute values. Without
// suppressBooleanAttributes: false it would print value="true" as a bare (invalid XML) attribute.
const xml = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});
const element = (doc: Record<string, unknown>): string => xml.build(doc) as string;

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
// Most values are plain ASCII with nothing to escape: they skip the two replacements.
const PLAIN = /^[\u0020\u0021\u0023-\u0025\u0028-\u003B\u003D\u003F-\u007E]*$/;
const escaped = (v: Scalar): string => {
  const text = String(v);
  return PLAIN.test(text) ? text : xmlText(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
};

/**
 * `<name a="v">children</name>` (or `<name a="v"/>`), every value escaped as the builder escapes
 * it. The builder takes a third of a millisecond per element; a whole graph has hundreds of
 * thousands, so nodes and edges are written here and the builder keeps the headers.
 */
function tag(name: string, attributes: Record<string, Scalar | undefined>, children: readonly string[] = []): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escaped(v!)}"`)
    .join("");
  return children.length === 0
    ? `<${name}${attrs}/>\n`
    : `<${name}${attrs}>\n${children.map((c) => `  ${c}`).join("")}</${name}>\n`;
}

/** `<name a="v">text</name>` on one line. */
const textTag = (name: string, attributes: Record<string, Scalar>, text: Scalar): string =>
  `<${name}${Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escaped(v)}"`)
    .join("")}>${escaped(text)}</${name}>\n`;

const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>\n`;

/** GraphML with a `<key>` per attribute; null values are left out, as GraphML intends for unknowns. */
export function graphmlWriter(): GraphWriter {
  const key = (domain: "node" | "edge") => (a: Attribute<never>) => ({
    "@_id": `${domain[0]}_${a.name}`,
    "@_for": domain,
    "@_attr.name": a.name,
    "@_attr.type": a.type,
  });
  const data = <T>(domain: "node" | "edge", attrs: readonly Attribute<T>[], x: T) =>
    attrs.flatMap((a) => {
      const v = a.value(x);
      return v === null ? [] : [textTag("data", { key: `${domain[0]}_${a.name}` }, v)];
    });
  return {
    start: (_summary, { id, description }) =>
      XML_DECLARATION +
      `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n` +
      element({ desc: xmlText(description) }) +
      element({ key: [...NODE_ATTRIBUTES.map(key("node")), ...EDGE_ATTRIBUTES.map(key("edge"))] }) +
      `<graph id="${escaped(id)}" edgedefault="directed">\n`,
    node: (n) => tag("node", { id: n.id }, data("node", NODE_ATTRIBUTES, n)),
    between: () => "",
    edge: (e) => tag("edge", { id: e.id, source: e.source, target: e.target }, data("edge", EDGE_ATTRIBUTES, e)),
    end: () => `</graph>\n</graphml>\n`,
  };
}

/**
 * GEXF 1.3 with the relationships' validity as edge time spans (`start`/`end`), so Gephi's timeline
 * can play the graph over time. Open ends are left open.
 */
function gexfWriter(): GraphWriter {
  const declare = (attrs: readonly Attribute<never>[]) =>
    attrs
      .filter((a) => a.name !== "label")
      .map((a) => ({ "@_id": a.name, "@_title": a.name, "@_type": a.type === "int" ? "integer" : a.type }));
  const values = <T>(attrs: readonly Attribute<T>[], x: T): string[] => {
    const attvalue = attrs.flatMap((a) => {
      const v = a.name === "label" ? null : a.value(x);
      return v === null ? [] : [tag("attvalue", { for: a.name, value: v })];
    });
    return attvalue.length > 0 ? [tag("attvalues", {}, attvalue)] : [];
  };
  return {
    start: (_summary, { description }) =>
      XML_DECLARATION +
      `<gexf xmlns="http://gexf.net/1.3" version="1.3">\n` +
      element({ meta: { creator: "company-graph-api", description: xmlText(description) } }) +
      `<graph mode="dynamic" defaultedgetype="directed" timeformat="date">\n` +
      element({
        attributes: [
          { "@_class": "node", attribute: declare(NODE_ATTRIBUTES) },
          { "@_class": "edge", attribute: declare(EDGE_ATTRIBUTES) },
        ],
      }) +
      `<nodes>\n`,
    node: (n) => tag("node", { id: n.id, label: n.label }, values(NODE_ATTRIBUTES, n)),
    between: () => `</nodes>\n<edges>\n`,
    edge: (e) =>
      tag(
        "edge",
        {
          id: e.id,
          source: e.source,
          target: e.target,
          label: e.label,
          start: e.validFrom ?? undefined,
          end: e.validTo ?? undefined,
        },
        values(EDGE_ATTRIBUTES, e),
      ),
    end: () => `</edges>\n</graph>\n</gexf>\n`,
  };
}

/** An edge list: one row per relationship, `source` and `target` first, then every edge attribute. */
function edgeListWriter(): GraphWriter {
  return {
    start: () => csvLine(["id", "source", "target", ...EDGE_ATTRIBUTES.map((a) => a.name)]),
    node: () => "",
    between: () => "",
    edge: (e) => csvLine([e.id, e.source, e.target, ...EDGE_ATTRIBUTES.map((a) => a.value(e))]),
    end: () => "",
  };
}

export const GRAPH_WRITERS = {
  cyjs: cytoscapeWriter,
  graphml: graphmlWriter,
  gexf: gexfWriter,
  "edges-csv": edgeListWriter,
} as const satisfies Record<string, () => GraphWriter>;

export type GraphFormat = keyof typeof GRAPH_WRITERS;

function centredSummary(graph: RelationshipGraph): GraphSummary {
  return {
    centers: graph.centers,
    depth: graph.depth,
    depthReached: graph.depthReached,
    limit: graph.limit,
    asOf: graph.asOf,
    truncated: graph.truncated,
    cut: { ...graph.cut },
  };
}

const asExportNode = (n: GraphViewNode, provenance?: ReadonlyMap<string, NodeProvenance>): ExportNode => ({
  ...n,
  provenance: provenance?.get(n.id) ?? null,
});
const asExportEdge = (e: GraphViewEdge, provenance?: ReadonlyMap<string, EdgeProvenance>): ExportEdge => ({
  ...e,
  provenance: provenance?.get(e.id) ?? null,
});

/** Where a view's nodes and edges come from, by id (see exports/provenance.ts). */
export interface GraphProvenance {
  readonly nodes: ReadonlyMap<string, NodeProvenance>;
  readonly edges: ReadonlyMap<string, EdgeProvenance>;
}

/** A view around centres as one file. */
export function writeCentredGraph(format: GraphFormat, graph: RelationshipGraph, provenance?: GraphProvenance): string {
  const writer = GRAPH_WRITERS[format]();
  const { sink, text } = stringSink();
  sink(
    writer.start(centredSummary(graph), {
      id: `around-${graph.centers.join("-")}`,
      description: `Relationships around ${graph.centers.join(", ")}, ${graph.depthReached} hop(s)`,
    }),
  );
  for (const n of graph.nodes) sink(writer.node(asExportNode(n, provenance?.nodes)));
  sink(writer.between());
  for (const e of graph.edges) sink(writer.edge(asExportEdge(e, provenance?.edges)));
  sink(writer.end());
  return text();
}

export const toGraphML = (graph: RelationshipGraph, provenance?: GraphProvenance) =>
  writeCentredGraph("graphml", graph, provenance);
export const toGexf = (graph: RelationshipGraph, provenance?: GraphProvenance) =>
  writeCentredGraph("gexf", graph, provenance);

export interface CytoscapeJson {
  readonly data: GraphSummary;
  readonly elements: {
    readonly nodes: { data: { id: string } & Record<string, Scalar>; classes: string }[];
    readonly edges: {
      data: { id: string; source: string; target: string } & Record<string, Scalar>;
      classes: string;
    }[];
  };
}

/** The `elements` JSON that `cytoscape({ elements })` and Cytoscape desktop (.cyjs) load as is. */
export function toCytoscapeJson(graph: RelationshipGraph, provenance?: GraphProvenance): CytoscapeJson {
  return JSON.parse(writeCentredGraph("cyjs", graph, provenance)) as CytoscapeJson;
}
