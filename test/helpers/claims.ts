import type { Claim } from "../../src/domain/claims";

/** An undated, current, reported claim with no amount, recorded by `test`; `fields` say the rest. */
export function aClaim(
  fields: Pick<Claim, "id" | "relationshipId" | "sourceId" | "recordedAt"> & Partial<Claim>,
): Claim {
  return {
    amount: null,
    refersTo: { from: null, to: null, label: "undated" },
    began: null,
    ended: null,
    status: "CURRENT",
    disclosure: "REPORTED",
    confidence: 0.5,
    evidenceIds: [],
    recordedBy: "test",
    supersedes: null,
    retraction: null,
    ...fields,
  };
}
