import type { Relationship } from "./entities";

/**
 * The parts of a relationship a read can leave out. Id, kind, ends and the record time of the view are always read: paging,
 * cursors and the node at the other end need them. A nested read that shows a few fields of
 * thousands of relationships asks for those parts only, and Neo4j then reads and ships a third of
 * the columns (see the Neo4j store's relationship projection).
 */
export const RELATIONSHIP_PARTS = [
  "productId",
  "amount",
  "market",
  "role",
  "purpose",
  "status",
  "validFrom",
  "validTo",
  "confidence",
  "evidenceIds",
  "note",
  "agreement",
  "firstReported",
  "lastReported",
] as const satisfies readonly (keyof Relationship)[];

export type RelationshipPart = (typeof RELATIONSHIP_PARTS)[number];

/**
 * What a part that was not read holds. Placeholders that cannot pass for data where possible: a
 * status outside the enum and a confidence that is not a number make GraphQL refuse to serialise
 * them, so a field that reads a part it did not ask for fails loudly instead of answering wrongly.
 */
const NOT_READ: { readonly [P in RelationshipPart]: Relationship[P] } = {
  productId: null,
  amount: null,
  market: null,
  role: null,
  purpose: null,
  status: "NOT_READ" as Relationship["status"],
  validFrom: null,
  validTo: null,
  confidence: Number.NaN,
  evidenceIds: [],
  note: null,
  agreement: {
    claims: Number.NaN,
    independentOrigins: Number.NaN,
    conflicting: false,
    gap: Number.NaN,
    dissent: [],
    incomparable: [],
  },
  firstReported: null,
  lastReported: null,
};

/** The totalCount of a page read without its count; GraphQL refuses to serialise it, as NOT_READ parts. */
export const NOT_COUNTED = Number.NaN;

/** `parts` once each, in RELATIONSHIP_PARTS order: equal requests compare and key equal. */
export function normalizeParts(parts: Iterable<RelationshipPart>): readonly RelationshipPart[] {
  const wanted = new Set(parts);
  return RELATIONSHIP_PARTS.filter((part) => wanted.has(part));
}

/** A relationship with its id, kind and ends, every part NOT_READ: what a reader of some parts fills in. */
export function unreadRelationship(core: Pick<Relationship, "id" | "kind" | "from" | "to">): Relationship {
  // Spelled out rather than spread: this runs for every relationship a read ships.
  return {
    id: core.id,
    kind: core.kind,
    from: core.from,
    to: core.to,
    productId: NOT_READ.productId,
    amount: NOT_READ.amount,
    market: NOT_READ.market,
    role: NOT_READ.role,
    purpose: NOT_READ.purpose,
    status: NOT_READ.status,
    validFrom: NOT_READ.validFrom,
    validTo: NOT_READ.validTo,
    confidence: NOT_READ.confidence,
    evidenceIds: NOT_READ.evidenceIds,
    note: NOT_READ.note,
    agreement: NOT_READ.agreement,
    firstReported: NOT_READ.firstReported,
    lastReported: NOT_READ.lastReported,
    knownAt: null,
  };
}

/**
 * How a read of `parts` (every part when undefined) gives a relationship: those parts as they
 * are, the others NOT_READ. Both stores answer a read of some parts with exactly this.
 */
export function partsView(
  parts: readonly RelationshipPart[] | undefined,
): (relationship: Relationship) => Relationship {
  const missing = parts ? RELATIONSHIP_PARTS.filter((part) => !parts.includes(part)) : [];
  if (missing.length === 0) return (relationship) => relationship;
  return (relationship) => {
    const copy: Record<string, unknown> = { ...relationship };
    for (const part of missing) copy[part] = NOT_READ[part];
    return copy as unknown as Relationship;
  };
}
