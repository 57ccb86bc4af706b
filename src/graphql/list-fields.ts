import type { NodeKind, RelationshipKind } from "../domain/entities";
import type { Direction } from "../store/graph-store";

/**
 * Which relationships each list field of a node type reads, from which end, and which field of its
 * items holds the node at the other end. Resolvers read their list through this table, and the
 * planner reads it to plan whole requests, so the two cannot read different relationships.
 */
export interface ListField {
  readonly kinds: readonly RelationshipKind[];
  readonly direction: Direction;
  readonly otherEnd: { readonly field: string; readonly type: NodeKind };
}

const list = (kind: RelationshipKind, direction: Direction, field: string, type: NodeKind): ListField => ({
  kinds: [kind],
  direction,
  otherEnd: { field, type },
});

export const LIST_FIELDS = {
  Company: {
    customers: list("BUYS_FROM", "IN", "customer", "Company"),
    suppliers: list("BUYS_FROM", "OUT", "supplier", "Company"),
    subsidiaries: list("SUBSIDIARY_OF", "IN", "company", "Company"),
    competitors: list("COMPETES_WITH", "BOTH", "company", "Company"),
    partners: list("PARTNERS_WITH", "BOTH", "company", "Company"),
    products: list("OFFERS", "OUT", "product", "Product"),
    modelsUsed: list("USES_MODEL", "OUT", "product", "Product"),
    people: list("LEADS", "IN", "person", "Person"),
  },
  Product: {
    offeredBy: list("OFFERS", "IN", "company", "Company"),
    builtOn: list("BUILT_ON", "OUT", "product", "Product"),
    usedIn: list("BUILT_ON", "IN", "product", "Product"),
    usedBy: list("USES_MODEL", "IN", "company", "Company"),
  },
  Person: {
    leads: list("LEADS", "OUT", "company", "Company"),
  },
} as const satisfies Record<NodeKind, Record<string, ListField>>;

/** The list field `name` of `type`, or undefined when it is not one. */
export function listFieldOf(type: NodeKind, name: string): ListField | undefined {
  return (LIST_FIELDS[type] as Record<string, ListField>)[name];
}
