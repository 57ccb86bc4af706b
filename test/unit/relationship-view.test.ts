import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/domain/claims";
import { money } from "../../src/domain/money";
import {
  periodsSpokenOf,
  type RelationshipIdentity,
  relationshipFromClaims,
  type SourceFacts,
} from "../../src/domain/relationship-view";
import { aClaim } from "../helpers/claims";

const identity: RelationshipIdentity = {
  id: "t-buys",
  kind: "BUYS_FROM",
  from: "t",
  to: "m",
  productId: "p",
  market: null,
  role: null,
  purpose: null,
  note: "kept as is",
};

const sources = new Map<string, SourceFacts>([
  ["report", { id: "report", publishedOn: "2024-04-01", derivedFrom: [], derivations: [] }],
  ["wire", { id: "wire", publishedOn: "2024-04-03", derivedFrom: ["report"], derivations: [] }],
  ["filing", { id: "filing", publishedOn: "2025-02-01", derivedFrom: [], derivations: [] }],
]);

function claim(id: string, sourceId: string, recordedAt: string, extra: Partial<Claim> = {}): Claim {
  return aClaim({ id, relationshipId: "t-buys", sourceId, recordedAt, evidenceIds: [`ev-${id}`], ...extra });
}

const march = { from: "2024-03-01", to: "2024-03-31", label: "March 2024" };
const year2023 = { from: "2023-01-01", to: "2023-12-31", label: "2023" };

describe("a relationship made from its claims", () => {
  it("is nothing before its first claim is recorded, and keeps its identity after", () => {
    const claims = [claim("a", "report", "2024-04-01")];
    expect(relationshipFromClaims(identity, claims, sources, "2024-03-31")).toBeNull();
    expect(relationshipFromClaims(identity, [], sources, null)).toBeNull();
    expect(relationshipFromClaims(identity, claims, sources, "2024-04-01")).toMatchObject({
      ...identity,
      knownAt: "2024-04-01",
      evidenceIds: ["ev-a"],
    });
  });

  it("takes the status of the claim that speaks of the latest time, whatever the record order", () => {
    const ended = claim("late", "filing", "2024-05-01", { status: "FORMER", refersTo: year2023, ended: "2023-12-31" });
    const current = claim("early", "report", "2024-06-01", { status: "CURRENT", refersTo: march });
    const r = relationshipFromClaims(identity, [ended, current], sources, null)!;
    expect(r.status).toBe("CURRENT");
    // An end some source states stays stated; a start nobody gives stays null.
    expect(r).toMatchObject({ validFrom: null, validTo: "2023-12-31" });
  });

  it("starts at the earliest start a source gives and ends at the latest end", () => {
    const claims = [
      claim("a", "report", "2024-04-01", { began: "2022-05-01" }),
      claim("b", "filing", "2025-02-01", { began: "2021-01-01", ended: "2024-06-30" }),
    ];
    expect(relationshipFromClaims(identity, claims, sources, null)).toMatchObject({
      validFrom: "2021-01-01",
      validTo: "2024-06-30",
    });
  });

  it("fuses amounts per the weightiest period, counts origins and combines confidence", () => {
    const claims = [
      claim("a", "report", "2024-04-01", { amount: money(18e6, 20e6, 20e6, "APPROXIMATE", "MONTH"), confidence: 0.8 }),
      claim("b", "wire", "2024-04-03", { amount: money(216e6, 240e6, 240e6, "APPROXIMATE", "YEAR"), confidence: 0.9 }),
      claim("c", "filing", "2025-02-01", { amount: money(19e6, 25e6, null, "RANGE", "MONTH"), confidence: 0.5 }),
    ];
    const r = relationshipFromClaims(identity, claims, sources, null)!;
    expect(r.amount).toMatchObject({ low: 19e6, high: 20e6, estimate: 20e6, period: "MONTH" });
    // MONTH is said with weight 0.8 + 0.5, YEAR with 0.9: the wire's 216M-240M a year is 18M-20M a month.
    expect(r.agreement).toEqual({
      claims: 3,
      independentOrigins: 2,
      conflicting: false,
      gap: 0,
      dissent: [],
      incomparable: [],
    });
    // The wire repeats the report: that origin counts at 0.9; the filing adds its own 0.5.
    expect(r.confidence).toBeCloseTo(1 - 0.1 * 0.5);
    expect(r).toMatchObject({ firstReported: "2024-04-01", lastReported: "2025-02-01" });
    expect(r.evidenceIds).toEqual(["ev-a", "ev-b", "ev-c"]);
  });

  it("keeps one source's confidence as given", () => {
    const r = relationshipFromClaims(
      identity,
      [claim("a", "report", "2024-04-01", { confidence: 0.3 })],
      sources,
      null,
    );
    expect(r!.confidence).toBe(0.3);
  });

  it("drops superseded and retracted claims from the day the correction or retraction is recorded", () => {
    const first = claim("a", "report", "2024-04-01", { amount: money(10, 10, 10, "EXACT", "MONTH") });
    const fix = claim("b", "report", "2024-05-01", { amount: money(12, 12, 12, "EXACT", "MONTH"), supersedes: "a" });
    const wrong = claim("c", "filing", "2025-02-01", {
      amount: money(50, 50, 50, "EXACT", "MONTH"),
      retraction: { at: "2025-03-01", by: "editor", reason: "misread" },
    });
    const at = (knownAt: string | null) => relationshipFromClaims(identity, [first, fix, wrong], sources, knownAt)!;
    expect(at("2024-04-30").amount).toMatchObject({ low: 10, high: 10 });
    expect(at("2024-05-01").amount).toMatchObject({ low: 12, high: 12 });
    expect(at("2025-02-15").agreement).toMatchObject({ claims: 2, conflicting: true });
    expect(at(null).agreement).toMatchObject({ claims: 1, conflicting: false });
  });
});

describe("the periods claims speak of", () => {
  it("lists each once, dated ones by start, undated last", () => {
    const undated = { from: null, to: null, label: "undated" };
    const claims = [{ refersTo: march }, { refersTo: undated }, { refersTo: year2023 }, { refersTo: march }];
    expect(periodsSpokenOf(claims)).toEqual([year2023, march, undated]);
  });
});
