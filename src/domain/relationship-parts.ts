import type { Relationship } from "./entities";
import { DomainError } from "./errors";

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

/** What every read of a relationship holds, whatever parts it asked for. */
export type RelationshipCore = Omit<Relationship, RelationshipPart>;

/**
 * A relationship as a read of some parts gives it: the core, and the parts `P` the type knows were
 * read. A part that was not read is not in the object at all, and not in its type: code that holds
 * a row of unknown parts (a planned page) reads one through `partOf`, which refuses a part the read
 * left out rather than pass an absence off as a null. A whole relationship is a row of every part.
 */
export type RelationshipRow<P extends RelationshipPart = never> = RelationshipCore & Pick<Relationship, P>;

/**
 * The parts a read's `parts` list names, as a type: those of a const list, every part when the read
 * names none (or names them only as a plain RelationshipPart[]).
 */
export type PartsNamed<Parts> = [Parts] extends [readonly (infer P)[] | undefined]
  ? [P] extends [RelationshipPart]
    ? P
    : RelationshipPart
  : RelationshipPart;

/** `parts` once each, in RELATIONSHIP_PARTS order: equal requests compare and key equal. */
export function normalizeParts(parts: Iterable<RelationshipPart>): readonly RelationshipPart[] {
  const wanted = new Set(parts);
  return RELATIONSHIP_PARTS.filter((part) => wanted.has(part));
}

/**
 * How a read of `parts` (every part when undefined) gives a relationship: its core and those parts,
 * nothing else. Both stores answer a planned read of some parts with exactly this.
 */
export function rowView<P extends RelationshipPart>(
  parts: readonly P[] | undefined,
): (relationship: Relationship) => RelationshipRow<P> {
  if (!parts || parts.length === RELATIONSHIP_PARTS.length) return (relationship) => relationship;
  return (relationship) => {
    const row: Record<string, unknown> = {
      id: relationship.id,
      kind: relationship.kind,
      from: relationship.from,
      to: relationship.to,
    };
    for (const part of parts) row[part] = relationship[part];
    row.knownAt = relationship.knownAt;
    return row as RelationshipRow<P>;
  };
}

/**
 * Part `part` of a row. A row without it means the plan its read was made from did not list the
 * part for the field now asking (see graphql/plan/selected-parts.ts): a fault of this server, never
 * an answer, so it fails the field with INTERNAL instead of serving a null.
 */
export function partOf<P extends RelationshipPart>(row: RelationshipRow, part: P): Relationship[P] {
  if (!(part in row)) {
    throw new DomainError("INTERNAL", `relationship ${row.id} was read without its ${part}`, { part });
  }
  return (row as RelationshipRow<P>)[part] as Relationship[P];
}
