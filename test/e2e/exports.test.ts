import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import cytoscape from "cytoscape";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { fillEmbeddedStore } from "../../src/server/embedded-store";
import { createLogger } from "../../src/server/logger";
import { Journal } from "../../src/store/memory/journal";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { runExportCli } from "../helpers/export-cli";

const GRAPH_QUERY = `query Graph($centers: [ID!]!, $depth: Int, $limit: Int, $kinds: [RelationshipKind!]) {
  relationshipGraph(centers: $centers, depth: $depth, limit: $limit, kinds: $kinds) {
    nodes { id label nodeKind hop isCenter }
    edges { id source target kind label amountLabel amount { estimate low high display } evidenceIds }
    truncated
    cut { nodes edges reason }
  }
}`;

interface GraphData {
  relationshipGraph: {
    nodes: { id: string; label: string; hop: number }[];
    edges: { id: string; source: string; target: string; label: string; amount: { high: number | null } | null }[];
    truncated: boolean;
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ["key", "node", "edge", "data", "attribute", "attvalue"].includes(name),
});

describe("graph and matrix exports over HTTP, GraphQL and the command line", () => {
  let server: TestServer;
  let graph: GraphData["relationshipGraph"];

  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    server = await startTestServer(store);
    const res = await server.gql<GraphData>(GRAPH_QUERY, { centers: ["microsoft"], depth: 2 });
    expect(res.errors).toBeUndefined();
    graph = res.data!.relationshipGraph;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const nodeIds = () => graph.nodes.map((n) => n.id).sort();
  const edgeIds = () => graph.edges.map((e) => e.id).sort();

  it("serves Microsoft's two-hop graph through GraphQL with Money amounts", () => {
    expect(nodeIds()).toEqual(expect.arrayContaining(["microsoft", "tiktok", "bytedance", "openai", "g42"]));
    const e = graph.edges.find((x) => x.id === "tiktok-buys-azure-openai-from-microsoft")!;
    expect(e).toMatchObject({
      source: "tiktok",
      target: "microsoft",
      label: "BUYS_FROM azure-openai · ≈ US$20M/month (18M–20M)",
      amount: { estimate: 20_000_000, low: 18_000_000, high: 20_000_000, display: "≈ US$20M/month (18M–20M)" },
    });
    // "At least" amounts have no upper bound: null on the wire, not Infinity.
    expect(graph.edges.find((x) => x.id === "g42-buys-azure-openai-from-microsoft")!.amount!.high).toBeNull();
  });

  it("exports Cytoscape JSON that real cytoscape loads, with exactly the GraphQL node and edge ids", async () => {
    const res = await server.get("/export/graph.cyjs?center=microsoft&depth=2");
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/json/);
    const json = JSON.parse(res.body) as { elements: cytoscape.ElementsDefinition };
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual(nodeIds());
    expect(
      cy
        .edges()
        .map((e) => e.id())
        .sort(),
    ).toEqual(edgeIds());
    for (const e of graph.edges) {
      const edge = cy.getElementById(e.id);
      expect(edge.source().id()).toBe(e.source);
      expect(edge.target().id()).toBe(e.target);
      expect(edge.data("label")).toBe(e.label);
    }
    expect(cy.getElementById("tiktok").data("label")).toBe("TikTok");
    cy.destroy();
  });

  it("sends exports as attachments with a file name", async () => {
    const res = await fetch(`${new URL(server.url).origin}/export/graph.graphml?center=microsoft&depth=2`);
    await res.text();
    expect(res.headers.get("content-type")).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="graph-microsoft-depth2.graphml"');
    const csv = await fetch(`${new URL(server.url).origin}/export/matrix.csv?companies=tiktok,microsoft`);
    await csv.text();
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.csv"$/);
  });

  it("exports valid GraphML with declared keys and the same nodes and edges", async () => {
    const res = await server.get("/export/graph.graphml?center=microsoft&depth=2");
    expect(res.status).toBe(200);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const doc = parser.parse(res.body).graphml;
    const keys = new Map((doc.key as { id: string; for: string; "attr.name": string }[]).map((k) => [k.id, k]));
    const g = doc.graph;
    expect(g.edgedefault).toBe("directed");
    expect((g.node as { id: string }[]).map((n) => n.id).sort()).toEqual(nodeIds());
    expect((g.edge as { id: string }[]).map((e) => e.id).sort()).toEqual(edgeIds());
    for (const el of [...g.node, ...g.edge] as { data: { key: string }[] }[]) {
      for (const d of el.data) expect(keys.has(d.key)).toBe(true);
    }
    const tiktok = (
      g.edge as { id: string; source: string; target: string; data: { key: string; "#text": string }[] }[]
    ).find((e) => e.id === "tiktok-buys-azure-openai-from-microsoft")!;
    expect(tiktok).toMatchObject({ source: "tiktok", target: "microsoft" });
    const value = (k: string) => tiktok.data.find((d) => keys.get(d.key)!["attr.name"] === k)?.["#text"];
    expect(value("amountLabel")).toBe("≈ US$20M/month (18M–20M)");
    expect(value("amountEstimate")).toBe("20000000");
  });

  it("exports GEXF with the same nodes and edges, and no time span where no source gives one", async () => {
    const res = await server.get("/export/graph.gexf?center=microsoft&depth=2");
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/gexf\+xml/);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const g = parser.parse(res.body).gexf.graph;
    expect((g.nodes.node as { id: string }[]).map((n) => n.id).sort()).toEqual(nodeIds());
    expect((g.edges.edge as { id: string }[]).map((e) => e.id).sort()).toEqual(edgeIds());
    // The article dates TikTok's spend (March 2024) but not its start: the edge has no span.
    expect(
      (g.edges.edge as { id: string; start?: string }[]).find(
        (e) => e.id === "tiktok-buys-azure-openai-from-microsoft",
      )!.start,
    ).toBeUndefined();
  });

  it("exports the buyer-supplier matrix as CSV and through GraphQL", async () => {
    const res = await server.get(
      "/export/matrix.csv?companies=tiktok,microsoft,walmart,intuit,g42,amazon&product=azure-openai",
    );
    expect(res.status).toBe(200);
    const lines = res.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("buyer,supplier,product,estimate,low,high,qualifier,period,currency,relationships,notes");
    expect(lines).toContain(
      "tiktok,microsoft,azure-openai,20000000,18000000,20000000,APPROXIMATE,MONTH,USD,tiktok-buys-azure-openai-from-microsoft,",
    );
    expect(lines.slice(1).every((l) => l.split(",")[2] === "azure-openai")).toBe(true);

    const q = await server.gql<{
      buyerSupplierMatrix: {
        buyers: { id: string }[];
        suppliers: { id: string }[];
        cells: { buyerId: string; supplierId: string; amount: { display: string }; relationshipIds: string[] }[];
      };
    }>(`{ buyerSupplierMatrix(companies: ["tiktok", "microsoft", "walmart", "intuit", "g42", "amazon"], period: YEAR) {
      buyers { id label } suppliers { id label }
      cells { buyerId supplierId amount { display estimate low high qualifier period } relationshipIds productIds byProduct { productId amount { display } } }
    } }`);
    expect(q.errors).toBeUndefined();
    const m = q.data!.buyerSupplierMatrix;
    expect(m.suppliers.map((s) => s.id)).toEqual(["amazon", "microsoft"]);
    expect(m.buyers.map((b) => b.id)).toEqual(["g42", "intuit", "tiktok", "walmart"]);
    const cell = m.cells.find((c) => c.buyerId === "tiktok" && c.supplierId === "microsoft")!;
    expect(cell.amount.display).toBe("≥ US$216M/year");
    expect(cell.relationshipIds).toContain("tiktok-buys-azure-openai-from-microsoft");
  });

  it("refuses huge graphs with BAD_USER_INPUT over GraphQL and 400 over HTTP", async () => {
    for (const [vars, range] of [
      [{ depth: 10 }, "between 1 and 4"],
      [{ limit: 1_000_000 }, "between 1 and 2000"],
    ] as const) {
      const res = await server.gql(GRAPH_QUERY, { centers: ["microsoft"], ...vars });
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
      expect(res.errors![0]!.message).toContain(range);
    }
    for (const [query, message] of [
      ["/export/graph.graphml?center=microsoft&depth=10", "between 1 and 4"],
      ["/export/graph.cyjs?center=microsoft&limit=1000000", "between 1 and 2000"],
      ["/export/graph.gexf?center=microsoft&depth=two", "depth must be an integer"],
      ["/export/graph.cyjs?center=Microsoft%21", "not a valid id"],
      ["/export/graph.cyjs?depth=2", "without a center (the whole graph) takes kinds, asOf, knownAt"],
      ["/export/graph.csv?center=", "takes kinds, asOf, knownAt"],
      ["/export/graph.cyjs?center=microsoft&kinds=LIKES", "unknown relationship kind"],
      ["/export/graph.cyjs?center=microsoft&asOf=yesterday", "asOf"],
      ["/export/graph.cyjs?centre=microsoft", "unknown parameter"],
      ["/export/matrix.csv?companies=tiktok&period=TOTAL", "period"],
      [`/export/matrix.csv?companies=${Array.from({ length: 101 }, (_, i) => `c${i}`).join(",")}`, "at most 100"],
      ["/export/matrix.csv?companies=microsoft,nosuch", `no company with id "nosuch"`],
      ["/export/matrix.csv?top=0", "between 1 and 100"],
      ["/export/claims.csv?companies=nosuch", `no company with id "nosuch"`],
      ["/export/claims.csv?product=tiktok", `no product with id "tiktok"`],
      ["/export/claims.csv?center=microsoft", "unknown parameter"],
    ] as const) {
      const res = await server.get(query);
      expect(res.status, query).toBe(400);
      expect(res.contentType).toMatch(/^application\/json/);
      const body = JSON.parse(res.body) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("BAD_USER_INPUT");
      expect(body.error.message).toContain(message);
    }
  });

  it("the command line writes the same GraphML as the HTTP route and explains bad flags in one line", async () => {
    // The command line exports what npm start serves: the article and the shipped reports.
    const journalPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-export-served-")), "journal.ndjson");
    const served = new MemoryStore(new Journal(journalPath));
    await fillEmbeddedStore(served, { journalPath, documentsDir: null }, createLogger("silent"));
    const asServed = await startTestServer(served);
    const http = await asServed.get("/export/graph.graphml?center=microsoft&depth=2");
    // Before the article's lineage was recorded (2026-12-07), TikTok's spend was 18M-20M, not 18M-21M.
    const httpThen = await asServed.get("/export/graph.graphml?center=microsoft&depth=2&knownAt=2026-12-01");
    await asServed.stop();
    const cli = runExportCli(["--format", "graphml", "--center", "microsoft", "--depth", "2"]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toBe(http.body);
    const cliThen = runExportCli([
      "--format",
      "graphml",
      "--center",
      "microsoft",
      "--depth",
      "2",
      "--known-at",
      "2026-12-01",
    ]);
    expect(cliThen.status).toBe(0);
    expect(cliThen.stdout).toBe(httpThen.body);
    expect(cliThen.stdout).not.toBe(cli.stdout);

    const bad = runExportCli(["--format", "graphml", "--center", "microsoft", "--depht", "2"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.split("\n")[0]).toMatch(/^export: .*--depht/);
    const tooDeep = runExportCli(["--format", "graphml", "--center", "microsoft", "--depth", "10"]);
    expect(tooDeep.status).toBe(1);
    expect(tooDeep.stderr.trim()).toBe("export: depth must be an integer between 1 and 4 (got 10)");
  }, 60_000);
});
