import { createHash } from "node:crypto";
import type { Relationship, RelationshipKind, RelationshipStatus } from "../../domain/entities";
import type { Money } from "../../domain/money";

export const TRAVERSALS = ["FORWARD", "BACKWARD"] as const;
export type Traversal = (typeof TRAVERSALS)[number];

export interface PathHop {
  readonly relationshipId: string;
  readonly kind: RelationshipKind;
  readonly from: string;
  readonly to: string;
  /** FORWARD: the path walks the relationship from `from` to `to`; BACKWARD: against its direction. */
  readonly traversal: Traversal;
  readonly status: RelationshipStatus;
  readonly evidenceIds: readonly string[];
  readonly confidence: number;
  readonly amount: Money | null;
}

export function hopOf(r: Relationship, enteredAt: string): PathHop {
  return {
    relationshipId: r.id,
    kind: r.kind,
    from: r.from,
    to: r.to,
    traversal: r.from === enteredAt ? "FORWARD" : "BACKWARD",
    status: r.status,
    evidenceIds: r.evidenceIds,
    confidence: r.confidence,
    amount: r.amount,
  };
}

/** A stable id: the same relationships always give the same path id, whatever the store. */
export function pathId(prefix: string, parts: readonly string[]): string {
  return `${prefix}-${createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16)}`;
}

/** The nodes a walk visits, in order, starting from `start`. */
export function walkNodes(start: readonly string[], hops: readonly PathHop[]): string[] {
  const nodes = [...start];
  for (const hop of hops) {
    for (const id of hop.traversal === "FORWARD" ? [hop.from, hop.to] : [hop.to, hop.from])
      if (!nodes.includes(id)) nodes.push(id);
  }
  return nodes;
}

/** The end of `r` that is not `id`: symmetric relationships are read from either end. */
export const otherEnd = (r: Relationship, id: string): string => (r.from === id ? r.to : r.from);

/** A relationship as a walk takes it, with the node the walk enters it at. */
export type Step = readonly [relationship: Relationship, enteredAt: string];
