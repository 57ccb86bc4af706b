/**
 * How a relationship is drawn and said: its family (the line's style), which end the arrow points
 * to, and its label. No DOM, so unit-tested without a browser. Which relationships carry money, and
 * which way it moves, is the domain's rule (money-flow.ts); which ones have no direction, too.
 */
import type { RelationshipGraphQuery } from "../../schema/client";
import { type RelationshipKind, SYMMETRIC_KINDS } from "../domain/entities";
import { MONEY_AGAINST_ARROW, MONEY_WITH_ARROW } from "../domain/money-flow";
import { words } from "./words";

export type GraphEdge = RelationshipGraphQuery["relationshipGraph"]["edges"][number];

/** The line styles of the drawing; the legend names them. */
export type EdgeFamily = "money" | "ownership" | "competition" | "partnership" | "other";

/** The families of the relationships that carry no money. */
const MONEYLESS_FAMILY: Partial<Record<RelationshipKind, EdgeFamily>> = {
  SUBSIDIARY_OF: "ownership",
  COMPETES_WITH: "competition",
  PARTNERS_WITH: "partnership",
};

export function edgeFamily(kind: RelationshipKind): EdgeFamily {
  if (MONEY_WITH_ARROW.includes(kind) || MONEY_AGAINST_ARROW.includes(kind)) return "money";
  return MONEYLESS_FAMILY[kind] ?? "other";
}

/**
 * Where the drawn arrow points: money edges point from payer to payee (against the recorded
 * direction for a revenue share), symmetric relationships have none, the rest follow `from -> to`.
 */
export function arrowWay(kind: RelationshipKind): "forward" | "backward" | "none" {
  if (SYMMETRIC_KINDS.has(kind)) return "none";
  return MONEY_AGAINST_ARROW.includes(kind) ? "backward" : "forward";
}

export function isEnded(edge: Pick<GraphEdge, "status" | "validTo">): boolean {
  return edge.status === "FORMER" || !!edge.validTo;
}

/** Cytoscape classes of an edge: its kind, family, arrow, and whether it ended or has a known start. */
export function edgeClasses(edge: GraphEdge): string {
  return [
    edge.kind.toLowerCase(),
    edgeFamily(edge.kind),
    `arrow-${arrowWay(edge.kind)}`,
    isEnded(edge) ? "ended" : "",
    edge.validFrom ? "dated" : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** What the relationship is about: the product bought or contested, else the market. */
function edgeTopic(edge: Pick<GraphEdge, "productId" | "market">): string | null {
  return edge.productId ?? edge.market ?? null;
}

const when = (edge: Pick<GraphEdge, "validFrom" | "validTo">) =>
  edge.validTo ? ` (ended ${edge.validTo})` : edge.validFrom ? ` (since ${edge.validFrom})` : "";

/** The label drawn on an edge: the amount for money, else the kind; its topic and dates beside. */
export function edgeLabel(edge: GraphEdge): string {
  const topic = edgeTopic(edge);
  if (edge.kind === "BUYS_FROM")
    return `${topic ? `${topic}: ` : ""}${edge.amountLabel ?? "amount unknown"}${when(edge)}`;
  const kind = words(edge.kind) + (topic ? ` (${topic})` : "");
  return (edge.amountLabel ? `${kind}: ${edge.amountLabel}` : kind) + when(edge);
}

/**
 * A relationship in a list, said in full so it reads alone: who does what to whom, about what,
 * for how much. `name` gives a node's name by id.
 */
export function edgeSentence(edge: GraphEdge, name: (id: string) => string): string {
  const topic = edgeTopic(edge);
  const about = topic ? ` · ${topic}` : "";
  const amount = edge.amountLabel ? `: ${edge.amountLabel}` : "";
  return `${name(edge.source)} ${words(edge.kind)} ${name(edge.target)}${about}${amount}${when(edge)}`;
}
