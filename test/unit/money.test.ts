import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadInputError } from "../../src/domain/errors";
import {
  capHigh,
  exact,
  herfindahl,
  herfindahlWithRemainder,
  interval,
  type Interval,
  minInterval,
  shareOf,
  shareOfSum,
  subtractIntervals,
  UNBOUNDED,
} from "../../src/domain/interval";
import {
  boundedSumMoney,
  capMoney,
  convertPeriod,
  minMoney,
  money,
  moneyShare,
  MoneySum,
  remainderMoney,
  sumMoney,
  undisclosedMoney,
} from "../../src/domain/money";

const M = 1_000_000;
const nearly20M = money(18 * M, 20 * M, 20 * M, "APPROXIMATE", "MONTH");
const millions = money(M, UNBOUNDED, null, "AT_LEAST", "MONTH");
const about1BYear = money(950 * M, 1050 * M, 1000 * M, "APPROXIMATE", "YEAR");

describe("sums of amounts", () => {
  it("keeps a sum with an AT_LEAST part unbounded, with no estimate", () => {
    const s = sumMoney([nearly20M, millions, millions], "MONTH");
    expect(s.low).toBe(20 * M);
    expect(s.high).toBe(UNBOUNDED);
    expect(s.estimate).toBeNull();
    expect(s.qualifier).toBe("AT_LEAST");
  });

  it("treats UNDISCLOSED as [0, unbounded): alone it stays undisclosed, added to a figure it is an AT_LEAST", () => {
    const u = undisclosedMoney("MONTH");
    expect(sumMoney([u, u], "MONTH").qualifier).toBe("UNDISCLOSED");
    const s = sumMoney([u, nearly20M], "MONTH");
    expect([s.low, s.high, s.estimate, s.qualifier]).toEqual([18 * M, UNBOUNDED, null, "AT_LEAST"]);
  });

  it("puts YEAR and MONTH amounts on one period before adding", () => {
    const s = sumMoney([about1BYear, nearly20M], "MONTH");
    expect(s.low).toBeCloseTo((950 * M) / 12 + 18 * M);
    expect(s.high).toBeCloseTo((1050 * M) / 12 + 20 * M);
    expect(s.estimate).toBeCloseTo((1000 * M) / 12 + 20 * M);
    expect(s.period).toBe("MONTH");
    const y = sumMoney([about1BYear, nearly20M], "YEAR");
    expect(y.estimate).toBeCloseTo(1000 * M + 240 * M);
  });

  it("refuses to turn a one-off (TOTAL) amount into a rate", () => {
    expect(() => convertPeriod(money(10, 10, 10, "EXACT", "TOTAL"), "MONTH")).toThrow(BadInputError);
    expect(() => sumMoney([money(10, 10, 10, "EXACT", "TOTAL"), nearly20M], "MONTH")).toThrow(BadInputError);
  });

  it("refuses to add different currencies", () => {
    expect(() => sumMoney([nearly20M, { ...nearly20M, currency: "EUR" }], "MONTH")).toThrow(/currencies/);
  });

  it("folds amounts one at a time into the figures a sum of the list gives, refusals included", () => {
    const sum = new MoneySum("MONTH", "EUR");
    expect(sum.isEmpty).toBe(true);
    // An empty sum is exactly zero, in the currency it was asked for.
    expect(sum.total()).toEqual(money(0, 0, 0, "EXACT", "MONTH", "EUR"));
    const inEuros = money(120, 240, 180, "APPROXIMATE", "YEAR", "EUR");
    sum.add(inEuros);
    sum.add(money(5, 5, 5, "EXACT", "MONTH", "EUR"));
    // 120/12 + 5, 240/12 + 5, 180/12 + 5.
    expect(sum.total()).toEqual(money(15, 25, 20, "APPROXIMATE", "MONTH", "EUR"));
    expect(sum.isEmpty).toBe(false);
    expect(() => sum.add(nearly20M)).toThrow(/different currencies: EUR, USD/);
    expect(() => sum.add(money(10, 10, 10, "EXACT", "TOTAL", "EUR"))).toThrow(BadInputError);
    // A refused amount leaves the sum as it was.
    expect(sum.total()).toEqual(money(15, 25, 20, "APPROXIMATE", "MONTH", "EUR"));
  });

  it("keeps a folded sum unbounded, with no estimate, once an open amount comes in", () => {
    const sum = new MoneySum("QUARTER");
    sum.add(nearly20M);
    sum.add(millions);
    // 18M x 3 + 1M x 3; no upper bound and no estimate from the AT_LEAST part.
    expect(sum.total()).toEqual(money(57 * M, UNBOUNDED, null, "AT_LEAST", "QUARTER"));
  });

  it("caps a sum of parts at the whole's upper bound, never below the sum's own low", () => {
    const s = boundedSumMoney([nearly20M, millions, millions, millions], "MONTH", 87.5 * M);
    expect([s.low, s.high, s.estimate, s.qualifier]).toEqual([21 * M, 87.5 * M, null, "RANGE"]);
    const inconsistent = boundedSumMoney([nearly20M, millions], "MONTH", 5 * M);
    expect(inconsistent.high).toBe(inconsistent.low);
    expect(boundedSumMoney([millions], "MONTH").high).toBe(UNBOUNDED);
  });

  it("caps an open-ended amount and says RANGE; a bounded amount below the cap is unchanged", () => {
    const c = capMoney(millions, 67.5 * M);
    expect([c.low, c.high, c.qualifier]).toEqual([M, 67.5 * M, "RANGE"]);
    expect(capMoney(nearly20M, 100 * M)).toBe(nearly20M);
    expect(capHigh(interval(5, 10, 9), 7)).toEqual({ low: 5, high: 7, estimate: 7 });
  });
});

describe("shares", () => {
  it("divides intervals by the widest honest bounds (numerator and denominator both uncertain)", () => {
    const total = convertPeriod(about1BYear, "MONTH");
    const s = moneyShare(nearly20M, total)!;
    expect(s.low).toBeCloseTo(18 / 87.5);
    expect(s.high).toBeCloseTo(20 / (950 / 12));
    expect(s.estimate).toBeCloseTo(0.24);
    // Converting the part first gives the same share.
    expect(moneyShare(convertPeriod(nearly20M, "YEAR"), about1BYear)!.low).toBeCloseTo(s.low);
  });

  it("says nothing useful, but nothing false, about a share of an unbounded or zero whole", () => {
    expect(shareOf(exact(5), interval(10, UNBOUNDED))).toEqual({ low: 0, high: 0.5, estimate: null });
    expect(shareOf(exact(5), exact(0))).toBeNull();
    expect(shareOf(interval(1, UNBOUNDED), interval(10, 20))!.high).toBe(1);
  });

  it("bounds a part's share of a sum it belongs to more tightly than part / sum", () => {
    const part = interval(10, 20, 15);
    const rest = interval(5, 10, 5);
    const tight = shareOfSum(part, rest)!;
    expect(tight.low).toBeCloseTo(10 / 20);
    expect(tight.high).toBeCloseTo(20 / 25);
    expect(tight.estimate).toBeCloseTo(0.75);
    const loose = shareOf(part, { low: 15, high: 30, estimate: 20 })!;
    expect(tight.low).toBeGreaterThanOrEqual(loose.low);
    expect(tight.high).toBeLessThanOrEqual(loose.high);
    expect(shareOfSum(interval(1, UNBOUNDED), interval(0, UNBOUNDED))).toEqual({ low: 0, high: 1, estimate: null });
    expect(shareOfSum(exact(0), exact(0))).toBeNull();
  });

  it("holds the true share of a sum for any values inside the intervals", () => {
    fc.assert(
      fc.property(
        fc.float({ min: 0, max: 100, noNaN: true }),
        fc.float({ min: 0, max: 100, noNaN: true }),
        fc.float({ min: 0, max: 1, noNaN: true }),
        fc.float({ min: 0, max: 1, noNaN: true }),
        (pl, rl, pt, rt) => {
          const part = interval(pl, pl * 2 + 1);
          const rest = interval(rl, rl * 3 + 1);
          const p = part.low + pt * (part.high - part.low);
          const r = rest.low + rt * (rest.high - rest.low);
          const s = shareOfSum(part, rest)!;
          const truth = p / (p + r);
          return truth >= s.low - 1e-9 && truth <= s.high + 1e-9;
        },
      ),
    );
  });
});

describe("remainders", () => {
  it("never goes below zero", () => {
    const r = remainderMoney(money(10, 10, 10, "EXACT", "MONTH"), money(5, 20, 12, "APPROXIMATE", "MONTH"));
    expect([r.low, r.high]).toEqual([0, 5]);
    expect(r.estimate).toBe(0);
    const none = subtractIntervals(exact(10), exact(30));
    expect(none).toEqual({ low: 0, high: 0, estimate: 0 });
  });

  it("is stated total minus attributed sum, with periods reconciled", () => {
    const stated = convertPeriod(about1BYear, "MONTH");
    const attributed = boundedSumMoney([nearly20M, millions, millions, millions], "MONTH", stated.high);
    const r = remainderMoney(stated, attributed);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(87.5 * M - 21 * M);
    expect(r.estimate).toBeNull();
    const fromYear = remainderMoney(about1BYear, nearly20M);
    expect(fromYear.period).toBe("YEAR");
    expect(fromYear.low).toBeCloseTo(950 * M - 240 * M);
  });
});

describe("bottlenecks and HHI", () => {
  it("takes the smallest of several amounts as [min low, min high]", () => {
    const m = minMoney([nearly20M, about1BYear, millions], "MONTH")!;
    expect([m.low, m.high, m.estimate]).toEqual([M, 20 * M, null]);
    expect(minInterval([interval(1, 5, 3), interval(2, 4, 4)])).toEqual({ low: 1, high: 4, estimate: 3 });
    expect(minMoney([], "MONTH")).toBeNull();
  });

  it("bounds the HHI with the named shares and a remainder that may be one customer", () => {
    const shares = [interval(0.2, 0.25, 0.24), interval(0.01, 0.85), interval(0.01, 0.85)];
    const plain = herfindahl(shares);
    expect(plain.high).toBe(1);
    const h = herfindahlWithRemainder(shares, interval(0, 0.8));
    expect(h.low).toBeCloseTo(0.04 + 0.0001 + 0.0001);
    expect(h.high).toBeCloseTo(0.85);
    expect(h.estimate).toBeNull();
    const known = herfindahlWithRemainder([exact(0.5), exact(0.5)], null);
    expect(known).toEqual({ low: 0.5, high: 0.5, estimate: 0.5 });
  });

  it("contains the HHI of every split consistent with the intervals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.float({ min: 0, max: 1, noNaN: true }), fc.float({ min: 0, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 6,
        }),
        (raw) => {
          // Points that sum to at most 1, with intervals around them.
          const points = raw.map(([p]) => p);
          const sum = points.reduce((a, b) => a + b, 0);
          const scaled = points.map((p) => (sum > 1 ? p / sum : p));
          const remainder = 1 - scaled.reduce((a, b) => a + b, 0);
          const shares: Interval[] = scaled.map((p, i) =>
            interval(p * raw[i]![1], Math.min(1, p + (1 - p) * raw[i]![1])),
          );
          const h = herfindahlWithRemainder(shares, interval(0, Math.max(0, remainder)));
          const truth = scaled.reduce((a, p) => a + p * p, 0);
          return (
            truth >= h.low - 1e-9 && truth + remainder * remainder <= h.high + 1e-9 && h.low <= h.high && h.high <= 1
          );
        },
      ),
    );
  });
});
