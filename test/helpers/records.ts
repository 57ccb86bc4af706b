import type { Company, Relationship } from "../../src/domain/entities";

/** A company record with only an id; the rest neutral. For hand-built test graphs. */
export function companyRecord(id: string, overrides: Partial<Company> = {}): Company {
  return {
    nodeKind: "Company",
    id,
    name: id.toUpperCase(),
    aliases: [],
    description: null,
    country: null,
    kind: null,
    evidenceIds: [],
    ...overrides,
  };
}

/** A CURRENT relationship with no amount or dates unless given, as one claim would make it. For hand-built test graphs. */
export function relationshipRecord(
  id: string,
  kind: Relationship["kind"],
  from: string,
  to: string,
  overrides: Partial<Relationship> = {},
): Relationship {
  return {
    id,
    kind,
    from,
    to,
    productId: null,
    amount: null,
    market: null,
    role: null,
    purpose: null,
    status: "CURRENT",
    validFrom: null,
    validTo: null,
    confidence: 1,
    evidenceIds: [],
    note: null,
    agreement: { claims: 1, independentOrigins: 1, conflicting: false, gap: 0, dissent: [], incomparable: [] },
    firstReported: null,
    lastReported: null,
    knownAt: null,
    ...overrides,
  };
}
