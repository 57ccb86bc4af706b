import { describe, expect, it } from "vitest";
import { contentHashOf, stampedRecords } from "../../src/domain/batch";

const claim = { id: "c-1", relationship: "r-1", source: "s-1", disclosure: "DISCLOSED", evidence: ["e-1"] };
const batch = (content: unknown, reason = "misread") => ({
  files: [{ name: "input.records", content }],
  retractions: [{ claimId: "c-0", reason }],
});

describe("a batch's content hash", () => {
  it("ignores key order and the record time and author stamped on claims", () => {
    const sent = batch({ claims: [claim] });
    const reordered = batch({
      claims: [{ evidence: ["e-1"], disclosure: "DISCLOSED", source: "s-1", relationship: "r-1", id: "c-1" }],
    });
    const stamped = batch({ claims: [{ ...claim, recordedAt: "2025-01-01", recordedBy: "ana" }] });
    expect(contentHashOf(reordered)).toBe(contentHashOf(sent));
    expect(contentHashOf(stamped)).toBe(contentHashOf(sent));
  });

  it("differs when a record, a value or a retraction differs", () => {
    const sent = contentHashOf(batch({ claims: [claim] }));
    expect(contentHashOf(batch({ claims: [{ ...claim, id: "c-2" }] }))).not.toBe(sent);
    expect(contentHashOf(batch({ claims: [{ ...claim, confidence: 0.5 }] }))).not.toBe(sent);
    expect(contentHashOf(batch({ claims: [claim] }, "another reason"))).not.toBe(sent);
  });
});

describe("the stamp on a batch's claims", () => {
  const given = { claims: [{ ...claim, recordedAt: "2024-08-01", recordedBy: "seed" }, claim] };

  it("overwrites what was sent, for the API", () => {
    expect(stampedRecords(given, "2025-02-01T10:00:00Z", "ana", "overwrite")).toEqual({
      claims: [
        { ...claim, recordedAt: "2025-02-01T10:00:00Z", recordedBy: "ana" },
        { ...claim, recordedAt: "2025-02-01T10:00:00Z", recordedBy: "ana" },
      ],
    });
  });

  it("fills only what a file leaves out, for an import", () => {
    expect(stampedRecords(given, "2025-02-01T10:00:00Z", "ana", "fill")).toEqual({
      claims: [
        { ...claim, recordedAt: "2024-08-01", recordedBy: "seed" },
        { ...claim, recordedAt: "2025-02-01T10:00:00Z", recordedBy: "ana" },
      ],
    });
  });

  it("leaves content that is not a dataset object as it is, for the loader to refuse", () => {
    expect(stampedRecords([1, 2], "t", "ana", "fill")).toEqual([1, 2]);
    expect(stampedRecords({ claims: "none" }, "t", "ana", "fill")).toEqual({ claims: "none" });
  });
});
