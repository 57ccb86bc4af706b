import { XMLBuilder } from "fast-xml-parser";
import type { GraphViewEdge, GraphViewNode, RelationshipGraph } from "./relationship-graph";
import { highOrNull } from "../domain/interval";

/**
 * File formats for a relationship graph: Cytoscape JSON (Cytoscape.js and Cytoscape desktop),
 * GraphML (Gephi, yEd, NetworkX, igraph) and GEXF (Gephi, with time spans). Every format carries the
 * same flat attributes, so a column means the same thing whichever file it comes from.
 */

type AttrType = "string" | "int" | "double" | "boolean";
type Scalar = string | number | boolean | null;

interface Attribute<T> {
  readonly name: string;
  readonly type: AttrType;
  readonly value: (x: T) => Scalar;
}

const NODE_ATTRIBUTES: readonly Attribute<GraphViewNode>[] = [
  { name: "label", type: "string", value: (n) => n.label },
  { name: "nodeKind", type: "string", value: (n) => n.nodeKind },
  { name: "kind", type: "string", value: (n) => n.kind },
  { name: "country", type: "string", value: (n) => n.country },
  { name: "hop", type: "int", value: (n) => n.hop },
  { name: "isCenter", type: "boolean", value: (n) => n.isCenter },
];

const EDGE_ATTRIBUTES: readonly Attribute<GraphViewEdge>[] = [
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
];

function attributesOf<T>(attrs: readonly Attribute<T>[], x: T): Record<string, Scalar> {
  return Object.fromEntries(attrs.map((a) => [a.name, a.value(x)]));
}

function graphSummary(graph: RelationshipGraph) {
  return {
    centers: graph.centers,
    depth: graph.depth,
    depthReached: graph.depthReached,
    limit: graph.limit,
    asOf: graph.asOf,
    truncated: graph.truncated,
    cut: graph.cut,
  };
}

export interface CytoscapeJson {
  readonly data: ReturnType<typeof graphSummary>;
  readonly elements: {
    readonly nodes: { data: { id: string } & Record<string, Scalar>; classes: string }[];
    readonly edges: {
      data: { id: string; source: string; target: string } & Record<string, Scalar>;
      classes: string;
    }[];
  };
}

/** The `elements` JSON that `cytoscape({ elements })` and Cytoscape desktop (.cyjs) load as is. */
export function toCytoscapeJson(graph: RelationshipGraph): CytoscapeJson {
  return {
    data: graphSummary(graph),
    elements: {
      nodes: graph.nodes.map((n) => ({
        data: { ...attributesOf(NODE_ATTRIBUTES, n), id: n.id },
        classes: [n.nodeKind.toLowerCase(), n.isCenter ? "center" : ""].filter(Boolean).join(" "),
      })),
      edges: graph.edges.map((e) => ({
        data: { ...attributesOf(EDGE_ATTRIBUTES, e), id: e.id, source: e.source, target: e.target },
        classes: e.kind.toLowerCase(),
      })),
    },
  };
}

// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex -- the allowed set names tab, line feed and carriage return.
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlText = (v: Scalar): string => String(v).replace(INVALID_XML_CHARS, "\uFFFD");

function builder(): XMLBuilder {
  // The builder escapes &, <, >, quotes and apostrophes in text and attribute values. Without
  // suppressBooleanAttributes: false it would print value="true" as a bare (invalid XML) attribute.
  return new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    format: true,
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  });
}

const XML_DECLARATION = { "@_version": "1.0", "@_encoding": "UTF-8" };

/** GraphML with a `<key>` per attribute; null values are left out, as GraphML intends for unknowns. */
export function toGraphML(graph: RelationshipGraph): string {
  const key = (domain: "node" | "edge") => (a: Attribute<never>) => ({
    "@_id": `${domain[0]}_${a.name}`,
    "@_for": domain,
    "@_attr.name": a.name,
    "@_attr.type": a.type,
  });
  const data = <T>(domain: "node" | "edge", attrs: readonly Attribute<T>[], x: T) =>
    attrs.flatMap((a) => {
      const v = a.value(x);
      return v === null ? [] : [{ "@_key": `${domain[0]}_${a.name}`, "#text": xmlText(v) }];
    });
  const doc = {
    "?xml": XML_DECLARATION,
    graphml: {
      "@_xmlns": "http://graphml.graphdrawing.org/xmlns",
      "@_xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "@_xsi:schemaLocation":
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
      key: [...NODE_ATTRIBUTES.map(key("node")), ...EDGE_ATTRIBUTES.map(key("edge"))],
      graph: {
        "@_id": `around-${graph.centers.join("-")}`,
        "@_edgedefault": "directed",
        node: graph.nodes.map((n) => ({ "@_id": xmlText(n.id), data: data("node", NODE_ATTRIBUTES, n) })),
        edge: graph.edges.map((e) => ({
          "@_id": xmlText(e.id),
          "@_source": xmlText(e.source),
          "@_target": xmlText(e.target),
          data: data("edge", EDGE_ATTRIBUTES, e),
        })),
      },
    },
  };
  return builder().build(doc) as string;
}

/**
 * GEXF 1.3 with the relationships' validity as edge time spans (`start`/`end`), so Gephi's timeline
 * can play the graph over time. Open ends are left open.
 */
export function toGexf(graph: RelationshipGraph): string {
  const declare = (attrs: readonly Attribute<never>[], skip: string) =>
    attrs
      .filter((a) => a.name !== skip)
      .map((a) => ({ "@_id": a.name, "@_title": a.name, "@_type": a.type === "int" ? "integer" : a.type }));
  const values = <T>(attrs: readonly Attribute<T>[], x: T, skip: string) => {
    const attvalue = attrs.flatMap((a) => {
      const v = a.name === skip ? null : a.value(x);
      return v === null ? [] : [{ "@_for": a.name, "@_value": xmlText(v) }];
    });
    return attvalue.length > 0 ? { attvalue } : undefined;
  };
  const doc = {
    "?xml": XML_DECLARATION,
    gexf: {
      "@_xmlns": "http://gexf.net/1.3",
      "@_version": "1.3",
      meta: {
        creator: "company-graph-api",
        description: `Relationships around ${graph.centers.join(", ")}, ${graph.depthReached} hop(s)`,
      },
      graph: {
        "@_mode": "dynamic",
        "@_defaultedgetype": "directed",
        "@_timeformat": "date",
        attributes: [
          { "@_class": "node", attribute: declare(NODE_ATTRIBUTES, "label") },
          { "@_class": "edge", attribute: declare(EDGE_ATTRIBUTES, "label") },
        ],
        nodes: {
          node: graph.nodes.map((n) => ({
            "@_id": xmlText(n.id),
            "@_label": xmlText(n.label),
            attvalues: values(NODE_ATTRIBUTES, n, "label"),
          })),
        },
        edges: {
          edge: graph.edges.map((e) => ({
            "@_id": xmlText(e.id),
            "@_source": xmlText(e.source),
            "@_target": xmlText(e.target),
            "@_label": xmlText(e.label),
            ...(e.validFrom ? { "@_start": e.validFrom } : {}),
            ...(e.validTo ? { "@_end": e.validTo } : {}),
            attvalues: values(EDGE_ATTRIBUTES, e, "label"),
          })),
        },
      },
    },
  };
  return builder().build(doc) as string;
}
