import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { normalizeParts, RELATIONSHIP_PARTS, type RelationshipPart } from "../../domain/relationship-parts";
import type { PageContents } from "../../store/graph-store";
import { connectionItems, fieldsOf, selectedChildren, selectionSetsOf } from "./selections";

/**
 * The relationship parts each field of a list's items reads (BuyRelationship, Relationship and the
 * Link types; see relationship.resolver.ts). A field missing here reads every part, so a new field
 * is slow before it is listed, never wrong. `relationship` is the same object seen generically: it
 * reads what its own selection reads.
 */
const FIELD_PARTS: Readonly<Record<string, readonly RelationshipPart[]>> = {
  __typename: [],
  id: [],
  kind: [],
  from: [],
  to: [],
  customer: [],
  supplier: [],
  company: [],
  person: [],
  // A BuyRelationship's product is productId; a ProductLink's is the other end, which needs none.
  product: ["productId"],
  spend: ["amount"],
  amount: ["amount"],
  market: ["market"],
  role: ["role"],
  purpose: ["purpose"],
  status: ["status"],
  validFrom: ["validFrom"],
  validTo: ["validTo"],
  confidence: ["confidence"],
  note: ["note"],
  evidence: ["evidenceIds"],
  evidenceEntries: ["evidenceIds"],
  agreement: ["agreement", "amount"],
  // Claims are read by relationship id, through their own loader.
  claims: [],
  periods: [],
  startKnown: ["validFrom"],
  firstReported: ["firstReported"],
  lastReported: ["lastReported"],
  knownAt: [],
};

/**
 * What a list field's selection reads of its pages, over all of `connections` (the field nodes
 * graphql-js merged into one response key): the parts of its relationships, and whether it shows
 * the count. Fragments count whatever their type condition, which can only add to it.
 */
export function selectedContents(info: GraphQLResolveInfo, connections: readonly FieldNode[]): PageContents {
  const withTotalCount = selectedChildren(info, connections, "totalCount").length > 0;
  return { parts: selectedParts(info, connections), withTotalCount };
}

function selectedParts(info: GraphQLResolveInfo, connections: readonly FieldNode[]): readonly RelationshipPart[] {
  const parts = new Set<RelationshipPart>();
  const visit = (items: readonly FieldNode[]) => {
    for (const field of fieldsOf(info, null, selectionSetsOf(items))) {
      const name = field.name.value;
      if (name === "relationship") visit([field]);
      else for (const part of FIELD_PARTS[name] ?? RELATIONSHIP_PARTS) parts.add(part);
    }
  };
  visit(connectionItems(info, connections));
  return normalizeParts(parts);
}
