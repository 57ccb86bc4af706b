import { describe, expect, it } from "vitest";
import { type Claim, claimsKnownAt, combinedConfidence, independentOrigins, lineageOf } from "../../src/domain/claims";
import { aClaim } from "../helpers/claims";

describe("independent origins", () => {
  // wire-story is repeated by two outlets; blog cites one of them; filing is on its own.
  const cites: Record<string, string[]> = {
    "outlet-a": ["wire-story"],
    "outlet-b": ["wire-story"],
    blog: ["outlet-a"],
    "loop-1": ["loop-2"],
    "loop-2": ["loop-1"],
  };
  const derivedFrom = (id: string) => cites[id] ?? [];

  it("counts sources that trace back to one origin once", () => {
    expect(lineageOf("blog", derivedFrom)).toEqual(["blog", "outlet-a", "wire-story"]);
    expect(independentOrigins(["outlet-a", "outlet-b", "blog"], derivedFrom)).toBe(1);
    expect(independentOrigins(["outlet-a", "filing"], derivedFrom)).toBe(2);
    expect(independentOrigins(["filing", "filing"], derivedFrom)).toBe(1);
  });

  it("treats sources citing each other in a loop as one origin, and a source citing two originals as joining them", () => {
    expect(independentOrigins(["loop-1", "loop-2"], derivedFrom)).toBe(1);
    const withDigest = (id: string) => (id === "digest" ? ["wire-story", "filing"] : derivedFrom(id));
    expect(independentOrigins(["outlet-a", "filing"], withDigest)).toBe(2);
    expect(independentOrigins(["outlet-a", "filing", "digest"], withDigest)).toBe(1);
  });

  it("combines confidence across origins, not across repeats", () => {
    const repeats = [
      { sourceId: "outlet-a", confidence: 0.6 },
      { sourceId: "outlet-b", confidence: 0.6 },
    ];
    expect(combinedConfidence(repeats, derivedFrom)).toBeCloseTo(0.6);
    const independent = [...repeats, { sourceId: "filing", confidence: 0.5 }];
    expect(combinedConfidence(independent, derivedFrom)).toBeCloseTo(1 - 0.4 * 0.5);
    expect(combinedConfidence([], derivedFrom)).toBeNull();
  });
});

describe("what the graph knew", () => {
  const claim = (id: string, recordedAt: string, extra: Partial<Claim> = {}): Claim =>
    aClaim({
      id,
      relationshipId: "tiktok-buys-azure-openai-from-microsoft",
      sourceId: "s",
      recordedAt,
      confidence: 0.8,
      ...extra,
    });
  const first = claim("c1", "2024-08-01");
  const correction = claim("c2", "2024-09-01", { supersedes: "c1" });
  const retracted = claim("c3", "2024-08-15", { retraction: { at: "2024-10-01", by: "editor", reason: "wrong" } });
  const ids = (claims: readonly Claim[]) => claims.map((c) => c.id);

  it("holds the claims recorded by then, not superseded or retracted by then", () => {
    const all = [first, correction, retracted];
    expect(ids(claimsKnownAt(all, "2024-07-31"))).toEqual([]);
    expect(ids(claimsKnownAt(all, "2024-08-20"))).toEqual(["c1", "c3"]);
    expect(ids(claimsKnownAt(all, "2024-09-15"))).toEqual(["c2", "c3"]);
    expect(ids(claimsKnownAt(all, "2024-10-01"))).toEqual(["c2"]);
    expect(ids(claimsKnownAt(all, null))).toEqual(["c2"]);
  });
});
