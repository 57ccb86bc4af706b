import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claims";
import { formatMoney } from "../../src/domain/format";
import { fuseClaims } from "../../src/domain/fusion";
import { UNBOUNDED } from "../../src/domain/interval";
import { type Money, money } from "../../src/domain/money";
import { aClaim } from "../helpers/claims";

/*
 * Every expected figure below is worked out by hand from the rules in src/domain/fusion.ts.
 */

const monthly = (low: number, high: number, estimate: number | null = null, currency = "USD"): Money =>
  money(low, high, estimate, estimate === null ? "RANGE" : "APPROXIMATE", "MONTH", currency);

let recorded = 0;
function said(sourceId: string, amount: Money | null, confidence = 0.8, id?: string): Claim {
  recorded += 1;
  return aClaim({
    id: id ?? `c-${sourceId}-${recorded}`,
    relationshipId: "r",
    sourceId,
    recordedAt: `2024-01-${String(recorded % 28 || 28).padStart(2, "0")}`,
    amount,
    confidence,
  });
}

// report is an original; wire-1, wire-2 repeat it; blog repeats wire-1; filing and analyst are on their own.
const lineage: Record<string, string[]> = { "wire-1": ["report"], "wire-2": ["report"], blog: ["wire-1"] };
const derivedFrom = (id: string) => lineage[id] ?? [];

describe("one origin, one voice", () => {
  it("lets copies speak as the hull of what they say, never narrowing each other", () => {
    const nearly = said("wire-1", monthly(18e6, 20e6, 20e6));
    const rounded = said("wire-2", monthly(19e6, 21e6, 20e6));
    const again = said("blog", monthly(19e6, 21e6, 20e6));
    const fusion = fuseClaims([nearly, rounded, again], derivedFrom);
    expect(fusion.origins).toHaveLength(1);
    expect(fusion.origins[0]).toMatchObject({ originId: "report", speaksThrough: "COPIES", agrees: true });
    expect(fusion.amount).toMatchObject({ low: 18e6, high: 21e6, estimate: 20e6, qualifier: "APPROXIMATE" });
    expect(fusion.conflicting).toBe(false);
    expect([...fusion.verdicts.values()]).toEqual(["AGREES", "AGREES", "AGREES"]);
  });

  it("lets the root speak when it has a claim, and lists copies it contradicts", () => {
    const root = said("report", monthly(18e6, 20e6, 20e6), 0.8, "root");
    const faithful = said("wire-1", monthly(19e6, 21e6, 20e6), 0.7, "faithful");
    const garbled = said("wire-2", monthly(25e6, 30e6), 0.7, "garbled");
    const fusion = fuseClaims([root, faithful, garbled], derivedFrom);
    expect(fusion.origins[0]).toMatchObject({ speaksThrough: "ROOT", weight: 0.8 });
    expect(fusion.amount).toMatchObject({ low: 18e6, high: 20e6, estimate: 20e6 });
    expect(fusion.conflicting).toBe(false);
    expect(Object.fromEntries(fusion.verdicts)).toEqual({
      root: "AGREES",
      faithful: "AGREES",
      garbled: "COPY_DISAGREES",
    });
  });
});

describe("across origins", () => {
  it("intersects voices that overlap", () => {
    const fusion = fuseClaims(
      [said("report", monthly(18e6, 20e6, 20e6)), said("filing", monthly(15e6, 25e6))],
      derivedFrom,
    );
    expect(fusion).toMatchObject({ conflicting: false, gap: 0 });
    expect(fusion.amount).toMatchObject({ low: 18e6, high: 20e6, estimate: 20e6, qualifier: "APPROXIMATE" });
  });

  it("serves the weightiest voice when voices are disjoint, and marks the other as dissent", () => {
    const old = said("report", monthly(18e6, 20e6, 20e6), 0.8, "old");
    const correction = said("filing", monthly(24e6, 26e6, 25e6), 0.9, "correction");
    const fusion = fuseClaims([old, correction], derivedFrom);
    expect(fusion.conflicting).toBe(true);
    expect(fusion.amount).toMatchObject({ low: 24e6, high: 26e6, estimate: 25e6, currency: "USD" });
    // (24M - 20M) / 24M
    expect(fusion.gap).toBeCloseTo(4 / 24);
    expect(Object.fromEntries(fusion.verdicts)).toEqual({ old: "DISSENTS", correction: "AGREES" });
  });

  it("gives a tie in weight to the amount more origins hold, then to the lower one", () => {
    const a = said("report", monthly(18e6, 20e6), 0.5, "a");
    const b = said("filing", monthly(19e6, 21e6), 0.5, "b");
    const c = said("analyst", monthly(30e6, 40e6), 1, "c");
    const fusion = fuseClaims([a, b, c], derivedFrom);
    // At 19M: a and b, weight 1.0, two origins; at 30M: c, weight 1.0, one origin.
    expect(fusion.amount).toMatchObject({ low: 19e6, high: 20e6 });
    expect(fusion.gap).toBeCloseTo((30 - 20) / 30);
    expect(fusion.verdicts.get("c")).toBe("DISSENTS");

    const lower = fuseClaims(
      [said("report", monthly(1, 2), 0.5, "x"), said("filing", monthly(3, 4), 0.5, "y")],
      derivedFrom,
    );
    expect(lower.amount).toMatchObject({ low: 1, high: 2 });
  });

  it("reads lower bounds and an 'about' against an exact figure just outside it as a conflict with a narrow gap", () => {
    const atMost = said("report", money(0, 99e9, null, "AT_MOST", "TOTAL"), 1, "at-most");
    const atLeast = said("filing", money(9.5e9, UNBOUNDED, null, "AT_LEAST", "TOTAL"), 0.8, "at-least");
    const about = said("analyst", money(12.35e9, 13.65e9, 13e9, "APPROXIMATE", "TOTAL"), 0.8, "about");
    const exact = said("leak", money(13.75e9, 13.75e9, 13.75e9, "EXACT", "TOTAL"), 0.8, "exact");
    const fusion = fuseClaims([atMost, atLeast, about, exact], derivedFrom);
    // At 12.35B: at-most, at-least, about = 2.6; at 13.75B: at-most, at-least, exact = 2.6, three each: the lower wins.
    expect(fusion.amount).toMatchObject({ low: 12.35e9, high: 13.65e9, estimate: 13e9 });
    expect(formatMoney(fusion.amount!)).not.toContain("≥ US$0");
    expect(fusion.gap).toBeCloseTo((13.75 - 13.65) / 13.75);
    expect(Object.fromEntries(fusion.verdicts)).toEqual({
      "at-most": "AGREES",
      "at-least": "AGREES",
      about: "AGREES",
      exact: "DISSENTS",
    });
  });

  it("lets an undisclosed amount agree with everything and narrow nothing", () => {
    const undisclosed = said("report", money(0, UNBOUNDED, null, "UNDISCLOSED", "MONTH"));
    const fusion = fuseClaims([undisclosed, said("filing", monthly(1e6, 5e6))], derivedFrom);
    expect(fusion.conflicting).toBe(false);
    expect(fusion.amount).toMatchObject({ low: 1e6, high: 5e6 });
  });
});

describe("currencies and periods", () => {
  it("takes the currency the weightiest origins speak, whatever the order of the claims", () => {
    const euros = said("analyst", monthly(19e6, 21e6, 20e6, "EUR"), 0.2, "euros");
    const dollars = said("report", monthly(18e6, 20e6, 20e6), 0.8, "dollars");
    const fusion = fuseClaims([euros, dollars], derivedFrom);
    expect(fusion.amount).toMatchObject({ currency: "USD", low: 18e6, high: 20e6 });
    expect(fusion.verdicts.get("euros")).toBe("INCOMPARABLE");
    expect(fusion.conflicting).toBe(false);
    expect(fuseClaims([euros], derivedFrom).amount).toMatchObject({ currency: "EUR", low: 19e6 });
  });

  it("puts rates on the weightiest period and leaves totals out", () => {
    const yearly = said("filing", money(240e6, 240e6, 240e6, "EXACT", "YEAR"), 1, "yearly");
    const perMonth = said("report", monthly(15e6, 25e6), 0.5, "per-month");
    const total = said("analyst", money(1e9, 1e9, 1e9, "EXACT", "TOTAL"), 0.9, "total");
    const fusion = fuseClaims([perMonth, yearly, total], derivedFrom);
    // Rates weigh 1.0 + 0.5 against the total's 0.9; YEAR (1.0) outweighs MONTH (0.5): 15-25M a month is 180-300M a year.
    expect(fusion.amount).toMatchObject({ low: 240e6, high: 240e6, period: "YEAR" });
    expect(fusion.verdicts.get("total")).toBe("INCOMPARABLE");
    expect(fusion.verdicts.get("per-month")).toBe("AGREES");
  });

  it("has no amount when no claim states one", () => {
    const fusion = fuseClaims([said("report", null, 0.8, "none")], derivedFrom);
    expect(fusion.amount).toBeNull();
    expect(fusion.verdicts.get("none")).toBe("NO_AMOUNT");
  });
});

describe("on any amounts from independent origins", () => {
  it("agrees when all overlap; else holders contain the served amount and dissenters are disjoint from it", () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10 }))
      .map(([a, b, w]) => ({ amount: monthly(Math.min(a, b), Math.max(a, b)), confidence: w / 10 }));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 6 }), (stated) => {
        const claims = stated.map((s, i) => said(`origin-${i}`, s.amount, s.confidence, `claim-${i}`));
        const fusion = fuseClaims(claims, () => []);
        const served = fusion.amount!;
        const disjointPair = stated.some((a) => stated.some((b) => a.amount.high < b.amount.low));
        expect(fusion.conflicting).toBe(disjointPair);
        claims.forEach((claim) => {
          const m = claim.amount!;
          if (fusion.verdicts.get(claim.id) === "AGREES")
            expect(m.low <= served.low && served.high <= m.high).toBe(true);
          else expect(m.high < served.low || served.high < m.low).toBe(true);
        });
      }),
      { seed: 20_261_207 },
    );
  });
});
