import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Claim,
  claimsKnownAt,
  combinedConfidence,
  independentOrigins,
  lineageOf,
  reconcileAmounts,
} from "../../src/domain/claims";
import { formatMoney } from "../../src/domain/format";
import { UNBOUNDED } from "../../src/domain/interval";
import { type Money, money } from "../../src/domain/money";
import { aClaim } from "../helpers/claims";

const monthly = (low: number, high: number, estimate: number | null = null): Money =>
  money(low, high, estimate, estimate === null ? "RANGE" : "APPROXIMATE", "MONTH");

describe("reconciling amounts", () => {
  it("agrees on the intersection where the claims overlap", () => {
    const r = reconcileAmounts([monthly(18e6, 20e6, 20e6), monthly(15e6, 25e6)], "MONTH")!;
    expect(r).toMatchObject({ conflicting: false, gap: 0, incomparable: 0 });
    expect(r.amount).toMatchObject({ low: 18e6, high: 20e6, estimate: 20e6, period: "MONTH" });
  });

  it("flags disjoint claims, shows the hull and how far apart they are", () => {
    const r = reconcileAmounts([monthly(18e6, 20e6, 20e6), monthly(30e6, 40e6)], "MONTH")!;
    expect(r.conflicting).toBe(true);
    expect(r.amount).toMatchObject({ low: 18e6, high: 40e6, estimate: null, qualifier: "RANGE" });
    expect(r.gap).toBeCloseTo((30e6 - 20e6) / 30e6);
  });

  it("says 'at least' when the claims disagree and one of them has no upper bound", () => {
    const atMost = money(0, 99e9, null, "AT_MOST", "TOTAL");
    const atLeast = money(9.5e9, UNBOUNDED, null, "AT_LEAST", "TOTAL");
    const about = money(12.35e9, 13.65e9, 13e9, "APPROXIMATE", "TOTAL");
    const r = reconcileAmounts([atMost, atLeast, about, money(100e9, UNBOUNDED, null, "AT_LEAST", "TOTAL")], "TOTAL")!;
    expect(r.conflicting).toBe(true);
    expect(r.amount).toMatchObject({ low: 0, high: UNBOUNDED, qualifier: "AT_LEAST" });
    expect(formatMoney(r.amount)).toBe("≥ US$0");
    // A range whose top is open never prints a missing number.
    expect(formatMoney(money(1e9, UNBOUNDED, 2e9, "APPROXIMATE", "TOTAL"))).toBe("≈ US$2B (≥ 1B)");
  });

  it("puts amounts per the asked period, and leaves out what cannot be compared", () => {
    const yearly = money(240e6, 240e6, 240e6, "EXACT", "YEAR");
    const euros = money(1, 2, null, "RANGE", "MONTH", "EUR");
    const total = money(1e9, 1e9, 1e9, "EXACT", "TOTAL");
    const r = reconcileAmounts([yearly, monthly(15e6, 25e6), euros, total], "MONTH")!;
    expect(r.amount).toMatchObject({ low: 20e6, high: 20e6, estimate: 20e6 });
    expect(r.incomparable).toBe(2);
    expect(reconcileAmounts([euros], "MONTH")).toBeNull();
  });

  it("lets an undisclosed amount agree with everything and narrow nothing", () => {
    const undisclosed = money(0, UNBOUNDED, null, "UNDISCLOSED", "MONTH");
    const r = reconcileAmounts([undisclosed, monthly(1e6, 5e6)], "MONTH")!;
    expect(r.conflicting).toBe(false);
    expect(r.amount).toMatchObject({ low: 1e6, high: 5e6 });
  });

  it("holds on any amounts: inside every claim when they agree, a conflict exactly when two are disjoint", () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
      .map(([a, b]) => monthly(Math.min(a, b), Math.max(a, b)));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 6 }), (amounts) => {
        const r = reconcileAmounts(amounts, "MONTH")!;
        const disjointPair = amounts.some((a) => amounts.some((b) => a.high < b.low));
        expect(r.conflicting).toBe(disjointPair);
        for (const m of amounts) {
          if (r.conflicting) expect(r.amount.low <= m.low && m.high <= r.amount.high).toBe(true);
          else expect(m.low <= r.amount.low && r.amount.high <= m.high).toBe(true);
        }
      }),
      { seed: 20_241_128 },
    );
  });
});

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
