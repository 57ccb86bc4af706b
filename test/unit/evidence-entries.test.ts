import { describe, expect, it } from "vitest";
import type { Evidence } from "../../src/domain/entities";
import { evidenceEntries } from "../../src/domain/evidence-entries";
import { aClaim } from "../helpers/claims";

const evidence = (id: string, sourceId: string, quote: string): Evidence => ({
  id,
  sourceId,
  kind: "STATEMENT",
  quote,
  locator: "p. 1",
  gloss: quote,
  refersTo: { from: null, to: null, label: "undated" },
  disclosure: "REPORTED",
  facts: [],
});

describe("a relationship's evidence, each piece once", () => {
  const claim = (id: string, sourceId: string, evidenceIds: string[]) =>
    aClaim({ id, relationshipId: "r", sourceId, recordedAt: "2024-01-01", evidenceIds });

  it("makes the same sentence from one source one entry, with every record and every claim citing it", () => {
    const records = [
      evidence("ev-b", "verge", "TikTok pays  nearly $20M a month."),
      evidence("ev-a", "verge", "tiktok pays nearly $20M a month."),
      evidence("ev-c", "quartz", "TikTok pays nearly $20M a month."),
      evidence("ev-d", "verge", "Another sentence."),
    ];
    const claims = [
      claim("c2", "verge", ["ev-a"]),
      claim("c1", "verge", ["ev-b", "ev-d"]),
      claim("c3", "quartz", ["ev-c"]),
    ];
    const entries = evidenceEntries(records, claims);
    // By hand: verge's two records of one sentence (case and spacing aside) are one entry; the same
    // sentence from quartz is another source's, so its own entry; verge's other sentence its own.
    expect(entries.map((e) => [e.evidence.id, e.evidenceIds, e.claims.map((c) => c.id)])).toEqual([
      ["ev-b", ["ev-b", "ev-a"], ["c1", "c2"]],
      ["ev-c", ["ev-c"], ["c3"]],
      ["ev-d", ["ev-d"], ["c1"]],
    ]);
  });

  it("lists a record given twice once", () => {
    const record = evidence("ev-a", "verge", "One sentence.");
    const entries = evidenceEntries([record, record], [claim("c1", "verge", ["ev-a"])]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.evidenceIds).toEqual(["ev-a"]);
  });
});
