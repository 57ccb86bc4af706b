import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDatasetFiles, seedDir } from "../../seed/loader";
import { lineageOf } from "../../src/domain/claims";
import { type Dataset, parseDataset } from "../../src/domain/dataset";

const REPORTS_DIR = fileURLToPath(new URL("../../seed/reports", import.meta.url));
const README = fileURLToPath(new URL("../../seed/reports/README.md", import.meta.url));
const FACTS_FILE = fileURLToPath(new URL("../../../shared/sources/reports-2023-2025.json", import.meta.url));
const factsFileExists = fs.existsSync(FACTS_FILE);

interface ReportFact {
  readonly id: string;
  readonly sources: readonly { readonly url: string }[];
}

/** The first dataset and the reports together: the reports refer to the first dataset's nodes and edges. */
function loadBoth(): Dataset {
  return parseDataset([...readDatasetFiles(seedDir()), ...readDatasetFiles(REPORTS_DIR)]);
}

describe("reports dataset (seed/reports)", () => {
  const both = loadBoth();
  const seed = parseDataset(readDatasetFiles(seedDir()));
  const reportFiles = readDatasetFiles(REPORTS_DIR);
  const reportIds = (collection: string) =>
    reportFiles.flatMap((f) => ((f.content as Record<string, { id: string }[]>)[collection] ?? []).map((r) => r.id));

  const relationship = (id: string) => {
    const r = both.relationships.find((x) => x.id === id);
    expect(r, `relationship ${id}`).toBeDefined();
    return r!;
  };
  const claimsOf = (id: string) => both.claims.filter((c) => c.relationshipId === id);
  const sources = new Map(both.sources.map((s) => [s.id, s]));
  const lineage = (sourceId: string) => lineageOf(sourceId, (id) => sources.get(id)?.derivedFrom ?? []);

  it("loads together with the first dataset and adds to every collection but people", () => {
    expect(reportFiles.map((f) => f.name)).toEqual([
      "claims.json",
      "companies.json",
      "evidence.json",
      "metrics.json",
      "products.json",
      "relationships.json",
      "sources.json",
    ]);
    expect(both.sources.length - seed.sources.length).toBe(136);
    expect(both.evidence.length - seed.evidence.length).toBe(147);
    expect(both.companies.length - seed.companies.length).toBe(8);
    expect(both.products.length - seed.products.length).toBe(4);
    expect(both.relationships.length - seed.relationships.length).toBe(33);
    expect(both.claims.length - seed.claims.length).toBe(134);
    expect(both.metrics.length - seed.metrics.length).toBe(42);
  });

  it("redeclares no node or relationship of the first dataset", () => {
    const seedNodes = new Set([...seed.companies, ...seed.products, ...seed.people].map((n) => n.id));
    expect([...reportIds("companies"), ...reportIds("products")].filter((id) => seedNodes.has(id))).toEqual([]);
    const seedRelationships = new Set(seed.relationships.map((r) => r.id));
    expect(reportIds("relationships").filter((id) => seedRelationships.has(id))).toEqual([]);
    expect(reportIds("people")).toEqual([]);
  });

  it("records every claim as the import, from page evidence of the claim's own source", () => {
    const evidence = new Map(both.evidence.map((e) => [e.id, e]));
    const imported = both.claims.filter((c) => c.recordedBy === "reports-import");
    expect(imported).toHaveLength(134);
    for (const c of imported) {
      expect(c.recordedAt).toBe("2026-11-29");
      expect(c.supersedes).toBeNull();
      expect(c.retraction).toBeNull();
      for (const id of c.evidenceIds) {
        const e = evidence.get(id)!;
        expect(e.kind).toBe("STATEMENT");
        expect(e.sourceId).toBe(c.sourceId);
        expect(e.locator, `${id} points at its page`).toBe(sources.get(c.sourceId)!.url);
      }
    }
  });

  it.skipIf(!factsFileExists)("has one source per page of the facts file and names every fact in its README", () => {
    const facts = JSON.parse(fs.readFileSync(FACTS_FILE, "utf8")) as ReportFact[];
    const urls = new Set(facts.flatMap((f) => f.sources.map((s) => s.url)));
    expect(urls.size).toBe(95);
    const pages = both.sources.filter((s) => s.url !== null && urls.has(s.url));
    expect(pages).toHaveLength(95);
    expect(new Set(pages.map((s) => s.url)).size).toBe(95);
    expect(pages.every((s) => s.document === null)).toBe(true);

    const readme = fs.readFileSync(README, "utf8");
    const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((m) => m[1]);
    expect(listed).toEqual(facts.map((f) => f.id));
  });

  it("gives TikTok's Azure OpenAI spend many claims but few independent origins", () => {
    const tiktok = relationship("tiktok-buys-azure-openai-from-microsoft");
    // The first dataset's article, The Information's report (every repeating page, the three March 2022
    // rewrites included) and the unreliable EUR page.
    expect(tiktok.agreement).toEqual({ claims: 15, independentOrigins: 3, conflicting: false, gap: 0 });
    expect(tiktok.amount).toMatchObject({
      low: 19_000_000,
      high: 20_000_000,
      estimate: 20_000_000,
      qualifier: "APPROXIMATE",
      period: "MONTH",
      currency: "USD",
    });
    expect(tiktok).toMatchObject({ firstReported: "2024-08-01", lastReported: "2024-11-18", validFrom: null });

    const claims = claimsOf(tiktok.id).filter((c) => c.recordedBy === "reports-import");
    const traced = claims.filter((c) => lineage(c.sourceId).includes("theinformation-tiktok-azure-openai"));
    expect(traced).toHaveLength(13);
    expect(claims.filter((c) => !traced.includes(c)).map((c) => c.sourceId)).toEqual(["inspirega-microsoft-ai"]);
  });

  it("keeps the March 2022 and EUR pages as their own low-confidence claims", () => {
    const claims = claimsOf("tiktok-buys-azure-openai-from-microsoft");
    const dated2022 = claims.filter((c) => c.refersTo.from === "2022-03-01");
    expect(dated2022).toHaveLength(3);
    for (const c of dated2022) {
      expect(c.refersTo.to).toBe("2022-03-31");
      expect(c.confidence).toBeLessThanOrEqual(0.3);
    }
    const eur = claims.filter((c) => c.amount?.currency === "EUR");
    expect(eur).toHaveLength(1);
    expect(eur[0]).toMatchObject({ sourceId: "inspirega-microsoft-ai", confidence: 0.2 });
    // EUR is not compared with USD, and the dates are not amounts: neither makes the claims conflict.
    expect(eur[0]!.amount).toMatchObject({ estimate: 20_000_000, period: "MONTH" });
    const others = claims.filter((c) => !dated2022.includes(c) && c !== eur[0]);
    expect(others.every((c) => c.refersTo.to === "2024-03-31" && c.confidence >= 0.7)).toBe(true);
  });

  it("adds AT&T, Coca-Cola, Fidelity and Volvo as Azure OpenAI customers of Microsoft", () => {
    const customers = both.relationships
      .filter((r) => r.kind === "BUYS_FROM" && r.to === "microsoft" && r.productId === "azure-openai")
      .map((r) => r.from)
      .sort();
    expect(customers).toEqual([
      "att",
      "bytedance",
      "coca-cola",
      "fidelity",
      "g42",
      "intuit",
      "tiktok",
      "volvo",
      "walmart",
    ]);
    // They all come from The Information's customer list, however many pages repeat it.
    for (const id of ["att", "coca-cola", "fidelity", "volvo"]) {
      expect(relationship(`${id}-buys-azure-openai-from-microsoft`).agreement.independentOrigins).toBe(1);
    }
    expect(relationship("coca-cola-buys-azure-from-microsoft").amount).toMatchObject({
      estimate: 1_100_000_000,
      qualifier: "EXACT",
      period: "TOTAL",
    });
  });

  it("adds Zoom, Klarna and Salesforce as direct buyers of OpenAI's models", () => {
    const direct = both.relationships
      .filter((r) => r.kind === "BUYS_FROM" && r.to === "openai" && r.productId === "openai-api")
      .map((r) => r.from)
      .sort();
    expect(direct).toEqual(["klarna", "salesforce", "zoom"]);
    // Klarna's own release is a second origin besides The Information's list.
    expect(relationship("klarna-buys-openai-api-from-openai").agreement.independentOrigins).toBe(2);
  });

  it("has Microsoft's 10-K name OpenAI as a competitor", () => {
    const competes = both.relationships.filter(
      (r) =>
        r.kind === "COMPETES_WITH" &&
        [r.from, r.to].sort().join("|") === "microsoft|openai" &&
        claimsOf(r.id).some((c) => lineage(c.sourceId).some((id) => sources.get(id)?.kind === "FILING")),
    );
    expect(competes.map((r) => r.id)).toEqual(["microsoft-competes-with-openai-in-ai-and-search"]);
    expect(competes[0]!.agreement).toMatchObject({ claims: 4, independentOrigins: 3 });
    expect(sources.get("microsoft-10k-fy2024")).toMatchObject({ kind: "FILING", publishedOn: null });
  });

  it("stores symmetric relationships once", () => {
    const keys = both.relationships
      .filter((r) => r.kind === "COMPETES_WITH" || r.kind === "PARTNERS_WITH")
      .map((r) => [r.kind, [r.from, r.to].sort().join("|"), r.market ?? "", r.productId ?? ""].join("/"));
    expect(new Set(keys).size).toBe(keys.length);
    expect(relationship("microsoft-partners-with-oracle")).toMatchObject({ from: "microsoft", to: "oracle" });
  });

  it("shows the disagreement on Microsoft's total investment in OpenAI as a conflict", () => {
    const invests = relationship("microsoft-invests-in-openai");
    expect(invests.agreement.claims).toBe(7);
    expect(invests.agreement.conflicting).toBe(true);
    // "$13 billion" (12.35B–13.65B) against "$13.75 billion".
    expect(invests.agreement.gap).toBeCloseTo((13.75e9 - 13.65e9) / 13.75e9, 6);
  });

  it("reads investment rounds as lower bounds of the cumulative amount", () => {
    expect(relationship("amazon-invests-in-anthropic").amount).toMatchObject({
      estimate: 8_000_000_000,
      qualifier: "EXACT",
      period: "TOTAL",
    });
    expect(relationship("amazon-invests-in-anthropic").agreement.conflicting).toBe(false);
    expect(relationship("microsoft-invests-in-g42")).toMatchObject({
      validFrom: "2024-04-16",
      amount: { estimate: 1_500_000_000, qualifier: "EXACT" },
    });
  });

  it("keeps the revenue-share percentages that disagree as separate metrics", () => {
    const shares = both.metrics
      .filter((m) => m.kind === "REVENUE_SHARE_RATE" && m.subjectId === "microsoft" && m.counterpartyId === "openai")
      .map((m) => m.quantity?.estimate)
      .sort();
    expect(shares).toEqual([0.2, 0.25]);
  });
});
