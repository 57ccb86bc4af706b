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
      "derivations.json",
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
    expect(both.claims.length - seed.claims.length).toBe(132);
    expect(both.metrics.length - seed.metrics.length).toBe(43);
    expect(both.derivations.map((d) => [d.sourceId, d.derivedFrom])).toEqual([
      ["tiktok-microsoft-azure-openai-2024-08-01", "theinformation-tiktok-azure-openai"],
    ]);
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
    expect(imported).toHaveLength(132);
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
    // The first dataset's article repeats The Information's report (a derivation recorded with the
    // reports), as does every page: one origin, with no claim of its own, so it speaks through the hull
    // of its copies, "nearly 20M" (18M-20M) to "about 20M" (19M-21M). The EUR page names ByteDance and
    // is on ByteDance's relationship.
    expect(tiktok.agreement).toMatchObject({ claims: 14, independentOrigins: 1, conflicting: false });
    expect(tiktok.amount).toMatchObject({
      low: 18_000_000,
      high: 21_000_000,
      estimate: 20_000_000,
      period: "MONTH",
      currency: "USD",
    });
    // The article (2024-08-01) first; Medium's March 2022 rewrite (2024-08-09) is the latest dated page.
    expect(tiktok).toMatchObject({ firstReported: "2024-08-01", lastReported: "2024-08-09", validFrom: null });

    const claims = claimsOf(tiktok.id).filter((c) => c.recordedBy === "reports-import");
    expect(claims).toHaveLength(13);
    expect(claims.filter((c) => !lineage(c.sourceId).includes("theinformation-tiktok-azure-openai"))).toEqual([]);
  });

  it("reads each page's own word for TikTok's spend", () => {
    // The facts file's note: "almost" (The Verge, Hans India, Abijita), "nearly" (CO/AI, VOI), "about"
    // (iTechMoral), "around" (SDxCentral), a flat "$20 million" (Quartz, MaxMazo, hondurasmicrosoftcenter);
    // the March 2022 rewrites "nearly". Nearly X is 0.9X–X, about X and a flat X are X ± 5%.
    const nearly = [18_000_000, 20_000_000];
    const about = [19_000_000, 21_000_000];
    const expected: Record<string, number[]> = {
      "tiktok-microsoft-azure-openai-2024-08-01": nearly,
      "technewsfeed-tiktok": nearly,
      "hansindia-tiktok": nearly,
      "abijita-tiktok": nearly,
      "coai-tiktok": nearly,
      "voi-tiktok": nearly,
      "itechmoral-tiktok": about,
      "sdxcentral-walmart-azure": about,
      "quartz-tiktok": about,
      "maxmazo-tiktok": about,
      "hondurasmicrosoftcenter-tiktok": about,
      "medium-aitoolsfinder-tiktok": nearly,
      "investorbytes-tiktok": nearly,
      "superintelligencenews-tiktok": nearly,
    };
    const claims = claimsOf("tiktok-buys-azure-openai-from-microsoft");
    expect(Object.fromEntries(claims.map((c) => [c.sourceId, [c.amount!.low, c.amount!.high]]))).toEqual(expected);
  });

  it("keeps the March 2022 pages on TikTok and the EUR page on ByteDance, as low-confidence claims", () => {
    const claims = claimsOf("tiktok-buys-azure-openai-from-microsoft");
    const dated2022 = claims.filter((c) => c.refersTo.from === "2022-03-01");
    expect(dated2022).toHaveLength(3);
    for (const c of dated2022) {
      expect(c.refersTo.to).toBe("2022-03-31");
      expect(c.confidence).toBeLessThanOrEqual(0.3);
    }
    expect(claims.filter((c) => c.amount?.currency !== "USD")).toEqual([]);
    const others = claims.filter((c) => !dated2022.includes(c));
    expect(others.every((c) => c.refersTo.to === "2024-03-31" && c.confidence >= 0.7)).toBe(true);

    const bytedance = claimsOf("bytedance-buys-azure-openai-from-microsoft");
    const eur = bytedance.filter((c) => c.amount !== null);
    expect(eur).toHaveLength(1);
    expect(eur[0]).toMatchObject({ sourceId: "inspirega-microsoft-ai", confidence: 0.2 });
    expect(eur[0]!.amount).toMatchObject({ estimate: 20_000_000, period: "MONTH", currency: "EUR" });
    // The share the page gives stays in the claim's evidence, in the page's words.
    const [evidence] = both.evidence.filter((e) => e.id === eur[0]!.evidenceIds[0]);
    expect(evidence!.quote).toContain("ByteDance spends €20M a month");
    expect(evidence!.quote).toContain("15% of Microsoft's AI revenue");
    expect(bytedance.map((c) => c.sourceId).sort()).toEqual([
      "benzinga-bytedance",
      "inspirega-microsoft-ai",
      "the-decoder-bytedance",
      "theverge-openai-suspends-bytedance",
    ]);
  });

  it("gives each page its own statement, never another page's", () => {
    const pages = both.evidence.filter((e) => e.kind === "STATEMENT");
    expect(pages).toHaveLength(147);
    expect(new Set(pages.map((e) => e.quote)).size).toBe(147);
    // A page speaks of no year after its own.
    const published = (sourceId: string) => sources.get(sourceId)?.publishedOn ?? null;
    const imported = both.claims.filter((c) => c.recordedBy === "reports-import");
    for (const r of [...pages, ...imported]) {
      const on = published(r.sourceId);
      if (on && r.refersTo.to) expect(r.refersTo.to.slice(0, 4) <= on.slice(0, 4), r.id).toBe(true);
    }
  });

  it("keeps figures with the pages that give them", () => {
    const quote = (id: string) => both.evidence.find((e) => e.id === id)!.quote;
    // Only bg3.co gives the May 2024 Doubao price; the December 2023 pages give the launch.
    for (const id of ["ev-doubao-chinamoneynetwork-bytedance", "ev-doubao-benzinga-bytedance"]) {
      expect(quote(id)).not.toMatch(/0\.0008|2024/);
      expect(quote(id)).toContain("August 2023");
    }
    expect(both.metrics.find((m) => m.id === "doubao-pro-32k-price-2024-05-15")!.evidenceIds).toEqual([
      "ev-doubao-bg3-doubao",
    ]);
    // Only capturecascade.org values Project Texas.
    const texas = claimsOf("tiktok-buys-oci-from-oracle").filter((c) => c.amount !== null);
    expect(texas.map((c) => c.sourceId)).toEqual(["capturecascade-project-texas"]);
    for (const id of ["ev-tiktok-oci-theregister-tiktok-oracle", "ev-tiktok-oci-hostadvice-tiktok-oracle"]) {
      expect(quote(id)).not.toContain("$1B");
    }
    // Each total for Microsoft's investment in OpenAI is its page's, as of its page.
    const totals = Object.fromEntries(
      claimsOf("microsoft-invests-in-openai")
        .filter((c) => c.evidenceIds.some((id) => id.startsWith("ev-openai-total-")))
        .map((c) => [c.sourceId, [c.amount!.qualifier, c.amount!.low, c.amount!.high, c.refersTo.to]]),
    );
    expect(totals).toEqual({
      "mint-microsoft-openai-competitor": ["AT_LEAST", 13e9, Number.POSITIVE_INFINITY, null],
      "entrepreneur-microsoft-openai": ["APPROXIMATE", 12.35e9, 13.65e9, "2024-08-01"],
      "indiatoday-microsoft-openai": ["EXACT", 13.75e9, 13.75e9, "2025-05-07"],
    });
    for (const id of [
      "ev-openai-total-mint-microsoft-openai-competitor",
      "ev-openai-total-entrepreneur-microsoft-openai",
    ]) {
      expect(quote(id)).not.toContain("13.75");
    }
    // TweakTown has Microsoft's "billions", not the US$10B a person familiar gave others.
    expect(quote("ev-openai-10b-tweaktown-microsoft-openai")).not.toMatch(/2019|2021|put at \$10B/);
    expect(both.metrics.find((m) => m.id === "microsoft-openai-investment-round-2023-01")!.evidenceIds).not.toContain(
      "ev-openai-10b-tweaktown-microsoft-openai",
    );
    // Amazon's US$1.25B note is its 10-Q, which only News Ghana cites.
    const note = claimsOf("amazon-invests-in-anthropic").filter((c) => c.amount?.low === 1_250_000_000);
    expect(note.map((c) => c.sourceId)).toEqual(["newsghana-anthropic"]);
    // Klarna's usage figures are Klarna's release, not Quartz's list.
    for (const id of ["ev-klarna-quartz-tiktok", "ev-klarna-maxmazo-tiktok"]) expect(quote(id)).not.toContain("2.3M");
    expect(quote("ev-intuit-aws-aws-reinforce-2019-intuit")).not.toContain("engineering blog said");
    expect(quote("ev-coca-cola-azure-longport-microsoft-q3-call")).not.toContain("$1.1B");
  });

  it("records Klarna's direct purchase as reported, and no competition read from sales figures", () => {
    const klarna = claimsOf("klarna-buys-openai-api-from-openai");
    expect(klarna.filter((c) => c.disclosure !== "REPORTED")).toEqual([]);
    expect(claimsOf("klarna-uses-openai-models-for-customer-service").every((c) => c.disclosure === "DISCLOSED")).toBe(
      true,
    );
    expect(claimsOf("microsoft-competes-with-openai-in-model-sales").map((c) => c.sourceId)).toEqual([
      "laitimes-openai-sales",
    ]);
    expect(both.metrics.find((m) => m.id === "openai-direct-sales-above-azure-openai-2024-03")).toMatchObject({
      kind: "EVENT",
      subjectId: "openai",
      productId: "openai-api",
      counterpartyId: "microsoft",
      evidenceIds: [
        "ev-direct-vs-azure-aibase-openai-sales",
        "ev-direct-vs-azure-longport-openai-sales",
        "ev-direct-vs-azure-laitimes-openai-sales",
      ],
    });
  });

  it("lets the article's undated 'previously' on Intuit's Amazon servers outrank no dated report", () => {
    const claims = claimsOf("intuit-bought-aws-from-amazon");
    const article = claims.find((c) => c.recordedBy === "seed")!;
    expect(article).toMatchObject({ status: "FORMER", refersTo: { from: null, to: "2023-12-31" } });
    const reports = claims.filter((c) => c !== article);
    expect(reports.map((c) => c.confidence).sort()).toEqual([0.9, 1]);
    expect(reports.every((c) => c.status === "CURRENT" && c.refersTo.to !== null)).toBe(true);
    expect(reports.every((c) => article.confidence <= c.confidence)).toBe(true);
    expect(relationship("intuit-bought-aws-from-amazon").status).toBe("FORMER");
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

  it("hears the two pages repeating Microsoft's 10-K as one voice on its total investment in OpenAI", () => {
    const invests = relationship("microsoft-invests-in-openai");
    // Mint ("more than $13 billion") and Entrepreneur ("$13 billion", 12.35B-13.65B) both trace to the
    // 10-K: one origin whose voice spans both (from 12.35B up), which holds India Today's $13.75B. The
    // article's "at most 99B" and the 2023 lower bounds hold it too.
    expect(invests.agreement).toMatchObject({ claims: 7, independentOrigins: 6, conflicting: false, dissent: [] });
    expect(invests.amount).toMatchObject({ low: 13.75e9, high: 13.75e9, qualifier: "EXACT", period: "TOTAL" });
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
