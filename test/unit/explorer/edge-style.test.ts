import { describe, expect, it } from "vitest";
import {
  arrowWay,
  edgeClasses,
  edgeFamily,
  edgeLabel,
  edgeSentence,
  type GraphEdge,
} from "../../../src/explorer/edge-style";

const edge = (over: Partial<GraphEdge>): GraphEdge => ({
  id: "e",
  source: "a",
  target: "b",
  kind: "BUYS_FROM",
  label: "",
  amountLabel: null,
  productId: null,
  market: null,
  evidenceCount: 1,
  status: "CURRENT",
  confidence: 1,
  validFrom: null,
  validTo: null,
  ...over,
});

const NAMES: Record<string, string> = { microsoft: "Microsoft", openai: "OpenAI", google: "Google", tiktok: "TikTok" };
const name = (id: string) => NAMES[id] ?? id;

describe("how the explorer draws and says a relationship", () => {
  it("draws every relationship that carries money as money, investments included", () => {
    expect(edgeFamily("BUYS_FROM")).toBe("money");
    expect(edgeFamily("INVESTS_IN")).toBe("money");
    expect(edgeFamily("TAKES_REVENUE_SHARE")).toBe("money");
    expect(edgeFamily("SUBSIDIARY_OF")).toBe("ownership");
    expect(edgeFamily("COMPETES_WITH")).toBe("competition");
    expect(edgeFamily("PARTNERS_WITH")).toBe("partnership");
    expect(edgeFamily("OFFERS")).toBe("other");
  });

  it("points money's arrow from payer to payee, and none for relationships without direction", () => {
    expect(arrowWay("BUYS_FROM")).toBe("forward");
    expect(arrowWay("INVESTS_IN")).toBe("forward");
    // The payer of a revenue share is its `to`: the arrow runs against the recorded direction.
    expect(arrowWay("TAKES_REVENUE_SHARE")).toBe("backward");
    expect(arrowWay("COMPETES_WITH")).toBe("none");
    expect(arrowWay("PARTNERS_WITH")).toBe("none");
    expect(arrowWay("SUBSIDIARY_OF")).toBe("forward");
  });

  it("classes an edge by kind, family, arrow, end and known start", () => {
    expect(edgeClasses(edge({ kind: "TAKES_REVENUE_SHARE", status: "FORMER", validFrom: "2024-01-01" }))).toBe(
      "takes_revenue_share money arrow-backward ended dated",
    );
    expect(edgeClasses(edge({ kind: "COMPETES_WITH" }))).toBe("competes_with competition arrow-none");
    expect(edgeClasses(edge({ kind: "SUBSIDIARY_OF", validTo: "2020-05-01" }))).toBe(
      "subsidiary_of ownership arrow-forward ended",
    );
  });

  it("labels money with its product and amount, other kinds with their market", () => {
    expect(edgeLabel(edge({ productId: "azure-openai", amountLabel: "≈ US$20M/month" }))).toBe(
      "azure-openai: ≈ US$20M/month",
    );
    expect(edgeLabel(edge({}))).toBe("amount unknown");
    expect(edgeLabel(edge({ kind: "COMPETES_WITH", market: "cloud" }))).toBe("competes with (cloud)");
    expect(edgeLabel(edge({ kind: "INVESTS_IN", amountLabel: "≥ US$13B", validFrom: "2019-07-22" }))).toBe(
      "invests in: ≥ US$13B (since 2019-07-22)",
    );
    expect(edgeLabel(edge({ kind: "PARTNERS_WITH", validTo: "2023-01-31" }))).toBe("partners with (ended 2023-01-31)");
  });

  it("says a listed relationship in full: who, what, whom, about what, how much", () => {
    const investment = edge({ kind: "INVESTS_IN", source: "microsoft", target: "openai", amountLabel: "≥ US$0" });
    expect(edgeSentence(investment, name)).toBe("Microsoft invests in OpenAI: ≥ US$0");
    const search = edge({ kind: "COMPETES_WITH", source: "microsoft", target: "google", market: "search advertising" });
    const cloud = edge({ kind: "COMPETES_WITH", source: "microsoft", target: "google", market: "cloud" });
    expect(edgeSentence(search, name)).toBe("Microsoft competes with Google · search advertising");
    expect(edgeSentence(cloud, name)).toBe("Microsoft competes with Google · cloud");
    const bought = edge({
      source: "tiktok",
      target: "microsoft",
      productId: "azure-openai",
      amountLabel: "≈ US$20M/month",
    });
    expect(edgeSentence(bought, name)).toBe("TikTok buys from Microsoft · azure-openai: ≈ US$20M/month");
  });
});
