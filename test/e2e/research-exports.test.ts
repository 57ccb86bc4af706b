import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import cytoscape from "cytoscape";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Graph from "graphology";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillEmbeddedStore } from "../../src/server/embedded-store";
import { createLogger } from "../../src/server/logger";
import { Journal } from "../../src/store/memory/journal";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { parseCsv } from "../helpers/csv";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { runExportCli } from "../helpers/export-cli";

/**
 * The research exports on the data `npm start` serves (the article and the shipped reports): the
 * claims table against Query.claims and the API's fusion, the whole graph with provenance in every
 * format, the matrix's one-off totals, the download limit, and TikTok's evidence listed once.
 */

const TIKTOK = "tiktok-buys-azure-openai-from-microsoft";

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ["key", "node", "edge", "data", "attribute", "attvalue"].includes(name),
});

interface TikTokData {
  relationship: {
    claims: { totalCount: number; nodes: { id: string; source: { id: string; url: string | null } }[] };
    agreement: {
      claims: number;
      independentOrigins: number;
      conflicting: boolean;
      origins: { originId: string; claimIds: string[] }[];
      verdicts: { claimId: string; verdict: string }[];
    };
    evidence: { id: string; quote: string; source: { id: string } }[];
    evidenceEntries: { evidence: { id: string }; evidenceIds: string[]; claims: { id: string }[] }[];
  };
}

const TIKTOK_QUERY = `query ($id: ID!) { relationship(id: $id) {
  ... on Relationship {
    claims(first: 100) { totalCount nodes { id source { id url } } }
    agreement { claims independentOrigins conflicting origins { originId claimIds } verdicts { claimId verdict } }
    evidence { id quote source { id } }
    evidenceEntries { evidence { id } evidenceIds claims { id } }
  }
} }`;

describe("research exports of the shipped data", () => {
  let store: MemoryStore;
  let server: TestServer;
  let small: TestServer;
  let tiktok: TikTokData["relationship"];

  beforeAll(async () => {
    const journalPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-research-")), "journal.ndjson");
    store = new MemoryStore(new Journal(journalPath));
    await fillEmbeddedStore(store, { journalPath, documentsDir: null }, createLogger("silent"));
    server = await startTestServer(store);
    small = await startTestServer(store, { EXPORT_MAX_ELEMENTS: "10" });
    const res = await server.gql<TikTokData>(TIKTOK_QUERY, { id: TIKTOK });
    expect(res.errors).toBeUndefined();
    tiktok = res.data!.relationship;
  });
  afterAll(async () => {
    await server?.stop();
    await small?.stop();
  });

  it("claims.csv has one row per counted claim, as many as Query.claims counts", async () => {
    const res = await server.get("/export/claims.csv");
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/csv/);
    const rows = parseCsv(res.body);
    const count = await server.gql<{ claims: { totalCount: number } }>(`{ claims(first: 1) { totalCount } }`);
    expect(rows.length).toBe(count.data!.claims.totalCount);
    expect(new Set(rows.map((r) => r.claim_id)).size).toBe(rows.length);
    // As the graph knew it on 2026-12-01: the same count as the API's at that record time.
    const then = parseCsv((await server.get("/export/claims.csv?knownAt=2026-12-01")).body);
    const countThen = await server.gql<{ claims: { totalCount: number } }>(
      `{ claims(first: 1, knownAt: "2026-12-01") { totalCount } }`,
    );
    expect(then.length).toBe(countThen.data!.claims.totalCount);
  });

  it("TikTok's rows show the sources, origins and verdicts the API shows for that relationship", async () => {
    const rows = parseCsv((await server.get(`/export/claims.csv?companies=tiktok`)).body).filter(
      (r) => r.relationship_id === TIKTOK,
    );
    const byClaim = new Map(rows.map((r) => [r.claim_id, r]));
    expect([...byClaim.keys()].sort()).toEqual(tiktok.claims.nodes.map((c) => c.id).sort());
    for (const claim of tiktok.claims.nodes) {
      const row = byClaim.get(claim.id)!;
      expect(row).toMatchObject({ source_id: claim.source.id, source_url: claim.source.url ?? "" });
      expect(row.origin_id).toBe(tiktok.agreement.origins.find((o) => o.claimIds.includes(claim.id))!.originId);
      expect(row.verdict).toBe(tiktok.agreement.verdicts.find((v) => v.claimId === claim.id)!.verdict);
      expect(row).toMatchObject({
        relationship_kind: "BUYS_FROM",
        from: "tiktok",
        to: "microsoft",
        product: "azure-openai",
      });
    }
    expect(new Set(rows.map((r) => r.origin_id)).size).toBe(tiktok.agreement.independentOrigins);
  });

  it("filters claims.csv by companies, kinds and product, as the rows of the whole table say", async () => {
    const all = parseCsv((await server.get("/export/claims.csv")).body);
    const tiktokRows = parseCsv((await server.get("/export/claims.csv?companies=tiktok")).body);
    expect(tiktokRows.map((r) => r.claim_id)).toEqual(
      all.filter((r) => r.from === "tiktok" || r.to === "tiktok").map((r) => r.claim_id),
    );
    const investments = parseCsv((await server.get("/export/claims.csv?kinds=INVESTS_IN")).body);
    expect(investments.length).toBeGreaterThan(0);
    expect(investments.map((r) => r.claim_id)).toEqual(
      all.filter((r) => r.relationship_kind === "INVESTS_IN").map((r) => r.claim_id),
    );
    const azureOpenAi = parseCsv((await server.get("/export/claims.csv?product=azure-openai")).body);
    expect(azureOpenAi.map((r) => r.claim_id)).toEqual(
      all.filter((r) => r.product === "azure-openai").map((r) => r.claim_id),
    );
  });

  it("exports the whole graph as GraphML with provenance on every edge and node, loadable into graphology", async () => {
    const res = await server.get("/export/graph.graphml");
    expect(res.status).toBe(200);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const doc = xml.parse(res.body).graphml;
    const names = new Map((doc.key as { id: string; "attr.name": string }[]).map((k) => [k.id, k["attr.name"]]));
    type Element = { id: string; source?: string; target?: string; data?: { key: string; "#text": string }[] };
    const attrs = (e: Element) => Object.fromEntries((e.data ?? []).map((d) => [names.get(d.key)!, d["#text"]]));
    const nodes = doc.graph.node as Element[];
    const edges = doc.graph.edge as Element[];

    const relationships = await store.listRelationships({}, { first: 1 });
    const counts = await store.counts();
    expect(edges.length).toBe(relationships.totalCount);
    expect(nodes.length).toBe(counts.companies + counts.products + counts.people);
    for (const edge of edges) {
      const a = attrs(edge);
      expect(Number(a.claimCount), edge.id).toBeGreaterThan(0);
      expect(Number(a.independentOrigins), edge.id).toBeGreaterThan(0);
      expect(["true", "false"]).toContain(a.conflicting);
      expect(a.sourceIds, edge.id).toBeTruthy();
    }
    const t = attrs(edges.find((e) => e.id === TIKTOK)!);
    expect(Number(t.claimCount)).toBe(tiktok.agreement.claims);
    expect(Number(t.independentOrigins)).toBe(tiktok.agreement.independentOrigins);
    expect(t.conflicting).toBe(String(tiktok.agreement.conflicting));
    expect(t.sourceIds!.split(" ")).toEqual([...new Set(tiktok.claims.nodes.map((c) => c.source.id))].sort());
    expect(attrs(nodes.find((n) => n.id === "tiktok")!).sourceIds).toBeTruthy();

    const graph = new Graph({ type: "directed", multi: true });
    for (const n of nodes) graph.addNode(n.id, attrs(n));
    for (const e of edges) graph.addDirectedEdgeWithKey(e.id, e.source!, e.target!, attrs(e));
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(relationships.totalCount);
  });

  it("exports the whole graph as GEXF, Cytoscape JSON and an edge list with the same edges", async () => {
    const gexf = await server.get("/export/graph.gexf");
    expect(XMLValidator.validate(gexf.body)).toBe(true);
    const g = xml.parse(gexf.body).gexf.graph;
    const declared = new Set(
      (g.attributes as { class: string; attribute: { id: string }[] }[]).flatMap((a) =>
        a.attribute.map((x) => `${a.class}:${x.id}`),
      ),
    );
    for (const name of ["claimCount", "independentOrigins", "conflicting", "sourceIds", "sourceUrls"])
      expect(declared.has(`edge:${name}`)).toBe(true);
    const gexfEdges = g.edges.edge as { id: string; attvalues: { attvalue: { for: string }[] } }[];
    for (const edge of gexfEdges)
      expect(edge.attvalues.attvalue.map((v) => v.for)).toEqual(
        expect.arrayContaining(["claimCount", "independentOrigins", "conflicting", "sourceIds"]),
      );
    const ids = gexfEdges.map((e) => e.id).sort();

    const cy = cytoscape({
      headless: true,
      elements: (
        JSON.parse((await server.get("/export/graph.cyjs")).body) as { elements: cytoscape.ElementsDefinition }
      ).elements,
    });
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(ids);
    expect(cy.getElementById(TIKTOK).data("claimCount")).toBe(tiktok.agreement.claims);
    cy.destroy();

    const edgeList = parseCsv((await server.get("/export/graph.csv")).body);
    expect(edgeList.map((r) => r.id).sort()).toEqual(ids);
    expect(edgeList.find((r) => r.id === TIKTOK)).toMatchObject({
      source: "tiktok",
      target: "microsoft",
      claimCount: String(tiktok.agreement.claims),
    });
  });

  it("writes the same whole graph to concurrent readers, and the command line writes it too", async () => {
    const bodies = await Promise.all(Array.from({ length: 4 }, () => server.get("/export/graph.gexf?kinds=BUYS_FROM")));
    expect(new Set(bodies.map((b) => b.body)).size).toBe(1);
    const claimsHttp = await server.get("/export/claims.csv?companies=tiktok");
    const cli = runExportCli(["--format", "gexf", "--kinds", "BUYS_FROM"]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe(bodies[0]!.body);
    const claims = runExportCli(["--format", "claims-csv", "--companies", "tiktok"]);
    expect(claims.status).toBe(0);
    expect(claims.stdout).toBe(claimsHttp.body);
  }, 60_000);

  it("refuses a whole-graph download above EXPORT_MAX_ELEMENTS with EXPORT_TOO_LARGE, not a view around centres", async () => {
    const refused = await small.get("/export/graph.graphml");
    expect(refused.status).toBe(413);
    const body = JSON.parse(refused.body) as { error: { code: string; message: string; details: { max: number } } };
    expect(body.error.code).toBe("EXPORT_TOO_LARGE");
    expect(body.error.message).toContain("npm run export");
    expect(body.error.details.max).toBe(10);
    expect((await small.get("/export/graph.graphml?center=tiktok")).status).toBe(200);
  });

  it("cuts a download the store fails midway, so the client sees it incomplete rather than a shorter file", async () => {
    // The nodes are written, then the first read of claims fails: the headers and part of the file are out.
    const failing = new Proxy(store, {
      get(target, key, receiver) {
        if (key === "claimsOf") return () => Promise.reject(new Error("disk gone"));
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const broken = await startTestServer(failing);
    try {
      const res = await fetch(`${new URL(broken.url).origin}/export/graph.graphml`);
      expect(res.status).toBe(200);
      await expect(res.text()).rejects.toThrow();
      // The server goes on answering.
      expect((await broken.get("/export/matrix.csv?companies=tiktok,microsoft")).status).toBe(200);
    } finally {
      await broken.stop();
    }
  });

  it("writes Coca-Cola's US$1.1B as a total with its note, and refuses an unknown company naming it", async () => {
    const rows = parseCsv((await server.get("/export/matrix.csv?companies=coca-cola,microsoft")).body);
    expect(rows.filter((r) => r.relationships === "coca-cola-buys-azure-from-microsoft")).toEqual([
      {
        buyer: "coca-cola",
        supplier: "microsoft",
        product: "azure",
        estimate: "1100000000",
        low: "1100000000",
        high: "1100000000",
        qualifier: "EXACT",
        period: "TOTAL",
        currency: "USD",
        relationships: "coca-cola-buys-azure-from-microsoft",
        notes: "a one-off or cumulative amount over the life of the deal, not a rate",
      },
    ]);
    for (const row of rows) if (row.low === "0" && row.high === "") expect(row.notes, row.relationships).not.toBe("");
    const refused = await server.get("/export/matrix.csv?companies=microsoft,nosuch");
    expect(refused.status).toBe(400);
    const error = (JSON.parse(refused.body) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain('"nosuch"');
    const gql = await server.gql(`{ buyerSupplierMatrix(companies: ["microsoft", "nosuch"]) { cells { buyerId } } }`);
    expect(gql.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(gql.errors![0]!.message).toContain('"nosuch"');
  });

  it("lists TikTok's evidence once per record and per sentence of a source, with the claims citing each", () => {
    const ids = tiktok.evidence.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sentences = tiktok.evidence.map((e) => `${e.source.id}|${e.quote.toLowerCase().replace(/\s+/g, " ").trim()}`);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(tiktok.evidenceEntries.map((e) => e.evidence.id)).toEqual(ids);
    // Every counted claim cites some entry, and each entry's claims cite it.
    const cited = new Set(tiktok.evidenceEntries.flatMap((e) => e.claims.map((c) => c.id)));
    expect([...cited].sort()).toEqual(tiktok.claims.nodes.map((c) => c.id).sort());
  });
});
