import { describe, expect, it } from "vitest";
import { axisEnd, largestLine, type LineReport, shareRows, yearlySize } from "../../../src/explorer/line-rows";

const flow = (
  id: string,
  share: { low: number; high: number | null; estimate: number | null; display: string } | null,
) => ({
  counterpartyId: id,
  relationshipIds: [`${id}-buys`],
  counterparty: { id, name: id.toUpperCase() },
  amount: { display: "", low: 0, high: null, estimate: null },
  share,
});

const report = (flows: LineReport["flows"]): LineReport => ({
  notes: [],
  company: { id: "s", name: "S" },
  product: { id: "p", name: "P" },
  total: { display: "" },
  attributed: { display: "" },
  unattributed: null,
  statedTotal: null,
  flows,
});

describe("a revenue line's rows", () => {
  it("draws each known share as a range in percent, an unknown upper end open, churned customers out", () => {
    const rows = shareRows(
      report([
        flow("tiktok", { low: 0.216, high: 0.264, estimate: 0.24, display: "≈ 24%" }),
        flow("g42", { low: 0.011, high: null, estimate: null, display: "≥ 1.1%" }),
        flow("nobody", null),
        flow("walmart", { low: 0.5, high: 0.6, estimate: null, display: "50%–60%" }),
      ]),
      ["walmart"],
    );
    expect(rows).toEqual([
      { id: "tiktok", customer: "TIKTOK", low: 21.6, high: 26.4, estimate: 24, label: "≈ 24%" },
      { id: "g42", customer: "G42", low: 1.1, high: null, estimate: null, label: "≥ 1.1%" },
    ]);
  });

  it("ends the axis past the widest known end, in tens, never past 100%", () => {
    const row = (low: number, high: number | null) => ({
      id: "x",
      customer: "X",
      low,
      high,
      estimate: null,
      label: "",
    });
    expect(axisEnd([row(21.6, 26.4)])).toBe(40); // 26.4 × 1.15 = 30.36 -> 40
    expect(axisEnd([row(1, 2)])).toBe(20); // at least 10 × 1.15 -> 20
    expect(axisEnd([row(84, null)])).toBe(100); // 84 × 1.15 = 96.6 -> 100
    expect(axisEnd([row(10, 95)])).toBe(100);
  });

  it("sizes a line per year: monthly amounts times twelve, quarterly times four", () => {
    const amount = { qualifier: "RANGE" as const, currency: "USD" };
    expect(yearlySize({ ...amount, low: 10, high: 30, estimate: 20, period: "MONTH" })).toBe(240);
    expect(yearlySize({ ...amount, low: 10, high: 30, estimate: null, period: "QUARTER" })).toBe(80);
    expect(yearlySize({ ...amount, low: 7, high: null, estimate: null, period: "YEAR" })).toBe(7);
    expect(yearlySize({ ...amount, low: 5, high: 5, estimate: 5, period: "TOTAL" })).toBe(5);
    expect(yearlySize(null)).toBe(0);
  });

  it("opens on the largest stated line, even beside a larger attributed one; else the largest attributed", () => {
    // Microsoft in the shipped data: Azure's total is only a floor (no source states it), Azure OpenAI's is stated.
    const microsoft = [
      { product: "azure", currency: "USD", stated: null, attributed: 129e6 * 12 },
      { product: "azure-openai", currency: "USD", stated: 83.3e6 * 12, attributed: 83.3e6 * 12 },
      { product: "copilot", currency: "USD", stated: null, attributed: 0 },
    ];
    expect(largestLine(microsoft)).toBe("azure-openai");
    const twoStated = [
      { product: "small", currency: "USD", stated: 10, attributed: 10 },
      { product: "large", currency: "USD", stated: 20, attributed: 5 },
    ];
    expect(largestLine(twoStated)).toBe("large");
    const noneStated = [
      { product: "a", currency: "USD", stated: null, attributed: 3 },
      { product: "b", currency: "USD", stated: null, attributed: 7 },
    ];
    expect(largestLine(noneStated)).toBe("b");
    expect(largestLine([])).toBeNull();
  });

  it("compares lines only within the currency most of them are in: 900 million yen is not larger than 2 million dollars", () => {
    const mixed = [
      { product: "cloud", currency: "USD", stated: 2e6, attributed: 2e6 },
      { product: "tokyo-region", currency: "JPY", stated: 900e6, attributed: 900e6 },
      { product: "ai", currency: "USD", stated: 1e6, attributed: 1e6 },
    ];
    expect(largestLine(mixed)).toBe("cloud");
    // A tie between currencies: the first line's currency.
    const tied = [
      { product: "yen-line", currency: "JPY", stated: null, attributed: 5 },
      { product: "dollar-line", currency: "USD", stated: null, attributed: 9 },
    ];
    expect(largestLine(tied)).toBe("yen-line");
  });
});
