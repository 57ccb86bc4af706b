import { storeKnownAt } from "../../src/store/record-time";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { buyerSupplierMatrix, matrixToCsv } from "../../src/analytics/buyer-supplier-matrix";
import { toCytoscapeJson, toGexf, toGraphML } from "../../src/analytics/graph-export";
import { type RelationshipGraph, relationshipGraph } from "../../src/analytics/relationship-graph";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { countingStore } from "../helpers/counting-store";
import { buildDataset, monthly, type RelationshipInput } from "../helpers/datasets";
import { refusalOf } from "../helpers/refusals";

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();

describe("relationshipGraph on the seed", () => {
  let store: MemoryStore;

  beforeAll(async () => {
    store = new MemoryStore();
    await store.load(loadSeed());
  });

  it("draws Microsoft's two-hop neighbourhood with hops, labels and amounts", async () => {
    const g = await relationshipGraph(store, { centers: ["microsoft"], depth: 2 });
    const hop = Object.fromEntries(g.nodes.map((n) => [n.id, n.hop]));
    expect(hop).toMatchObject({
      microsoft: 0,
      tiktok: 1,
      walmart: 1,
      intuit: 1,
      g42: 1,
      openai: 1,
      amazon: 1,
      google: 1,
      oracle: 1,
    });
    expect(hop).toMatchObject({
      "azure-openai": 1,
      "satya-nadella": 1,
      bytedance: 2,
      aws: 2,
      "gpt-4": 2,
      "sasan-goodarzi": 2,
    });
    expect(g.nodes.filter((n) => n.isCenter).map((n) => n.id)).toEqual(["microsoft"]);
    expect(g.nodes.find((n) => n.id === "microsoft")).toMatchObject({
      label: "Microsoft",
      nodeKind: "Company",
      kind: "cloud-provider",
    });
    expect(g.nodes.find((n) => n.id === "azure-openai")).toMatchObject({ nodeKind: "Product" });
    expect(g.nodes.find((n) => n.id === "satya-nadella")).toMatchObject({ nodeKind: "Person", kind: null });

    const tiktok = g.edges.find((e) => e.id === "tiktok-buys-azure-openai-from-microsoft")!;
    expect(tiktok).toMatchObject({
      source: "tiktok",
      target: "microsoft",
      kind: "BUYS_FROM",
      productId: "azure-openai",
      label: "BUYS_FROM azure-openai · ≈ US$20M/month (18M–20M)",
      amountLabel: "≈ US$20M/month (18M–20M)",
      amount: { estimate: 20_000_000, low: 18_000_000, high: 20_000_000, qualifier: "APPROXIMATE", period: "MONTH" },
      status: "CURRENT",
    });
    expect(tiktok.evidenceCount).toBe(tiktok.evidenceIds.length);
    expect(tiktok.evidenceCount).toBeGreaterThan(0);
    // The second hop reaches ByteDance both through TikTok and through OpenAI (its competitor).
    expect(ids(g.edges)).toEqual(
      expect.arrayContaining([
        "tiktok-subsidiary-of-bytedance",
        "bytedance-competes-with-openai",
        "intuit-bought-aws-from-amazon",
      ]),
    );
    // Nodes three hops away are not there.
    expect(hop["chatgpt"]).toBe(2);
    expect(g).toMatchObject({
      truncated: false,
      cut: { nodes: 0, edges: 0, reason: null },
      depthReached: 2,
      missingCenters: [],
    });
  });

  it("keeps every node and edge once, and every edge between drawn nodes", async () => {
    const g = await relationshipGraph(store, { centers: ["microsoft", "tiktok", "microsoft"], depth: 2 });
    expect(g.centers).toEqual(["microsoft", "tiktok"]);
    expect(new Set(ids(g.nodes)).size).toBe(g.nodes.length);
    expect(new Set(ids(g.edges)).size).toBe(g.edges.length);
    const nodeIds = new Set(ids(g.nodes));
    for (const e of g.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    expect(
      g.nodes
        .filter((n) => n.isCenter)
        .map((n) => n.id)
        .sort(),
    ).toEqual(["microsoft", "tiktok"]);
    // tiktok -> microsoft is reachable from both centres; it is there once.
    expect(g.edges.filter((e) => e.id === "tiktok-buys-azure-openai-from-microsoft")).toHaveLength(1);
  });

  it("gives the same ids and data across calls, so expansions merge by id into the deeper graph", async () => {
    const one = await relationshipGraph(store, { centers: ["microsoft"], depth: 1 });
    const two = await relationshipGraph(store, { centers: ["microsoft"], depth: 2 });
    const merged = { nodes: new Map(one.nodes.map((n) => [n.id, n])), edges: new Map(one.edges.map((e) => [e.id, e])) };
    for (const n of one.nodes.filter((x) => x.hop === 1)) {
      const expansion = await relationshipGraph(store, { centers: [n.id], depth: 1 });
      for (const e of expansion.edges) {
        const seen = merged.edges.get(e.id);
        if (seen) expect(e).toEqual(seen);
        merged.edges.set(e.id, e);
      }
      for (const x of expansion.nodes) {
        const seen = merged.nodes.get(x.id);
        if (seen) expect({ ...x, hop: 0, isCenter: false }).toEqual({ ...seen, hop: 0, isCenter: false });
        if (!seen) merged.nodes.set(x.id, x);
      }
    }
    expect([...merged.nodes.keys()].sort()).toEqual(ids(two.nodes));
    expect([...merged.edges.keys()].sort()).toEqual(ids(two.edges));
    // And asking twice gives the same answer.
    expect(await relationshipGraph(store, { centers: ["microsoft"], depth: 2 })).toEqual(two);
  });

  it("keeps the neighbours with the most money at the limit, keeps only edges between kept nodes and says why", async () => {
    const full = await relationshipGraph(store, { centers: ["microsoft"], depth: 1 });
    const exact = await relationshipGraph(store, { centers: ["microsoft"], depth: 1, limit: full.nodes.length });
    expect(exact.truncated).toBe(false);

    const g = await relationshipGraph(store, { centers: ["microsoft"], depth: 1, limit: 5 });
    // OpenAI (an investment of US$10B or more), TikTok (US$20M a month), then three customers paying at
    // least US$1M a month: Walmart through two purchases, G42 before Intuit by id.
    expect(ids(g.nodes)).toEqual(["g42", "microsoft", "openai", "tiktok", "walmart"]);
    expect(g.truncated).toBe(true);
    expect(g.cut.nodes).toBe(full.nodes.length - 5);
    expect(g.cut.edges).toBeGreaterThan(0);
    expect(g.cut.reason).toMatch(
      /limit of 5 nodes reached at hop 1: at hop 1, 4 of the \d+ nodes reached were kept: those with the most money/,
    );
    const kept = new Set(ids(g.nodes));
    for (const e of g.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
    expect(g.edges.length + g.cut.edges).toBe(full.edges.length);
  });

  it("goes on reading the hops beyond a cut one, from the nodes it kept", async () => {
    const g = await relationshipGraph(store, { centers: ["microsoft"], depth: 2, limit: 5 });
    expect(g.nodes).toHaveLength(5);
    expect(g.depthReached).toBe(2);
    // Half the room is left for hop 2: OpenAI and TikTok are kept, and ByteDance (TikTok's parent) is reached.
    expect(g.nodes.filter((n) => n.hop === 1).map((n) => n.id)).toEqual(["openai", "tiktok"]);
    expect(g.nodes.filter((n) => n.hop === 2).map((n) => n.id)).toContain("bytedance");
    expect(g.cut.reason).toMatch(/leaving room for the hops beyond; at hop 2, 2 of the \d+ nodes reached were kept/);
  });

  it("refuses depths outside 1..4 and limits outside 1..2000, naming the range", async () => {
    for (const depth of [0, 5, 10, 1.5, -1]) {
      const err = await refusalOf(relationshipGraph(store, { centers: ["microsoft"], depth }));
      expect(err.code).toBe("BAD_USER_INPUT");
      expect(err.message).toContain("depth must be an integer between 1 and 4");
    }
    for (const limit of [0, 2001, 1_000_000]) {
      const err = await refusalOf(relationshipGraph(store, { centers: ["microsoft"], limit }));
      expect(err.code).toBe("BAD_USER_INPUT");
      expect(err.message).toContain("limit must be an integer between 1 and 2000");
    }
    expect((await refusalOf(relationshipGraph(store, { centers: [] }))).code).toBe("BAD_USER_INPUT");
    expect((await refusalOf(relationshipGraph(store, { centers: ["Not a slug"] }))).code).toBe("BAD_USER_INPUT");
    expect(
      (await refusalOf(relationshipGraph(store, { centers: ["microsoft"], asOf: "2024-02-30" }))).message,
    ).toContain("asOf");
    expect(
      (await refusalOf(relationshipGraph(store, { centers: ["microsoft"], kinds: ["LIKES" as never] }))).message,
    ).toContain("BUYS_FROM");
  });

  it("filters by kind and date, and reports unknown centres", async () => {
    const buys = await relationshipGraph(store, { centers: ["microsoft"], kinds: ["BUYS_FROM"] });
    expect(new Set(buys.edges.map((e) => e.kind))).toEqual(new Set(["BUYS_FROM"]));
    expect(ids(buys.nodes)).toEqual(["g42", "intuit", "microsoft", "openai", "tiktok", "walmart"]);

    // No source says when TikTok's purchases began: on an earlier day they are in force, start unknown.
    const before = await relationshipGraph(store, { centers: ["microsoft"], kinds: ["BUYS_FROM"], asOf: "2023-06-01" });
    expect(ids(before.edges)).toContain("tiktok-buys-azure-openai-from-microsoft");
    // Before the article was recorded, the graph knew none of it.
    const unrecorded = await relationshipGraph(storeKnownAt(store, "2024-07-31"), { centers: ["microsoft"] });
    expect(unrecorded).toMatchObject({ edges: [], nodes: [{ id: "microsoft" }] });

    const missing = await relationshipGraph(store, { centers: ["microsoft", "no-such-company"] });
    expect(missing.missingCenters).toEqual(["no-such-company"]);
    const none = await relationshipGraph(store, { centers: ["no-such-company"], depth: 3 });
    expect(none).toMatchObject({ nodes: [], edges: [], depthReached: 0, truncated: false });
  });

  it("makes one relationship read and one node read per hop, whatever the number of centres", async () => {
    const counting = countingStore(store);
    for (const depth of [1, 2, 3, 4]) {
      for (const centers of [
        ["microsoft"],
        ["microsoft", "tiktok", "g42", "intuit", "walmart", "openai", "bytedance", "amazon"],
      ]) {
        counting.reset();
        await relationshipGraph(counting.store, { centers, depth });
        expect(counting.calls.get("relationshipsOf") ?? 0).toBeLessThanOrEqual(depth);
        expect(counting.calls.get("nodesByIds") ?? 0).toBeLessThanOrEqual(depth + 1);
        expect(counting.total()).toBeLessThanOrEqual(2 * depth + 1);
      }
    }
  });
});

describe("relationshipGraph around a hub", () => {
  /** "hub" has 30 paying customers, each with a parent; "quiet-1" buys twice and "quiet-2" once, for no stated amount. */
  function hubGraph() {
    const pad = (i: number) => String(i).padStart(2, "0");
    const customers = Array.from({ length: 30 }, (_, i) => `c-${pad(i)}`);
    const relationships: RelationshipInput[] = customers.flatMap((c, i) => [
      {
        id: `${c}-buys`,
        kind: "BUYS_FROM",
        from: c,
        to: "hub",
        product: "line",
        amount: monthly((i + 1) * 1000, (i + 1) * 900, (i + 1) * 1000),
      },
      { id: `${c}-sub`, kind: "SUBSIDIARY_OF", from: c, to: `p-${c}` },
    ]);
    relationships.push(
      { id: "quiet-1-buys", kind: "BUYS_FROM", from: "quiet-1", to: "hub", product: "line" },
      { id: "quiet-1-buys-2", kind: "BUYS_FROM", from: "quiet-1", to: "hub", product: "line-2" },
      { id: "quiet-2-buys", kind: "BUYS_FROM", from: "quiet-2", to: "hub", product: "line" },
    );
    return buildDataset({
      companies: ["hub", "quiet-1", "quiet-2", ...customers, ...customers.map((c) => `p-${c}`)],
      products: [{ id: "line" }, { id: "line-2" }],
      relationships,
    });
  }

  let store: MemoryStore;
  beforeAll(async () => {
    store = new MemoryStore();
    await store.load(hubGraph());
  });

  it("keeps the biggest-money customers at the cut hop and still reads their parents, one read per hop", async () => {
    const counting = countingStore(store);
    const g = await relationshipGraph(counting.store, { centers: ["hub"], depth: 2, limit: 11 });
    const at = (hop: number) => g.nodes.filter((n) => n.hop === hop).map((n) => n.id);
    // Ten places after the centre, half of them for hop 2.
    expect(at(1)).toEqual(["c-25", "c-26", "c-27", "c-28", "c-29"]);
    expect(at(2)).toEqual(["p-c-25", "p-c-26", "p-c-27", "p-c-28", "p-c-29"]);
    expect(g).toMatchObject({ truncated: true, depthReached: 2, cut: { nodes: 27 } });
    expect(g.cut.reason).toContain("at hop 1, 5 of the 32 nodes reached were kept: those with the most money");
    expect(counting.calls.get("relationshipsOf")).toBe(2);
    expect(counting.calls.get("nodesByIds")).toBe(3);
  });

  it("ranks customers without amounts by how many relationships reach them, then by id", async () => {
    const g = await relationshipGraph(store, { centers: ["hub"], depth: 1, limit: 32 });
    expect(g.nodes.map((n) => n.id)).toContain("quiet-1");
    expect(g.nodes.map((n) => n.id)).not.toContain("quiet-2");
    expect(g.cut).toMatchObject({ nodes: 1, edges: 1 });
  });

  it("gives the room later hops leave back to the best nodes set aside, at their own hop", async () => {
    // Hop 1 may take a third of the 30 places; hop 2 finds only the 10 kept customers' parents; hop 3 finds nothing new.
    const g = await relationshipGraph(store, { centers: ["hub"], depth: 3, limit: 31 });
    const at = (hop: number) => g.nodes.filter((n) => n.hop === hop).map((n) => n.id);
    expect(at(1)).toEqual(Array.from({ length: 20 }, (_, i) => `c-${10 + i}`));
    expect(at(2)).toHaveLength(10);
    expect(g.nodes).toHaveLength(31);
    expect(g.cut.nodes).toBe(12);
    expect(g.cut.reason).toContain("at hop 1, 10 of the 32 nodes reached were kept");
    expect(g.cut.reason).toContain("10 set aside earlier were added back");
  });
});

describe("buyerSupplierMatrix on the seed", () => {
  let store: MemoryStore;
  const companies = ["tiktok", "microsoft", "walmart", "intuit", "g42", "openai", "amazon"];

  beforeAll(async () => {
    store = new MemoryStore();
    await store.load(loadSeed());
  });

  it("puts buyers in rows, suppliers in columns, and sums spend per pair and product", async () => {
    const m = await buyerSupplierMatrix(store, { companies });
    expect(m.buyers.map((b) => b.id)).toEqual(["g42", "intuit", "openai", "tiktok", "walmart"]);
    expect(m.suppliers.map((s) => s.id)).toEqual(["amazon", "microsoft"]);
    const cell = m.cells.find((c) => c.buyerId === "tiktok" && c.supplierId === "microsoft")!;
    expect(cell.productIds).toEqual(["azure", "azure-openai"]);
    expect(cell.relationshipIds).toEqual([
      "tiktok-buys-azure-from-microsoft",
      "tiktok-buys-azure-openai-from-microsoft",
    ]);
    // Azure's spend is undisclosed, so the total is "at least" the Azure OpenAI spend, never a point.
    expect(cell.amount).toMatchObject({
      low: 18_000_000,
      high: Infinity,
      estimate: null,
      qualifier: "AT_LEAST",
      period: "MONTH",
    });
    expect(cell.byProduct.find((p) => p.productId === "azure-openai")!.amount).toMatchObject({
      estimate: 20_000_000,
      low: 18_000_000,
      high: 20_000_000,
    });
  });

  it("converts to the period asked for and filters by product and date", async () => {
    const m = await buyerSupplierMatrix(store, { companies, productId: "azure-openai", period: "YEAR" });
    expect(m.cells.map((c) => c.buyerId).sort()).toEqual(["g42", "intuit", "tiktok", "walmart"]);
    expect(m.cells.find((c) => c.buyerId === "tiktok")!.amount).toMatchObject({
      estimate: 240_000_000,
      low: 216_000_000,
      high: 240_000_000,
      period: "YEAR",
    });
    const unrecorded = await buyerSupplierMatrix(storeKnownAt(store, "2024-07-31"), {
      companies,
      productId: "azure-openai",
    });
    expect(unrecorded.cells).toEqual([]);
  });

  it("refuses bad input and writes RFC 4180 CSV", async () => {
    expect(
      (await refusalOf(buyerSupplierMatrix(store, { companies: Array.from({ length: 101 }, (_, i) => `c${i}`) })))
        .message,
    ).toContain("at most 100");
    expect((await refusalOf(buyerSupplierMatrix(store, { companies, period: "TOTAL" }))).code).toBe("BAD_USER_INPUT");
    const csv = matrixToCsv(await buyerSupplierMatrix(store, { companies: ["tiktok", "microsoft"] }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("buyer,supplier,product,estimate,low,high,qualifier,period,currency,relationships,notes");
    expect(lines).toContain(
      "tiktok,microsoft,azure-openai,20000000,18000000,20000000,APPROXIMATE,MONTH,USD,tiktok-buys-azure-openai-from-microsoft,",
    );
    expect(lines).toContain(
      `tiktok,microsoft,azure,,0,,UNDISCLOSED,MONTH,USD,tiktok-buys-azure-from-microsoft,"tiktok-buys-azure-from-microsoft: sources say money changes hands, not how much"`,
    );
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("refuses an unknown company, naming it, and picks the top companies by spend when none are named", async () => {
    const refused = await refusalOf(buyerSupplierMatrix(store, { companies: ["microsoft", "nosuch"] }));
    expect(refused.code).toBe("BAD_USER_INPUT");
    expect(refused.message).toContain(`"nosuch"`);
    expect(refused.message).not.toContain(`"microsoft"`);
    expect((await refusalOf(buyerSupplierMatrix(store, { companies: ["microsoft"], top: 3 }))).message).toContain(
      "not both",
    );
    expect((await refusalOf(buyerSupplierMatrix(store, { companies: [], top: 0 }))).message).toContain(
      "between 1 and 100",
    );
    // The seed's yearly US$ purchases, low bounds, by hand: Microsoft sells to every buyer below, so
    // it leads; then OpenAI's Azure (at least US$1B a year), then TikTok's Azure OpenAI (18M x 12 =
    // 216M a year); Walmart's, Intuit's and G42's (1M x 12 each) come after.
    const top = await buyerSupplierMatrix(store, { companies: [], top: 3, period: "YEAR" });
    expect(top.companies).toEqual(["microsoft", "openai", "tiktok"]);
  });
});

describe("graph exports", () => {
  const graph: RelationshipGraph = {
    centers: ["a-co"],
    missingCenters: [],
    nodes: [
      { id: "a-co", label: `A & "B" <Co> 'x'`, nodeKind: "Company", kind: null, country: "US", hop: 0, isCenter: true },
      { id: "b-co", label: "B\u0001Co", nodeKind: "Company", kind: "retailer", country: null, hop: 1, isCenter: false },
    ],
    edges: [
      {
        id: "a-buys-from-b",
        source: "a-co",
        target: "b-co",
        kind: "BUYS_FROM",
        label: "BUYS_FROM x · ≥ US$1M/month",
        amountLabel: "≥ US$1M/month",
        amount: { low: 1e6, high: Infinity, estimate: null, qualifier: "AT_LEAST", period: "MONTH", currency: "USD" },
        productId: "x",
        market: "</data><evil>",
        status: "CURRENT",
        validFrom: "2024-01-01",
        validTo: null,
        confidence: 0.5,
        evidenceCount: 1,
        evidenceIds: ["ev-1"],
      },
    ],
    truncated: false,
    cut: { nodes: 0, edges: 0, reason: null },
    depthReached: 1,
    depth: 1,
    limit: 200,
    asOf: null,
  };

  it("escapes markup in GraphML and GEXF and declares every attribute", () => {
    for (const xml of [toGraphML(graph), toGexf(graph)]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain("<evil>");
      expect(xml).not.toContain("\u0001");
    }
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (n, _path, _leaf, isAttribute) => !isAttribute && ["key", "node", "edge", "data"].includes(n),
    }).parse(toGraphML(graph));
    const keys = new Set((parsed.graphml.key as { id: string }[]).map((k) => k.id));
    const g = parsed.graphml.graph;
    const data = [...g.node, ...g.edge].flatMap((x: { data: { key: string; "#text": unknown }[] }) => x.data);
    for (const d of data) expect(keys.has(d.key)).toBe(true);
    expect(g.node[0].data.find((d: { key: string }) => d.key === "n_label")["#text"]).toBe(`A & "B" <Co> 'x'`);
    // No upper bound: the attribute is absent rather than "Infinity".
    expect(g.edge[0].data.map((d: { key: string }) => d.key)).not.toContain("e_amountHigh");
    // GEXF carries the validity as a time span: a known start, no end.
    const gexfEdge = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(toGexf(graph)).gexf.graph
      .edges.edge;
    expect(gexfEdge).toMatchObject({ id: "a-buys-from-b", start: "2024-01-01" });
    expect(gexfEdge.end).toBeUndefined();
  });

  it("writes Cytoscape elements with ids, sources and targets", () => {
    const json = toCytoscapeJson(graph);
    expect(json.elements.nodes.map((n) => n.data.id)).toEqual(["a-co", "b-co"]);
    expect(json.elements.edges[0]!.data).toMatchObject({
      id: "a-buys-from-b",
      source: "a-co",
      target: "b-co",
      amountHigh: null,
      amountLow: 1e6,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
