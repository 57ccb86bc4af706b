import {
  type GraphNode,
  isSlug,
  type NodeKind,
  RELATIONSHIP_KINDS,
  type Relationship,
  type RelationshipKind,
  type RelationshipStatus,
} from "../domain/entities";
import { boundedInt, GRAPH_DEPTH, GRAPH_LIMIT, MAX_CENTERS } from "../domain/bounds";
import { checkDate } from "../domain/dates";
import { BadInputError } from "../domain/errors";
import { formatMoney } from "../domain/format";
import type { Money } from "../domain/money";
import type { GraphStore, RelationshipFilter } from "../store/graph-store";
import { NodeRoom } from "./graph-room";

/**
 * A subgraph ready to draw: flat lists of nodes and edges with stable ids (node id = entity id,
 * edge id = relationship id), so a client can merge the answers of several calls by id. Expanding a
 * node is another call centred on it.
 */

export interface GraphViewNode {
  readonly id: string;
  /** The entity's name. */
  readonly label: string;
  readonly nodeKind: NodeKind;
  /** Company kind (e.g. `cloud-provider`) or product category; null for people or when unknown. */
  readonly kind: string | null;
  readonly country: string | null;
  /** Hops from the nearest centre (0 for a centre). */
  readonly hop: number;
  readonly isCenter: boolean;
}

export interface GraphViewEdge {
  readonly id: string;
  /** The relationship's `from` (the customer of BUYS_FROM: money flows from source to target). */
  readonly source: string;
  readonly target: string;
  readonly kind: RelationshipKind;
  /** e.g. "BUYS_FROM azure-openai · ≈ US$20M/month (18M–20M)". */
  readonly label: string;
  /** The amount alone, e.g. "≈ US$20M/month (18M–20M)"; null when the relationship has none. */
  readonly amountLabel: string | null;
  readonly amount: Money | null;
  readonly productId: string | null;
  readonly market: string | null;
  readonly status: RelationshipStatus;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly confidence: number;
  readonly evidenceCount: number;
  readonly evidenceIds: readonly string[];
}

export interface GraphCut {
  /** Nodes that were reached but left out because of the limit. */
  readonly nodes: number;
  /** Edges left out because one of their ends was left out. */
  readonly edges: number;
  readonly reason: string | null;
}

export interface RelationshipGraph {
  readonly centers: readonly string[];
  /** Requested centres that are not in the graph. */
  readonly missingCenters: readonly string[];
  readonly nodes: readonly GraphViewNode[];
  readonly edges: readonly GraphViewEdge[];
  readonly truncated: boolean;
  readonly cut: GraphCut;
  /** The last hop whose relationships were read (0 when no centre exists). */
  readonly depthReached: number;
  readonly depth: number;
  readonly limit: number;
  readonly asOf: string | null;
}

export interface RelationshipGraphOptions {
  readonly centers: readonly string[];
  readonly depth?: number | null;
  readonly kinds?: readonly RelationshipKind[] | null;
  readonly asOf?: string | null;
  readonly limit?: number | null;
}

/** Distinct slugs, in the order given; a non-slug is refused rather than silently matching nothing. */
export function checkIds(name: string, ids: readonly string[], max: number): string[] {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) throw new BadInputError(`${name} must list at least one id`, { argument: name });
  if (distinct.length > max) {
    throw new BadInputError(`${name} may list at most ${max} ids (got ${distinct.length})`, { argument: name, max });
  }
  for (const id of distinct) {
    if (!isSlug(id)) {
      throw new BadInputError(
        `${name}: ${JSON.stringify(id.slice(0, 120))} is not a valid id: ids are lowercase slugs such as "microsoft"`,
        {
          argument: name,
        },
      );
    }
  }
  return distinct;
}

export function checkKinds(kinds: readonly string[] | null | undefined): RelationshipKind[] {
  const out = [...new Set(kinds ?? [])];
  for (const k of out) {
    if (!(RELATIONSHIP_KINDS as readonly string[]).includes(k)) {
      throw new BadInputError(
        `unknown relationship kind ${JSON.stringify(k.slice(0, 60))}; kinds are ${RELATIONSHIP_KINDS.join(", ")}`,
        {
          argument: "kinds",
        },
      );
    }
  }
  return out as RelationshipKind[];
}

export function toViewNode(n: GraphNode, hop: number): GraphViewNode {
  return {
    id: n.id,
    label: n.name,
    nodeKind: n.nodeKind,
    kind: n.nodeKind === "Company" ? n.kind : n.nodeKind === "Product" ? n.category : null,
    country: n.nodeKind === "Company" ? n.country : null,
    hop,
    isCenter: hop === 0,
  };
}

export function toViewEdge(r: Relationship): GraphViewEdge {
  const amountLabel = r.amount ? formatMoney(r.amount) : null;
  // The purpose is a sentence; it stays out of the label (it is in the relationship itself).
  const about = r.productId ?? r.role ?? r.market;
  const head = about ? `${r.kind} ${about}` : r.kind;
  return {
    id: r.id,
    source: r.from,
    target: r.to,
    kind: r.kind,
    label: amountLabel ? `${head} · ${amountLabel}` : head,
    amountLabel,
    amount: r.amount,
    productId: r.productId,
    market: r.market,
    status: r.status,
    validFrom: r.validFrom,
    validTo: r.validTo,
    confidence: r.confidence,
    evidenceCount: r.evidenceIds.length,
    evidenceIds: r.evidenceIds,
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Breadth-first from the centres, one batched relationship read and one batched node read per hop,
 * so the store calls of a request grow with `depth`, never with the number of nodes. Every edge read
 * from a kept node is kept when its other end is kept too. When a hop reaches more nodes than the
 * limit leaves room for, the most important ones are kept and the walk goes on from them (see
 * NodeRoom); exports draw the same graph.
 */
export async function relationshipGraph(store: GraphStore, opts: RelationshipGraphOptions): Promise<RelationshipGraph> {
  const depth = boundedInt("depth", opts.depth, GRAPH_DEPTH);
  const limit = boundedInt("limit", opts.limit, GRAPH_LIMIT);
  const centers = checkIds("centers", opts.centers, MAX_CENTERS);
  const kinds = checkKinds(opts.kinds);
  const asOf = checkDate("asOf", opts.asOf);
  const filter: RelationshipFilter = { kinds, direction: "BOTH", asOf };

  const nodes = new Map<string, GraphViewNode>();
  const edges = new Map<string, Relationship>();
  const room = new NodeRoom(limit, depth);
  const keep = (reached: readonly GraphNode[], hop: number, read: readonly Relationship[]) => {
    const kept = room.keep(reached, hop, nodes.size, read);
    for (const n of kept) nodes.set(n.id, toViewNode(n, hop));
    return kept.map((n) => n.id).sort();
  };

  const found = (await store.nodesByIds(centers)).filter((n): n is GraphNode => n !== null);
  const missingCenters = centers.filter((id) => !found.some((n) => n.id === id));
  let frontier = keep([...found].sort(byId), 0, []);
  let depthReached = 0;

  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const pages = await store.relationshipsOf(frontier, filter, {});
    depthReached = hop;
    const read: Relationship[] = [];
    const next = new Set<string>();
    for (const r of pages.flatMap((page) => page.items)) {
      if (edges.has(r.id)) continue;
      edges.set(r.id, r);
      read.push(r);
      for (const end of [r.from, r.to]) if (!nodes.has(end) && !room.wasSetAside(end)) next.add(end);
    }
    if (next.size === 0) break;
    const reached = (await store.nodesByIds([...next].sort())).filter((n): n is GraphNode => n !== null);
    frontier = keep(reached, hop, read);
  }
  for (const { node, hop } of room.giveBack(nodes.size)) nodes.set(node.id, toViewNode(node, hop));
  const keptEdges = [...edges.values()].filter((r) => nodes.has(r.from) && nodes.has(r.to));
  const reason = room.reason();
  return {
    centers,
    missingCenters,
    nodes: [...nodes.values()].sort((a, b) => a.hop - b.hop || byId(a, b)),
    edges: keptEdges.sort(byId).map(toViewEdge),
    truncated: reason !== null,
    cut: { nodes: room.leftOut, edges: reason === null ? 0 : edges.size - keptEdges.length, reason },
    depthReached,
    depth,
    limit,
    asOf,
  };
}
