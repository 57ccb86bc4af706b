import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadSeed, readDatasetFiles, seedDir } from "../../seed/loader";
import type { Dataset } from "../../src/domain/dataset";
import { SeedInvalidError } from "../../src/domain/errors";

const ARTICLE_DIR = fileURLToPath(new URL("../../../shared/seed/", import.meta.url));
const articleDirExists = fs.existsSync(ARTICLE_DIR);
if (!articleDirExists) {
  console.warn(
    `\n!!! SKIPPING the verbatim-quote check of the seed: the source article folder ${ARTICLE_DIR} does not exist.\n` +
      "!!! Evidence quotes are NOT being checked against the article in this run.\n",
  );
}

const README = fileURLToPath(new URL("../../seed/README.md", import.meta.url));
const FACTS = Array.from({ length: 27 }, (_, i) => `F${i + 1}`);

describe("seed dataset", () => {
  const seed: Dataset = loadSeed();

  it("parses with no problems", () => {
    expect(seed.sources.length).toBe(1);
    for (const key of ["evidence", "companies", "products", "people", "relationships", "metrics"] as const) {
      expect(seed[key].length, key).toBeGreaterThan(0);
    }
  });

  it("reads every JSON file of the folder, sorted by name", () => {
    const names = readDatasetFiles(seedDir()).map((f) => f.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining([
        "companies.json",
        "evidence.json",
        "metrics.json",
        "people.json",
        "products.json",
        "relationships.json",
        "sources.json",
      ]),
    );
  });

  it("keeps each quote to one sentence or less", () => {
    for (const e of seed.evidence) {
      expect(/[.!?]\s+\S/.test(e.quote), `${e.id} spans more than one sentence: ${e.quote}`).toBe(false);
    }
  });

  it.skipIf(!articleDirExists)("has every evidence quote verbatim in the source article", () => {
    for (const source of seed.sources) {
      expect(source.document, `source ${source.id} names no document`).not.toBeNull();
      const article = fs.readFileSync(path.join(ARTICLE_DIR, source.document as string), "utf8");
      expect(article.includes(source.title), `title of ${source.id} is not verbatim in the article`).toBe(true);
      const quotes = seed.evidence.filter((e) => e.sourceId === source.id);
      expect(quotes.length).toBeGreaterThan(0);
      const missing = quotes.filter((e) => !article.includes(e.quote)).map((e) => `${e.id}: ${e.quote}`);
      expect(missing, "quotes not found verbatim in the article").toEqual([]);
    }
  });

  it("holds every fact F1..F27, or says in seed/README.md why it is left out", () => {
    const rows = readFactTable();
    expect(rows.map((r) => r.fact)).toEqual(FACTS);

    const supported = new Set(seed.evidence.flatMap((e) => e.facts));
    const leftOut = new Set(rows.filter((r) => r.status === "left out").map((r) => r.fact));
    const unaccounted = FACTS.filter((f) => !supported.has(f) && !leftOut.has(f));
    expect(unaccounted, "facts neither supported by evidence nor listed as left out").toEqual([]);

    for (const r of rows) {
      expect(["modelled", "partial", "left out"], `${r.fact} status`).toContain(r.status);
      if (r.status !== "modelled")
        expect(r.reason.length, `${r.fact} is ${r.status} without a reason`).toBeGreaterThan(0);
    }

    // The ids the table names exist, and each evidence it names supports that fact.
    const evidence = new Map(seed.evidence.map((e) => [e.id, e]));
    const ids = new Set<string>([
      ...evidence.keys(),
      ...seed.relationships.map((r) => r.id),
      ...seed.metrics.map((m) => m.id),
    ]);
    for (const r of rows) {
      for (const id of r.records) {
        expect(ids.has(id), `${r.fact}: unknown record '${id}' in seed/README.md`).toBe(true);
        const e = evidence.get(id);
        if (e) expect(e.facts, `${r.fact}: evidence '${id}' does not list it`).toContain(r.fact);
      }
      if (r.status !== "left out") expect(r.records.length, `${r.fact} names no record`).toBeGreaterThan(0);
    }
  });

  it("models the expected shapes", () => {
    const rel = (kind: string, from: string, to: string) =>
      seed.relationships.filter((r) => r.kind === kind && r.from === from && r.to === to);

    expect(rel("SUBSIDIARY_OF", "tiktok", "bytedance")).toHaveLength(1);

    const azureOpenAiCustomers = seed.relationships
      .filter((r) => r.kind === "BUYS_FROM" && r.to === "microsoft" && r.productId === "azure-openai")
      .map((r) => r.from)
      .sort();
    expect(azureOpenAiCustomers).toEqual(["g42", "intuit", "tiktok", "walmart"]);

    const [tiktok] = rel("BUYS_FROM", "tiktok", "microsoft").filter((r) => r.productId === "azure-openai");
    expect(tiktok?.amount).toMatchObject({
      estimate: 20_000_000,
      period: "MONTH",
      currency: "USD",
      qualifier: "APPROXIMATE",
    });
    // The article dates the spend (March 2024) but not when the purchases began.
    expect(tiktok?.validFrom).toBeNull();
    expect(tiktok).toMatchObject({ firstReported: "2024-08-01", lastReported: "2024-08-01", knownAt: null });
    expect(tiktok?.agreement).toEqual({
      claims: 1,
      independentOrigins: 1,
      conflicting: false,
      gap: 0,
      dissent: [],
      incomparable: [],
    });
    expect(seed.claims.find((c) => c.relationshipId === tiktok?.id)?.refersTo).toEqual({
      from: "2024-03-01",
      to: "2024-03-31",
      label: "March 2024",
    });
  });
});

describe("seed dataset: what the article dates and who says what", () => {
  const seed: Dataset = loadSeed();
  const claim = (id: string) => seed.claims.find((c) => c.id === id)!;
  const evidence = (id: string) => seed.evidence.find((e) => e.id === id)!;
  const metric = (id: string) => seed.metrics.find((m) => m.id === id);
  const UNDATED = { from: null, to: null };

  it("dates Intuit's Amazon servers before its Q1 2024 Azure OpenAI spend, below a disclosed fact's confidence", () => {
    // "anteriormente pagava principalmente": before the spend the article places in Q1 2024, start not given.
    expect(claim("claim-intuit-bought-aws-from-amazon")).toMatchObject({
      status: "FORMER",
      refersTo: { from: null, to: "2023-12-31" },
      began: null,
      ended: null,
      confidence: 0.8,
    });
  });

  it("leaves undated what the article does not date", () => {
    // "originalmente" and "conquistou" carry no time.
    expect(evidence("ev-tiktok-formerly-rival-clouds").refersTo).toMatchObject(UNDATED);
    expect(evidence("ev-microsoft-wins-share").refersTo).toMatchObject(UNDATED);
    for (const id of ["claim-microsoft-competes-with-amazon-in-cloud", "claim-microsoft-competes-with-oracle-in-cloud"])
      expect(claim(id).refersTo).toMatchObject(UNDATED);
    expect(metric("microsoft-cloud-share-gains")!.refersTo).toMatchObject(UNDATED);
  });

  it("tells Walmart's statement from the article's description of it", () => {
    // "O Walmart, cliente de longa data ..., disse que está usando a tecnologia ...": Walmart said the second
    // half, in the present tense; the first is the article's.
    expect(claim("claim-walmart-uses-azure-openai-for-recommendations")).toMatchObject({
      disclosure: "DISCLOSED",
      refersTo: { from: "2024-01-01", to: "2024-12-31" },
    });
    expect(claim("claim-walmart-buys-azure-from-microsoft")).toMatchObject({
      disclosure: "REPORTED",
      evidenceIds: ["ev-walmart-longtime-cloud-customer"],
    });
    expect(evidence("ev-walmart-longtime-cloud-customer")).toMatchObject({
      quote: "O Walmart, cliente de longa data dos serviços em nuvem da Microsoft",
      disclosure: "REPORTED",
    });
  });

  it("stores the Copilot doubling once, as the 10,000-seat customers Nadella spoke of", () => {
    const doublings = seed.metrics.filter((m) => m.quantity?.unit === "MULTIPLIER");
    expect(doublings.map((m) => m.id)).toEqual(["copilot-10k-seat-customers-growth-2024-q2"]);
    expect(doublings[0]!.evidenceIds).toEqual(["ev-copilot-10k-seats-doubled", "ev-copilot-subscriptions-doubled"]);
    expect(metric("copilot-subscriptions-growth-2024-q2")).toBeUndefined();
  });

  it("keeps the article's own words for TikTok's share", () => {
    const share = metric("tiktok-share-of-azure-openai-revenue-2024-03")!;
    expect(share.description).toContain("quase 25%");
    // "quase 25%": nearly 25% is 0.9 × 25% to 25%.
    expect(share.quantity).toMatchObject({ estimate: 0.25, low: 0.225, high: 0.25, qualifier: "APPROXIMATE" });
  });
});

describe("broken seed inputs are refused with file, record and problem", () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function copySeed(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-"));
    temps.push(dir);
    for (const name of fs.readdirSync(seedDir())) {
      if (name.endsWith(".json")) fs.copyFileSync(path.join(seedDir(), name), path.join(dir, name));
    }
    return dir;
  }

  type Rec = Record<string, unknown>;
  function editRecords(dir: string, collection: "relationships" | "claims", edit: (records: Rec[]) => void): void {
    const file = path.join(dir, `${collection}.json`);
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Rec[]>;
    edit(json[collection]!);
    fs.writeFileSync(file, JSON.stringify(json, null, 2));
  }

  function editRecord(dir: string, collection: "relationships" | "claims", id: string, edit: (r: Rec) => void): void {
    editRecords(dir, collection, (records) => {
      const record = records.find((r) => r.id === id);
      if (!record) throw new Error(`no ${collection} record ${id} in the seed`);
      edit(record);
    });
  }

  const editRelationship = (dir: string, id: string, edit: (r: Rec) => void) =>
    editRecord(dir, "relationships", id, edit);
  const editClaim = (dir: string, id: string, edit: (r: Rec) => void) => editRecord(dir, "claims", id, edit);

  function refusal(dir: string): SeedInvalidError {
    try {
      loadSeed(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(SeedInvalidError);
      return err as SeedInvalidError;
    }
    throw new Error("the broken dataset was accepted");
  }

  const ID = "tiktok-buys-azure-openai-from-microsoft";

  it("the untouched copy loads", () => {
    expect(loadSeed(copySeed()).relationships.length).toBeGreaterThan(0);
  });

  it("refuses a file nested deeper than a dataset needs, naming it, at any depth and without a crash", () => {
    for (const depth of [65, 5_000, 100_000]) {
      const dir = copySeed();
      // 64 levels is the limit; a claim's id as an array `depth - 3` deep puts the file at `depth`.
      const nested = "[".repeat(depth - 3) + "]".repeat(depth - 3);
      fs.writeFileSync(path.join(dir, "deep.json"), `{ "claims": [{ "id": ${nested} }] }`);
      const err = refusal(dir);
      expect(err.problems).toEqual(["deep.json: nested deeper than 64 levels; a dataset file needs far fewer"]);
    }
    const dir = copySeed();
    fs.writeFileSync(path.join(dir, "deep.json"), `{ "claims": [{ "id": ${"[".repeat(61)}${"]".repeat(61)} }] }`);
    expect(refusal(dir).message).toContain("deep.json: claims[0]");
  });

  it("refuses an unknown company id in a relationship's from", () => {
    const dir = copySeed();
    editRelationship(dir, ID, (r) => {
      r.from = "no-such-company";
    });
    const err = refusal(dir);
    expect(err.message).toContain("relationships.json");
    expect(err.message).toContain(ID);
    expect(err.message).toContain("unknown company id 'no-such-company' in 'from'");
  });

  it("refuses a source derived from an unknown source or from itself, or of no known kind", () => {
    for (const [change, problem] of [
      [{ derivedFrom: ["no-such-source"] }, "unknown source id 'no-such-source' in 'derivedFrom'"],
      [{ derivedFrom: ["tiktok-microsoft-azure-openai-2024-08-01"] }, "a source cannot be derived from itself"],
      [{ kind: "BLOG" }, "kind"],
    ] as const) {
      const dir = copySeed();
      const file = path.join(dir, "sources.json");
      const json = JSON.parse(fs.readFileSync(file, "utf8")) as { sources: Record<string, unknown>[] };
      Object.assign(json.sources[0]!, change);
      fs.writeFileSync(file, JSON.stringify(json, null, 2));
      const err = refusal(dir);
      expect(err.message).toContain("sources.json");
      expect(err.message).toContain(problem);
    }
  });

  const CLAIM = `claim-${ID}`;

  it("refuses a claim without evidence", () => {
    const dir = copySeed();
    editClaim(dir, CLAIM, (c) => {
      c.evidence = [];
    });
    const err = refusal(dir);
    expect(err.message).toContain("claims.json");
    expect(err.message).toContain(CLAIM);
    expect(err.message).toContain("every claim needs at least one evidence id");
  });

  it("refuses an amount whose low bound is above its high bound", () => {
    const dir = copySeed();
    editClaim(dir, CLAIM, (c) => {
      c.amount = {
        estimate: null,
        low: 30_000_000,
        high: 20_000_000,
        qualifier: "RANGE",
        period: "MONTH",
        currency: "USD",
      };
    });
    const err = refusal(dir);
    expect(err.message).toContain("claims.json");
    expect(err.message).toContain(CLAIM);
    expect(err.message).toContain("high (20000000) must be >= low (30000000)");
  });

  it("refuses a negative amount", () => {
    const dir = copySeed();
    editClaim(dir, CLAIM, (c) => {
      c.amount = { estimate: null, low: -5, high: null, qualifier: "AT_LEAST", period: "MONTH", currency: "USD" };
    });
    const err = refusal(dir);
    expect(err.message).toContain("claims.json");
    expect(err.message).toContain(CLAIM);
    expect(err.message).toMatch(/amount\.low: .*(>=\s*0|non-?negative)/i);
  });

  it("refuses claims that do not hold together: unknown ends, foreign evidence, bad supersession, withdrawn before recorded", () => {
    for (const [change, problem] of [
      [{ relationship: "no-such-relationship" }, "unknown relationship id 'no-such-relationship'"],
      [{ source: "no-such-source" }, "unknown source id 'no-such-source'"],
      [{ supersedes: "claim-microsoft-offers-copilot" }, "which is not a claim about the same relationship"],
      [{ supersedes: CLAIM }, "a claim cannot supersede itself"],
      [{ retraction: { at: "2024-01-01", by: "editor", reason: "wrong" } }, "retraction.at is before recordedAt"],
      [{ began: "2024-05-01", ended: "2024-04-01" }, "began is after ended"],
      [{ recordedAt: "last week" }, "recordedAt"],
    ] as const) {
      const dir = copySeed();
      editClaim(dir, CLAIM, (c) => Object.assign(c, change));
      const err = refusal(dir);
      expect(err.message).toContain(CLAIM);
      expect(err.message).toContain(problem);
    }
  });

  it("refuses a quote from a source whose text is not held, and a statement without a locator", () => {
    const dir = copySeed();
    const file = path.join(dir, "sources.json");
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { sources: Rec[] };
    json.sources[0]!.document = null;
    fs.writeFileSync(file, JSON.stringify(json));
    expect(refusal(dir).message).toContain(
      "'ev-tiktok-20m-month': a QUOTE needs a source whose text is held; 'tiktok-microsoft-azure-openai-2024-08-01' has none: record a STATEMENT with a locator",
    );
    const statement = copySeed();
    const evidenceFile = path.join(statement, "evidence.json");
    const evidence = JSON.parse(fs.readFileSync(evidenceFile, "utf8")) as { evidence: Rec[] };
    evidence.evidence.find((e) => e.id === "ev-tiktok-20m-month")!.kind = "STATEMENT";
    fs.writeFileSync(evidenceFile, JSON.stringify(evidence));
    expect(refusal(statement).message).toContain(
      "'ev-tiktok-20m-month': a STATEMENT needs a locator (url, page or section)",
    );
  });

  it("refuses a relationship that no claim states", () => {
    const dir = copySeed();
    editRecords(dir, "claims", (claims) =>
      claims.splice(
        claims.findIndex((c) => c.id === CLAIM),
        1,
      ),
    );
    const err = refusal(dir);
    expect(err.message).toContain("relationships.json");
    expect(err.message).toContain(`${ID}': no claim states it`);
  });

  it("refuses a file that is not valid JSON, naming it, without a raw SyntaxError", () => {
    const dir = copySeed();
    const file = path.join(dir, "relationships.json");
    // A missing comma between two fields, in the middle of the file.
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"kind": "BUYS_FROM",', '"kind": "BUYS_FROM"'));
    const err = refusal(dir);
    expect(err).not.toBeInstanceOf(SyntaxError);
    expect(err.message).toContain("relationships.json");
    expect(err.message).toContain("invalid JSON");
    expect(err.message).toMatch(/line \d+, column \d+/);
  });
});

interface FactRow {
  fact: string;
  status: string;
  records: string[];
  reason: string;
}

/** The "Facts → records" table of seed/README.md: `| F1 | status | `id`, ... | reason |`. */
function readFactTable(): FactRow[] {
  const rows: FactRow[] = [];
  for (const line of fs.readFileSync(README, "utf8").split("\n")) {
    const m = /^\|\s*(F\d+)\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const [status = "", records = "", ...reason] = (m[2] ?? "").split("|");
    rows.push({
      fact: m[1] as string,
      status: status.trim(),
      records: [...records.matchAll(/`([^`]+)`/g)].map((x) => x[1] as string),
      reason: reason.join("|").trim(),
    });
  }
  return rows;
}
