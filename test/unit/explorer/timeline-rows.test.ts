import { describe, expect, it } from "vitest";
import { type SourcedClaim, timelineRows } from "../../../src/explorer/timeline-rows";

function claim(
  id: string,
  recordedAt: string,
  from: string | null,
  to: string | null,
  low: number | null,
): SourcedClaim {
  return {
    id,
    status: "CURRENT",
    disclosure: "REPORTED",
    confidence: 0.8,
    began: null,
    ended: null,
    recordedAt,
    recordedBy: "editor",
    supersedes: null,
    retraction: null,
    amount:
      low === null
        ? null
        : { display: `US$${low}`, low, high: low * 2, estimate: null, period: "MONTH", currency: "USD" },
    refersTo: { from, to, label: from ?? "undated" },
    source: {
      id: `s-${id}`,
      title: `Source ${id}`,
      publisher: null,
      publishedOn: null,
      kind: "NEWS",
      language: "en",
      url: null,
    },
    evidence: [],
  };
}

describe("a relationship's claims timeline", () => {
  it("orders claims by record time, marks each with the server's verdict, and uncounted ones as withdrawn", () => {
    const rows = timelineRows({
      agreement: {
        claims: 2,
        independentOrigins: 2,
        conflicting: true,
        gap: 0.5,
        reconciled: null,
        dissent: ["b"],
        incomparable: [],
        verdicts: [
          { claimId: "a", verdict: "AGREES" },
          { claimId: "b", verdict: "DISSENTS" },
        ],
      },
      claims: {
        nodes: [
          claim("b", "2025-02-01T10:00:00Z", "2024-01-01", "2024-12-31", 10),
          claim("old", "2024-06-01T09:00:00Z", "2024-05-01", null, 5),
          claim("a", "2025-02-01T08:00:00Z", null, null, null),
        ],
      },
    });
    expect(
      rows.map((row) => [row.claimId, row.recorded, row.mark, row.spokeFrom, row.spokeTo, row.low, row.high]),
    ).toEqual([
      ["old", "2024-06-01", "WITHDRAWN", "2024-05-01", null, 5, 10],
      ["a", "2025-02-01", "AGREES", null, null, null, null],
      ["b", "2025-02-01", "DISSENTS", "2024-01-01", "2024-12-31", 10, 20],
    ]);
  });
});
