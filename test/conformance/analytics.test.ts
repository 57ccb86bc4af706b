import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import {
  competitiveRiskPaths,
  customerConcentration,
  FANOUT_CAP,
  flowPaths,
  type RiskPath,
  revenueFlows,
  simulateChurn,
} from "../../src/analytics";
import type { Dataset } from "../../src/domain/dataset";
import { exact, UNBOUNDED } from "../../src/domain/interval";
import type { GraphStore } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { countingStore } from "../helpers/counting-store";
import { buildDataset, monthly, type RelationshipInput } from "../helpers/datasets";
import { refusalOf } from "../helpers/refusals";
import { loadedStoreFactories } from "../helpers/stores";

const M = 1_000_000;
const LINE_LOW = (950 * M) / 12;
const LINE_HIGH = (1050 * M) / 12;

/** The memory store holding `d`, for tests about the analytics rather than the store. */
async function storeWith(d: Dataset): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.load(d);
  return store;
}

// The expected answers hold on every store: each describe below runs once per store.
const STORES = loadedStoreFactories();

async function expectBadInput(p: Promise<unknown>, message?: RegExp): Promise<void> {
  const error = await refusalOf(p);
  if (message) expect(error.message).toMatch(message);
}

/**
 * Supplier "nimbus" sells "nimbus-ml", built (through "nimbus-runtime") on "core-x" by "atlas".
 * Customers: "fizz" (whose grandparent "fizz-global" competes with atlas and uses atlas's
 * "atlas-chat"), "quill" (formerly bought from "stratus", a nimbus competitor), "vela" (partners with
 * atlas), "orbit" (pays a one-off amount only). "atlas" also competes with nimbus.
 */
function handBuilt(): Dataset {
  return buildDataset({
    companies: ["nimbus", "atlas", "fizz", "fizz-holdings", "fizz-global", "quill", "stratus", "vela", "orbit"],
    products: [
      { id: "nimbus-ml", category: "ml-service" },
      { id: "nimbus-runtime", category: "runtime" },
      { id: "core-x", category: "model" },
      { id: "atlas-chat", category: "chatbot" },
      { id: "stratus-vm", category: "vm" },
    ],
    relationships: [
      { id: "r01", kind: "OFFERS", from: "nimbus", to: "nimbus-ml" },
      { id: "r02", kind: "BUILT_ON", from: "nimbus-ml", to: "nimbus-runtime" },
      { id: "r03", kind: "BUILT_ON", from: "nimbus-runtime", to: "core-x" },
      { id: "r04", kind: "OFFERS", from: "atlas", to: "core-x" },
      { id: "r05", kind: "OFFERS", from: "atlas", to: "atlas-chat" },
      {
        id: "r10",
        kind: "BUYS_FROM",
        from: "fizz",
        to: "nimbus",
        product: "nimbus-ml",
        amount: monthly(6 * M, 5 * M, 6 * M),
        confidence: 0.9,
      },
      {
        id: "r11",
        kind: "BUYS_FROM",
        from: "quill",
        to: "nimbus",
        product: "nimbus-ml",
        amount: monthly(null, 2 * M, null, "AT_LEAST"),
      },
      { id: "r12", kind: "BUYS_FROM", from: "vela", to: "nimbus", product: "nimbus-ml" },
      {
        id: "r13",
        kind: "BUYS_FROM",
        from: "orbit",
        to: "nimbus",
        product: "nimbus-ml",
        amount: { estimate: 9 * M, low: 9 * M, high: 9 * M, qualifier: "EXACT", period: "TOTAL" },
      },
      { id: "r20", kind: "SUBSIDIARY_OF", from: "fizz", to: "fizz-holdings" },
      { id: "r21", kind: "SUBSIDIARY_OF", from: "fizz-holdings", to: "fizz-global" },
      {
        id: "r22",
        kind: "COMPETES_WITH",
        from: "atlas",
        to: "fizz-global",
        status: "PLANNED",
        confidence: 0.5,
        market: "chat assistants",
      },
      {
        id: "r23",
        kind: "USES_MODEL",
        from: "fizz-global",
        to: "atlas-chat",
        purpose: "distilling its own model",
        confidence: 0.6,
      },
      {
        id: "r30",
        kind: "BUYS_FROM",
        from: "quill",
        to: "stratus",
        product: "stratus-vm",
        status: "FORMER",
        validTo: "2024-12-31",
      },
      { id: "r31", kind: "COMPETES_WITH", from: "stratus", to: "nimbus" },
      { id: "r40", kind: "PARTNERS_WITH", from: "vela", to: "atlas" },
      { id: "r50", kind: "COMPETES_WITH", from: "nimbus", to: "atlas", product: "nimbus-ml" },
    ],
    metrics: [
      {
        id: "m-nimbus-ml-revenue",
        kind: "REVENUE",
        subject: "nimbus",
        product: "nimbus-ml",
        description: "nimbus-ml revenue",
        money: { estimate: 120 * M, low: 108 * M, high: 132 * M, qualifier: "APPROXIMATE", period: "YEAR" },
        refersTo: { label: "2025" },
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------

describe.each(STORES)("analytics on the seed (%s store)", (_name, make) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await make(loadSeed());
  });
  afterAll(() => store?.close());

  describe("revenue flows", () => {
    it("states the Azure OpenAI line at about US$83.3M a month, with its evidence", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai" });
      expect(r.statedTotal).not.toBeNull();
      expect(r.statedTotal!.amount.estimate).toBeCloseTo(83.333 * M, -4);
      expect(r.statedTotal!.amount.low).toBeCloseTo(LINE_LOW);
      expect(r.statedTotal!.amount.high).toBeCloseTo(LINE_HIGH);
      expect(r.statedTotal!.original.period).toBe("YEAR");
      expect(r.statedTotal!.evidenceIds.length).toBeGreaterThan(0);
      expect(r.totalSource).toBe("STATED");
      expect(r.flows.map((f) => f.counterpartyId).sort()).toEqual(["g42", "intuit", "tiktok", "walmart"]);
    });

    it("shows TikTok's ~US$20M with the stated ~25% next to the computed ~24%, agreeing", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai" });
      const tiktok = r.flows.find((f) => f.counterpartyId === "tiktok")!;
      expect(r.flows[0]).toBe(tiktok);
      expect(tiktok.amount).toMatchObject({
        estimate: 20 * M,
        low: 18 * M,
        high: 20 * M,
        qualifier: "APPROXIMATE",
        period: "MONTH",
      });
      expect(tiktok.statedShare!.share).toEqual({ low: 0.225, high: 0.25, estimate: 0.25 });
      expect(tiktok.statedShare!.evidenceIds).toContain("ev-tiktok-25pct-share");
      expect(tiktok.computedShare!.estimate).toBeCloseTo(0.24);
      expect(tiktok.computedShare!.low).toBeCloseTo(18 / 87.5);
      expect(tiktok.computedShare!.high).toBeCloseTo(20 / (LINE_LOW / M));
      expect(tiktok.share).toEqual(tiktok.computedShare);
      expect(tiktok.sharesAgree).toBe(true);
      expect(tiktok.relationshipIds).toEqual(["tiktok-buys-azure-openai-from-microsoft"]);
      expect(tiktok.evidenceIds).toContain("ev-tiktok-20m-month");
    });

    it("keeps Walmart, Intuit and G42 as AT_LEAST US$1M, capped by the stated total and said so", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai" });
      for (const id of ["walmart", "intuit", "g42"]) {
        const f = r.flows.find((x) => x.counterpartyId === id)!;
        expect(f.statedAmount).toMatchObject({ low: M, high: UNBOUNDED, estimate: null, qualifier: "AT_LEAST" });
        // 87.5M (stated high) less the others' minimum: 18M + 1M + 1M.
        expect(f.capped).toBe(true);
        expect(f.amount.low).toBe(M);
        expect(f.amount.high).toBeCloseTo(67.5 * M);
        expect(f.amount.estimate).toBeNull();
        expect(
          r.notes.some(
            (n) =>
              n.startsWith(`${id === "g42" ? "G42" : id[0]!.toUpperCase() + id.slice(1)}:`) && n.includes("capped"),
          ),
        ).toBe(true);
      }
    });

    it("reports the attributed sum and the unattributed remainder as intervals", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai" });
      expect(r.attributed.low).toBe(21 * M);
      expect(r.attributed.high).toBeCloseTo(LINE_HIGH);
      expect(r.attributed.estimate).toBeNull();
      expect(r.unattributed!.low).toBe(0);
      expect(r.unattributed!.high).toBeCloseTo(LINE_HIGH - 21 * M);
      expect(r.unattributed!.low).toBeGreaterThanOrEqual(0);
    });

    it("rolls TikTok up into the ByteDance group, listing its members and keeping the stated share", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai", rollUpGroups: true });
      const group = r.flows.find((f) => f.counterpartyId === "bytedance")!;
      expect(group.memberIds).toEqual(["bytedance", "tiktok"]);
      expect(group.counterpartIds).toEqual(["tiktok"]);
      expect(group.amount.estimate).toBe(20 * M);
      expect(group.statedShare!.share.estimate).toBe(0.25);
      expect(r.flows.some((f) => f.counterpartyId === "tiktok")).toBe(false);
    });

    it("re-expresses amounts per the asked period", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai", period: "YEAR" });
      expect(r.total.estimate).toBeCloseTo(1000 * M);
      expect(r.flows[0]!.amount.estimate).toBe(240 * M);
    });

    it("without a product and stated total, the total is the attributed sum (and unbounded here)", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft" });
      expect(r.statedTotal).toBeNull();
      expect(r.unattributed).toBeNull();
      expect(r.totalSource).toBe("ATTRIBUTED");
      expect(r.total.high).toBe(UNBOUNDED);
      // OpenAI rents Azure for at least US$1B a year.
      expect(r.flows[0]!.counterpartyId).toBe("openai");
      expect(r.flows[0]!.amount.low).toBeCloseTo((1000 * M) / 12);
    });

    it("follows asOf: a spend whose start no source gives counts on an earlier day, and says so", async () => {
      const r = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai", asOf: "2024-02-01" });
      expect(r.flows.map((f) => f.counterpartyId)).toContain("tiktok");
      expect(r.notes).toContain(
        "TikTok: tiktok-buys-azure-openai-from-microsoft is counted as in force on 2024-02-01, start unknown: no source says when it began (first reported 2024-08-01).",
      );
      const now = await revenueFlows(store, { companyId: "microsoft", productId: "azure-openai" });
      expect(now.notes.join(" ")).not.toContain("start unknown");
      // Intuit's former Amazon spend has no known end, so no day is known to be in force; its Azure
      // OpenAI spend has no known start, so it counts.
      const out = await revenueFlows(store, { companyId: "intuit", direction: "OUT", asOf: "2023-06-01" });
      expect(out.flows.map((f) => f.counterpartyId)).toEqual(["microsoft"]);
    });
  });

  describe("concentration", () => {
    it("flags TikTok above 10 %, the others only possibly, with HHI bounds", async () => {
      const c = await customerConcentration(store, { companyId: "microsoft", productId: "azure-openai" });
      expect(c.topCustomerId).toBe("tiktok");
      expect(c.topShare!.estimate).toBeCloseTo(0.24);
      expect(c.customers.find((x) => x.customerId === "tiktok")!.exceedsThreshold).toBe("YES");
      for (const id of ["walmart", "intuit", "g42"])
        expect(c.customers.find((x) => x.customerId === id)!.exceedsThreshold).toBe("POSSIBLY");
      expect(c.customerCount).toBe(4);
      expect(c.knownAmountCount).toBe(4);
      expect(c.hhi.low).toBeCloseTo((18 / 87.5) ** 2 + 3 * (1 / 87.5) ** 2);
      expect(c.hhi.high).toBeLessThanOrEqual(1);
      expect(c.hhi.low).toBeLessThan(c.hhi.high);
      expect(c.hhiPoints.low).toBeCloseTo(c.hhi.low * 10_000);
      expect(c.coveredShare!.low).toBeCloseTo(21 / 87.5);
      expect(c.coveredShare!.high).toBe(1);
      expect(c.largestShare!.high).toBeGreaterThanOrEqual(c.topShare!.high);
    });

    it("uses the threshold: at 30 % TikTok is no longer a YES", async () => {
      const c = await customerConcentration(store, {
        companyId: "microsoft",
        productId: "azure-openai",
        threshold: 0.3,
      });
      expect(c.customers.find((x) => x.customerId === "tiktok")!.exceedsThreshold).toBe("NO");
    });
  });

  describe("competitive risk paths", () => {
    it("ranks first Microsoft <- TikTok -> ByteDance <-> OpenAI with about US$20M a month at risk", async () => {
      const r = await competitiveRiskPaths(store, { companyId: "microsoft" });
      const top = r.paths[0]!;
      expect(top.kind).toBe("CUSTOMER_BUILDS_COMPETING");
      expect(top.nodeIds).toEqual(["microsoft", "tiktok", "bytedance", "openai"]);
      expect(top.productId).toBe("azure-openai");
      expect(top.customerId).toBe("tiktok");
      expect(top.revenueAtRisk).toMatchObject({ estimate: 20 * M, low: 18 * M, high: 20 * M, period: "MONTH" });
      expect(top.shareOfLine!.estimate).toBeCloseTo(0.24);
      expect(top.hops.map((h) => [h.kind, h.traversal])).toEqual([
        ["BUYS_FROM", "BACKWARD"],
        ["SUBSIDIARY_OF", "FORWARD"],
        ["COMPETES_WITH", "FORWARD"],
      ]);
      expect(top.context.map((h) => h.kind).sort()).toEqual(["BUILT_ON", "OFFERS"]);
      for (const h of [...top.hops, ...top.context]) expect(h.evidenceIds.length).toBeGreaterThan(0);
      expect(top.confidence).toBeCloseTo(0.8 * 1 * 0.7);
      expect(top.explanation).toContain("TikTok pays Microsoft ≈ US$20M/month (18M–20M) for Azure OpenAI.");
      expect(top.explanation).toContain("TikTok is a subsidiary of ByteDance, which plans to compete with OpenAI");
      expect(top.explanation).toContain("Azure OpenAI is built on OpenAI's AI models");
      expect(r.truncated).toBe(false);
    });

    it("finds Intuit's path through Amazon and G42's through its OpenAI partnership", async () => {
      const r = await competitiveRiskPaths(store, { companyId: "microsoft", first: 50 });
      const intuit = r.paths.find((p) => p.customerId === "intuit" && p.kind === "CUSTOMER_FROM_COMPETITOR")!;
      expect(intuit.nodeIds).toEqual(["microsoft", "intuit", "amazon"]);
      expect(intuit.hops.map((h) => h.relationshipId)).toEqual([
        "intuit-buys-azure-openai-from-microsoft",
        "intuit-bought-aws-from-amazon",
        "microsoft-competes-with-amazon-in-cloud",
      ]);
      expect(intuit.revenueAtRisk.low).toBe(M);
      const g42 = r.paths.find((p) => p.customerId === "g42" && p.kind === "CUSTOMER_PARTNERS_UPSTREAM")!;
      expect(g42.nodeIds).toEqual(["microsoft", "g42", "openai"]);
      expect(g42.explanation).toContain("G42 partners with OpenAI");
    });

    it("finds the terms conflict (ByteDance used GPT-4 while planning to compete with OpenAI) and OpenAI selling direct", async () => {
      const r = await competitiveRiskPaths(store, { companyId: "microsoft", first: 50 });
      const terms = r.paths.filter((p) => p.kind === "TERMS_CONFLICT");
      expect(terms.some((p) => p.hops.some((h) => h.relationshipId === "bytedance-used-gpt-4-for-own-models"))).toBe(
        true,
      );
      const direct = r.paths.find((p) => p.kind === "UPSTREAM_SELLS_DIRECT")!;
      // OpenAI offers its models directly (openai-api, in Azure OpenAI's category).
      expect(direct.nodeIds).toEqual(["microsoft", "openai", "openai-api"]);
      expect(direct.revenueAtRisk.low).toBe(0);
      expect(direct.revenueAtRisk.estimate).toBeNull();
      expect(direct.revenueAtRisk.high).toBeCloseTo(LINE_HIGH);
      expect(direct.customerId).toBeNull();
    });

    it("ranks by revenue at risk, then kind priority, then confidence, and keeps ids stable", async () => {
      const a = await competitiveRiskPaths(store, { companyId: "microsoft", first: 50 });
      const b = await competitiveRiskPaths(store, { companyId: "microsoft", first: 50 });
      expect(a.paths.map((p) => p.id)).toEqual(b.paths.map((p) => p.id));
      expect(new Set(a.paths.map((p) => p.id)).size).toBe(a.paths.length);
      const rank = (p: RiskPath) => p.revenueAtRisk.estimate ?? p.revenueAtRisk.low;
      for (let i = 1; i < a.paths.length; i++) expect(rank(a.paths[i - 1]!)).toBeGreaterThanOrEqual(rank(a.paths[i]!));
      expect(a.paths.at(-1)!.kind).toBe("UPSTREAM_SELLS_DIRECT");
      const only = await competitiveRiskPaths(store, { companyId: "microsoft", kinds: ["CONCENTRATION"], first: 2 });
      expect(only.paths.map((p) => p.kind)).toEqual(["CONCENTRATION", "CONCENTRATION"]);
      expect(only.totalCount).toBeGreaterThan(2);
    });
  });

  describe("churn", () => {
    it("losing TikTok cuts the Azure OpenAI line by about 24 %", async () => {
      const c = await simulateChurn(store, {
        companyId: "microsoft",
        productId: "azure-openai",
        lostCustomerIds: ["tiktok"],
      });
      expect(c.lost).toMatchObject({ estimate: 20 * M, low: 18 * M, high: 20 * M });
      expect(c.relativeLoss!.estimate).toBeCloseTo(0.24);
      expect(c.relativeLoss!.low).toBeCloseTo(18 / 87.5);
      expect(c.relativeLoss!.high).toBeCloseTo(20 / (LINE_LOW / M));
      expect(c.remaining.low).toBeCloseTo(LINE_LOW - 20 * M);
      expect(c.remaining.high).toBeCloseTo(LINE_HIGH - 18 * M);
      expect(c.concentrationBefore.topCustomerId).toBe("tiktok");
      expect(c.concentrationAfter.customers.map((x) => x.customerId)).not.toContain("tiktok");
    });

    it("with roll-up, losing the ByteDance group loses TikTok", async () => {
      const c = await simulateChurn(store, {
        companyId: "microsoft",
        productId: "azure-openai",
        lostCustomerIds: ["bytedance"],
        rollUpGroups: true,
      });
      expect(c.lost.estimate).toBe(20 * M);
    });
  });

  describe("flow paths", () => {
    it("follows money from OpenAI to Microsoft: Azure rent and the revenue share", async () => {
      const r = await flowPaths(store, { fromId: "openai", toId: "microsoft" });
      expect(r.paths.map((p) => p.hops.map((h) => h.relationshipId))).toEqual([
        ["openai-buys-azure-from-microsoft"],
        ["microsoft-takes-share-of-openai-direct-sales"],
      ]);
      expect(r.paths[0]!.bottleneck!.low).toBeCloseTo((1000 * M) / 12);
      expect(r.paths[1]!.hops[0]!.traversal).toBe("BACKWARD");
    });

    it("gives no bottleneck when a one-off amount meets a monthly one", async () => {
      const r = await flowPaths(store, { fromId: "tiktok", toId: "openai" });
      expect(r.paths.length).toBe(2);
      for (const p of r.paths) {
        expect(p.nodeIds).toEqual(["tiktok", "microsoft", "openai"]);
        expect(p.bottleneck).toBeNull();
        expect(p.bottleneckNote).toMatch(/one-off/);
      }
    });
  });

  describe("bad arguments", () => {
    it("refuses unknown companies, out-of-range depth, first and threshold, and non-customers", async () => {
      await expectBadInput(revenueFlows(store, { companyId: "no-such-company" }), /unknown company/);
      await expectBadInput(revenueFlows(store, { companyId: "azure-openai" }), /unknown company/);
      await expectBadInput(revenueFlows(store, { companyId: "microsoft", productId: "nope" }), /unknown product/);
      await expectBadInput(revenueFlows(store, { companyId: "microsoft", period: "TOTAL" }));
      await expectBadInput(
        competitiveRiskPaths(store, { companyId: "microsoft", maxDepth: 50 }),
        /maxDepth must be an integer between 1 and 6/,
      );
      await expectBadInput(competitiveRiskPaths(store, { companyId: "microsoft", first: 0 }));
      await expectBadInput(competitiveRiskPaths(store, { companyId: "nobody" }));
      await expectBadInput(
        customerConcentration(store, { companyId: "microsoft", threshold: -0.1 }),
        /threshold must be between 0 and 1/,
      );
      await expectBadInput(customerConcentration(store, { companyId: "microsoft", threshold: 1.5 }));
      await expectBadInput(
        simulateChurn(store, {
          companyId: "microsoft",
          productId: "azure-openai",
          lostCustomerIds: ["amazon", "ghost"],
        }),
        /amazon, ghost/,
      );
      await expectBadInput(simulateChurn(store, { companyId: "microsoft", lostCustomerIds: [] }));
      await expectBadInput(flowPaths(store, { fromId: "tiktok", toId: "tiktok" }));
      await expectBadInput(flowPaths(store, { fromId: "tiktok", toId: "openai", maxDepth: 0 }));
    });
  });
});

describe.each(STORES)("analytics on a hand-built graph, patterns by shape not by id (%s store)", (_name, make) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await make(handBuilt());
  });
  afterAll(() => store?.close());

  it("finds every pattern kind through other companies and a two-step BUILT_ON chain", async () => {
    // The terms conflict walks BUYS_FROM, two SUBSIDIARY_OF, USES_MODEL and COMPETES_WITH: five hops.
    const r = await competitiveRiskPaths(store, { companyId: "nimbus", first: 50, maxDepth: 5 });
    const byKind = (k: string) => r.paths.filter((p) => p.kind === k);

    const competing = byKind("CUSTOMER_BUILDS_COMPETING");
    expect(competing.map((p) => p.nodeIds)).toEqual([["nimbus", "fizz", "fizz-holdings", "fizz-global", "atlas"]]);
    expect(competing[0]!.context.map((h) => h.relationshipId)).toEqual(["r02", "r03", "r04"]);
    expect(competing[0]!.explanation).toContain(
      "FIZZ is a subsidiary of FIZZ-HOLDINGS, itself a subsidiary of FIZZ-GLOBAL, which plans to compete with ATLAS",
    );
    expect(competing[0]!.explanation).toContain(
      "NIMBUS-ML is built on NIMBUS-RUNTIME, which is built on ATLAS's CORE-X",
    );

    const terms = byKind("TERMS_CONFLICT");
    expect(terms).toHaveLength(1);
    expect(terms[0]!.hops.map((h) => h.relationshipId)).toEqual(["r10", "r20", "r21", "r23", "r22"]);
    expect(terms[0]!.context.map((h) => h.relationshipId)).toContain("r05");

    expect(byKind("CUSTOMER_FROM_COMPETITOR").map((p) => p.nodeIds)).toEqual([["nimbus", "quill", "stratus"]]);
    expect(byKind("CUSTOMER_PARTNERS_UPSTREAM").map((p) => p.nodeIds)).toEqual([["nimbus", "vela", "atlas"]]);
    expect(byKind("UPSTREAM_SELLS_DIRECT").map((p) => p.nodeIds)).toEqual([["nimbus", "atlas"]]);
    expect(
      byKind("CONCENTRATION")
        .map((p) => p.customerId)
        .sort(),
    ).toEqual(["fizz", "quill", "vela"]);

    // Fizz pays 6M of a 9M-11M line: the largest certain amount ranks first.
    expect(r.paths[0]!.customerId).toBe("fizz");
    expect(r.paths[0]!.kind).toBe("CUSTOMER_BUILDS_COMPETING");
  });

  it("respects maxDepth: the group path needs four hops, the terms conflict five", async () => {
    const four = await competitiveRiskPaths(store, { companyId: "nimbus", maxDepth: 4, first: 50 });
    expect(four.paths.some((p) => p.kind === "CUSTOMER_BUILDS_COMPETING")).toBe(true);
    expect(four.paths.some((p) => p.kind === "TERMS_CONFLICT")).toBe(false);
    const shallow = await competitiveRiskPaths(store, { companyId: "nimbus", maxDepth: 3, first: 50 });
    expect(shallow.paths.some((p) => p.kind === "CUSTOMER_BUILDS_COMPETING")).toBe(false);
    expect(shallow.paths.some((p) => p.kind === "CUSTOMER_FROM_COMPETITOR")).toBe(true);
    const one = await competitiveRiskPaths(store, { companyId: "nimbus", maxDepth: 1, first: 50 });
    expect(new Set(one.paths.map((p) => p.kind))).toEqual(new Set(["CONCENTRATION"]));
  });

  it("keeps one-off amounts out of the monthly sums and says so; caps open amounts by the stated total", async () => {
    const r = await revenueFlows(store, { companyId: "nimbus", productId: "nimbus-ml" });
    const orbit = r.flows.find((f) => f.counterpartyId === "orbit")!;
    expect(orbit.inTotals).toBe(false);
    expect(orbit.share).toBeNull();
    expect(orbit.amount.period).toBe("TOTAL");
    expect(r.notes.some((n) => n.startsWith("ORBIT:") && n.includes("left out of the sums"))).toBe(true);
    // Stated 9M-11M a month; fizz takes at least 5M, quill at least 2M, vela (no amount) at least 0.
    const quill = r.flows.find((f) => f.counterpartyId === "quill")!;
    expect(quill.amount.high).toBeCloseTo(11 * M - 5 * M);
    const vela = r.flows.find((f) => f.counterpartyId === "vela")!;
    expect(vela.statedAmount.qualifier).toBe("UNDISCLOSED");
    expect(vela.amount.high).toBeCloseTo(11 * M - 7 * M);
    expect(vela.amountKnown).toBe(false);
    expect(r.attributed.low).toBe(7 * M);
    expect(r.unattributed!.high).toBeCloseTo(11 * M - 7 * M);
  });

  it("finds money paths in order, with the smallest hop as the bottleneck", async () => {
    const d = buildDataset({
      companies: ["a", "b", "c", "d"],
      products: [{ id: "p" }],
      relationships: [
        { id: "ab", kind: "BUYS_FROM", from: "a", to: "b", product: "p", amount: monthly(10, 8, 12) },
        { id: "bd", kind: "BUYS_FROM", from: "b", to: "d", product: "p", amount: monthly(5, 4, 6) },
        {
          id: "ac",
          kind: "INVESTS_IN",
          from: "a",
          to: "c",
          amount: { estimate: 90, low: 90, high: 90, qualifier: "EXACT", period: "QUARTER" },
        },
        { id: "dc", kind: "TAKES_REVENUE_SHARE", from: "d", to: "c", amount: monthly(2, 1, 3) },
        { id: "ad", kind: "BUYS_FROM", from: "a", to: "d", product: "p" },
      ],
    });
    const s = await storeWith(d);
    const r = await flowPaths(s, { fromId: "a", toId: "d" });
    expect(r.paths.map((p) => p.nodeIds.join(">"))).toEqual(["a>d", "a>b>d", "a>c>d"]);
    expect(r.paths[0]!.bottleneck).toBeNull();
    expect(r.paths[1]!.bottleneck).toMatchObject({ low: 4, high: 6, estimate: 5 });
    expect(r.paths[2]!.bottleneck).toMatchObject({ low: 1, high: 3, estimate: 2 });
    expect(r.paths[2]!.hops.map((h) => h.traversal)).toEqual(["FORWARD", "BACKWARD"]);
    const short = await flowPaths(s, { fromId: "a", toId: "d", maxDepth: 1 });
    expect(short.paths).toHaveLength(1);
  });
});

/**
 * Supplier "hub" sells "hub-line" (built on "base", offered by "up") to FANOUT_CAP + 100 customers
 * paying from 1,000 to 600,000 a month, stated in every way the sources state amounts; a tenth state
 * none. Five customers partner with "up": three of the biggest, and two that carry little or nothing.
 */
function hubGraph(): Dataset {
  const customers = FANOUT_CAP + 100;
  const pad = (i: number) => String(i).padStart(3, "0");
  const relationships: RelationshipInput[] = [
    { id: "hub-offers", kind: "OFFERS", from: "hub", to: "hub-line" },
    { id: "hub-line-on-base", kind: "BUILT_ON", from: "hub-line", to: "base" },
    { id: "up-offers", kind: "OFFERS", from: "up", to: "base" },
  ];
  const amountOf = (i: number) => {
    const paid = (i + 1) * 1000;
    if (i % 10 === 0) return undefined;
    if (i % 10 === 1) return monthly(null, paid, null, "AT_LEAST");
    return monthly(paid, paid * 0.9, paid);
  };
  const companies = ["hub", "up"];
  for (let i = 0; i < customers; i++) {
    companies.push(`c-${pad(i)}`);
    relationships.push({
      id: `c-${pad(i)}-buys`,
      kind: "BUYS_FROM",
      from: `c-${pad(i)}`,
      to: "hub",
      product: "hub-line",
      amount: amountOf(i),
    });
  }
  for (const i of [599, 598, 553, 120, 5]) {
    relationships.push({ id: `c-${pad(i)}-partners`, kind: "PARTNERS_WITH", from: `c-${pad(i)}`, to: "up" });
  }
  return buildDataset({
    companies,
    products: [{ id: "hub-line" }, { id: "base" }],
    relationships,
    metrics: [
      {
        id: "m-hub-line-revenue",
        kind: "REVENUE",
        subject: "hub",
        product: "hub-line",
        description: "hub-line revenue",
        money: { estimate: 2_000 * M, low: 1_950 * M, high: 2_050 * M, qualifier: "APPROXIMATE", period: "YEAR" },
        refersTo: { label: "2025" },
      },
    ],
  });
}

describe.each(STORES)("analytics at a supplier with more customers than the fan-out cap (%s store)", (_name, make) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await make(hubGraph());
  });
  afterAll(() => store?.close());

  it("searches the customers that carry the most revenue and says what was left out", async () => {
    const r = await competitiveRiskPaths(store, { companyId: "hub", first: 50 });
    const partners = r.paths.filter((p) => p.kind === "CUSTOMER_PARTNERS_UPSTREAM");
    // The biggest customers' paths, biggest first; the small and silent partners were not searched.
    expect(partners.map((p) => p.customerId)).toEqual(["c-599", "c-598", "c-553"]);
    expect(partners[0]!.nodeIds).toEqual(["hub", "c-599", "up"]);
    expect(partners[0]!.revenueAtRisk).toMatchObject({ estimate: 600_000, low: 540_000, high: 600_000 });
    expect(r.truncated).toBe(true);
    expect(r.coverage).toMatchObject({ customersExplored: FANOUT_CAP, customersTotal: FANOUT_CAP + 100 });
    // The silent customers left out may hold whatever the stated total leaves: the share is wide but bounded.
    const explored = r.coverage.revenueExplored!;
    expect(explored.low).toBeGreaterThan(0);
    expect(explored.high).toBeGreaterThan(0.99);
    expect(explored.high).toBeLessThanOrEqual(1);
    expect(r.coverage.reason).toContain(`Explored the ${FANOUT_CAP} customers that carry the most revenue: 9`);
    expect(r.coverage.reason).toContain("% of the attributed revenue within the amounts' bounds");
    expect(r.coverage.reason).toContain("The other 100 were assessed for concentration only");
  });

  it("still measures the line over every customer", async () => {
    const r = await competitiveRiskPaths(store, { companyId: "hub", kinds: ["CUSTOMER_PARTNERS_UPSTREAM"] });
    const line = await revenueFlows(store, { companyId: "hub", productId: "hub-line" });
    expect(line.flows).toHaveLength(FANOUT_CAP + 100);
    // The share at risk is of the whole line, not of the part searched.
    const top = r.paths[0]!;
    expect(top.lineTotal).toMatchObject({ low: line.total.low, high: line.total.high });
    expect(top.shareOfLine).toEqual(line.flows.find((f) => f.counterpartyId === "c-599")!.share);
  });

  it("explores every customer when the kinds asked for need only the purchases", async () => {
    const r = await competitiveRiskPaths(store, { companyId: "hub", kinds: ["CONCENTRATION"] });
    expect(r.coverage).toMatchObject({ customersExplored: FANOUT_CAP + 100, customersTotal: FANOUT_CAP + 100 });
    expect(r.coverage.reason).toBeNull();
    expect(r.truncated).toBe(false);
  });
});

describe("store calls grow with depth, not with the number of customers", () => {
  /** A supplier with `n` customers, each in a group `levels` deep whose top competes with the upstream supplier. */
  function fanOut(n: number, levels: number): Dataset {
    const companies = ["sup", "up"];
    const relationships: RelationshipInput[] = [
      { id: "sup-offers", kind: "OFFERS", from: "sup", to: "line" },
      { id: "line-on-base", kind: "BUILT_ON", from: "line", to: "base" },
      { id: "up-offers", kind: "OFFERS", from: "up", to: "base" },
    ];
    for (let i = 0; i < n; i++) {
      const c = `cust-${i}`;
      companies.push(c);
      relationships.push({
        id: `${c}-buys`,
        kind: "BUYS_FROM",
        from: c,
        to: "sup",
        product: "line",
        amount: monthly(null, 1000, null, "AT_LEAST"),
      });
      relationships.push({ id: `${c}-partners`, kind: "PARTNERS_WITH", from: c, to: "up" });
      let child = c;
      for (let l = 1; l <= levels; l++) {
        const parent = `${c}-p${l}`;
        companies.push(parent);
        relationships.push({ id: `${child}-sub`, kind: "SUBSIDIARY_OF", from: child, to: parent });
        child = parent;
      }
      relationships.push({ id: `${child}-competes`, kind: "COMPETES_WITH", from: child, to: "up", status: "PLANNED" });
    }
    return buildDataset({ companies, products: [{ id: "line" }, { id: "base" }], relationships });
  }

  async function callsFor(n: number, levels: number, maxDepth: number): Promise<{ calls: number; paths: number }> {
    const { store, total } = countingStore(await storeWith(fanOut(n, levels)));
    const r = await competitiveRiskPaths(store, { companyId: "sup", maxDepth, first: 50 });
    return { calls: total(), paths: r.totalCount };
  }

  it("makes the same number of calls for 3 and 60 customers", async () => {
    const few = await callsFor(3, 4, 6);
    const many = await callsFor(60, 4, 6);
    expect(many.paths).toBeGreaterThan(few.paths);
    expect(many.calls).toBe(few.calls);
  });

  it("finds paths past the fan-out cap, through the customers it explores, and says what was left out", async () => {
    const small = await competitiveRiskPaths(await storeWith(fanOut(10, 0)), { companyId: "sup", maxDepth: 2 });
    expect(small.truncated).toBe(false);
    expect(small.coverage).toEqual({
      customersExplored: 10,
      customersTotal: 10,
      revenueExplored: exact(1),
      reason: null,
    });
    const hub = await competitiveRiskPaths(await storeWith(fanOut(FANOUT_CAP + 1, 0)), {
      companyId: "sup",
      maxDepth: 2,
      first: 50,
    });
    expect(hub.paths).toHaveLength(50);
    // Each explored customer partners with the upstream supplier and competes with it: two paths.
    expect(hub.totalCount).toBe(2 * FANOUT_CAP);
    expect(hub.truncated).toBe(true);
    expect(hub.coverage).toMatchObject({ customersExplored: FANOUT_CAP, customersTotal: FANOUT_CAP + 1 });
    expect(hub.coverage.reason).toMatch(/The other 1 was assessed for concentration only/);
  });

  it("names the nodes whose relationships were read only up to the cap", async () => {
    const rivals = Array.from({ length: FANOUT_CAP + 1 }, (_, i) => `rival-${i}`);
    const d = buildDataset({
      companies: ["sup", "big", ...rivals],
      products: [{ id: "line" }],
      relationships: [
        { id: "big-buys", kind: "BUYS_FROM", from: "big", to: "sup", product: "line", amount: monthly(10, 9, 10) },
        ...rivals.map((id) => ({ id: `big-competes-with-${id}`, kind: "COMPETES_WITH", from: "big", to: id })),
      ],
    });
    const r = await competitiveRiskPaths(await storeWith(d), { companyId: "sup" });
    expect(r.truncated).toBe(true);
    expect(r.coverage).toMatchObject({ customersExplored: 1, customersTotal: 1 });
    expect(r.coverage.reason).toBe(
      `Only the first relationships by id were followed where a node has more than the cap: BIG (${FANOUT_CAP} of ${FANOUT_CAP + 2} outgoing).`,
    );
  });

  it("makes as many calls at a hub as with a few customers", async () => {
    const few = await callsFor(3, 4, 6);
    const hub = await callsFor(FANOUT_CAP + 50, 4, 6);
    expect(hub.paths).toBeGreaterThan(few.paths);
    expect(hub.calls).toBe(few.calls);
  });

  it("makes more calls when the search goes deeper, and stays within a bound per level", async () => {
    const depths = [2, 3, 4, 5, 6];
    const calls: number[] = [];
    for (const d of depths) calls.push((await callsFor(20, 4, d)).calls);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!).toBeGreaterThanOrEqual(calls[i - 1]!);
    expect(calls.at(-1)!).toBeGreaterThan(calls[0]!);
    // Two reads per level at most, plus the supplier, its metrics and the names.
    depths.forEach((d, i) => expect(calls[i]!).toBeLessThanOrEqual(2 * (d + 2) + 4));
  });
});
