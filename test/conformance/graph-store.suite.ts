import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/domain/dataset";
import type { GraphStore, Page, PageRequest, RelationshipFilter } from "../../src/store/graph-store";
import { loadSeed } from "../../seed/loader";

export interface StoreFixture {
  readonly store: GraphStore;
  dispose(): Promise<void>;
}

const ids = <T extends { id: string }>(xs: readonly (T | null)[]) => xs.map((x) => x?.id ?? null);
const pageIds = (p: Page<{ id: string }>) => p.items.map((x) => x.id);

/**
 * The behaviour every GraphStore must have, run once per adapter. Expectations are written
 * against the seed's facts, not against another store, so a shared bug cannot hide.
 */
export function graphStoreSuite(name: string, factory: () => Promise<StoreFixture>): void {
  describe(`GraphStore behaviour: ${name}`, () => {
    let fixture: StoreFixture;
    let store: GraphStore;
    let seed: Dataset;

    beforeAll(async () => {
      fixture = await factory();
      store = fixture.store;
      seed = loadSeed();
      await store.clear();
      await store.load(seed);
    });
    afterAll(async () => {
      await fixture?.dispose();
    });

    it("holds exactly what was loaded, and loading the same dataset again changes nothing", async () => {
      const expected = {
        companies: seed.companies.length,
        products: seed.products.length,
        people: seed.people.length,
        sources: seed.sources.length,
        evidence: seed.evidence.length,
        relationships: seed.relationships.length,
        claims: seed.claims.length,
        metrics: seed.metrics.length,
      };
      expect(await store.counts()).toEqual(expected);
      await store.load(seed);
      expect(await store.counts()).toEqual(expected);
    });

    it("answers batch lookups in input order, with null for unknown ids and wrong kinds", async () => {
      expect(ids(await store.nodesByIds(["tiktok", "nope", "azure-openai", "satya-nadella"]))).toEqual([
        "tiktok",
        null,
        "azure-openai",
        "satya-nadella",
      ]);
      expect(ids(await store.nodesOfKindByIds("Company", ["microsoft", "copilot"]))).toEqual(["microsoft", null]);
      const [tiktok] = await store.nodesByIds(["tiktok"]);
      expect(tiktok).toEqual(seed.companies.find((c) => c.id === "tiktok"));
      const [product] = await store.nodesByIds(["azure-openai"]);
      expect(product).toEqual(seed.products.find((p) => p.id === "azure-openai"));
    });

    it("round-trips every relationship exactly, amounts and open bounds included", async () => {
      const all = await store.listRelationships({}, {});
      const byId = new Map(seed.relationships.map((r) => [r.id, r]));
      expect(all.totalCount).toBe(seed.relationships.length);
      for (const r of all.items) expect(r).toEqual(byId.get(r.id));
      const [g42] = await store.relationshipsByIds(["g42-buys-azure-openai-from-microsoft"]);
      expect(g42?.amount?.high).toBe(Number.POSITIVE_INFINITY);
    });

    it("pages companies by id with keyset cursors and filters them", async () => {
      const all = seed.companies.map((c) => c.id).sort();
      const seenIds: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await store.listCompanies({}, { first: 3, after });
        expect(page.totalCount).toBe(all.length);
        seenIds.push(...pageIds(page));
        if (!page.hasNextPage) break;
        after = page.items.at(-1)!.id;
      }
      expect(seenIds).toEqual(all);
      expect(pageIds(await store.listCompanies({ country: "AE" }, { first: 10 }))).toEqual(["g42"]);
      const kind = seed.companies[0]!.kind!;
      const ofKind = seed.companies
        .filter((c) => c.kind === kind)
        .map((c) => c.id)
        .sort();
      expect(pageIds(await store.listCompanies({ kind }, {}))).toEqual(ofKind);
      expect((await store.listProducts({ first: 100 })).totalCount).toBe(seed.products.length);
    });

    it("searches names and aliases ignoring case and accents, best match first", async () => {
      const hits = await store.search("TikTok", [], 10);
      expect(hits[0]?.node.id).toBe("tiktok");
      expect(hits[0]?.score).toBe(3);
      expect((await store.search("bytédance", [], 10))[0]?.node.id).toBe("bytedance");
      const azure = await store.search("azure", [], 10);
      expect(azure.map((h) => h.node.id)).toEqual(expect.arrayContaining(["azure", "azure-openai"]));
      expect(azure[0]?.node.id).toBe("azure");
      expect(await store.search("azure", ["Company"], 10)).toEqual([]);
      expect(await store.search("zzzz-nothing", [], 10)).toEqual([]);
      expect((await store.search("a", [], 2)).length).toBe(2);
    });

    it("ranks nodes by their number of relationships, either direction, ties by id", async () => {
      const degree = new Map<string, number>();
      for (const r of seed.relationships) {
        for (const end of [r.from, r.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
      }
      const companies = new Set(seed.companies.map((c) => c.id));
      const expected = [...degree]
        .filter(([id]) => companies.has(id))
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 5);
      const top = await store.mostConnected(["Company"], 5);
      expect(top.map((hub) => [hub.node.id, hub.relationships])).toEqual(expected);
      expect(top.every((hub) => hub.node.nodeKind === "Company")).toBe(true);
      const anyKind = await store.mostConnected([], 1000);
      expect(anyKind.length).toBe(seed.companies.length + seed.products.length + seed.people.length);
      expect(await store.mostConnected(["Company"], 0)).toEqual([]);
    });

    it("filters a node's relationships by kind, direction, product, status and date", async () => {
      const filter: RelationshipFilter = { kinds: ["BUYS_FROM"], direction: "IN", productIds: ["azure-openai"] };
      const [customers] = await store.relationshipsOf(["microsoft"], filter, {});
      expect(customers!.items.map((r) => r.from).sort()).toEqual(["g42", "intuit", "tiktok", "walmart"]);
      expect(customers!.totalCount).toBe(4);

      const [former] = await store.relationshipsOf(
        ["intuit"],
        { kinds: ["BUYS_FROM"], direction: "OUT", statuses: ["FORMER"] },
        {},
      );
      expect(former!.items.map((r) => r.to)).toEqual(["amazon"]);

      // asOf keeps what is valid that day. No source says when any of these purchases began, so
      // each is in force on any day, start unknown (validFrom null); Intuit's former Amazon spend has
      // no dates either, so its window is open (the status says it ended).
      const [february] = await store.relationshipsOf(["microsoft"], { ...filter, asOf: "2024-02-01" }, {});
      expect(february!.items.map((r) => r.from).sort()).toEqual(["g42", "intuit", "tiktok", "walmart"]);
      expect(february!.items.every((r) => r.validFrom === null)).toBe(true);
      const [june] = await store.relationshipsOf(["microsoft"], { ...filter, asOf: "2024-06-01" }, {});
      expect(june!.items.map((r) => r.from).sort()).toEqual(["g42", "intuit", "tiktok", "walmart"]);
      const [in2023] = await store.relationshipsOf(
        ["intuit"],
        { kinds: ["BUYS_FROM"], direction: "OUT", asOf: "2023-06-01" },
        {},
      );
      expect(in2023!.items.map((r) => r.to)).toEqual(["amazon", "microsoft"]);
    });

    it("reads symmetric relationships from either end whatever the direction asked", async () => {
      // Stored bytedance -> openai and microsoft -> google: read from the end each was not stored from, and from the one it was.
      for (const direction of ["OUT", "IN", "BOTH"] as const) {
        const [openai, google] = await store.relationshipsOf(
          ["openai", "google"],
          { kinds: ["COMPETES_WITH"], direction },
          {},
        );
        expect(openai!.items.map((r) => r.id)).toEqual(["bytedance-competes-with-openai"]);
        expect(google!.items.map((r) => r.id)).toEqual(["microsoft-competes-with-google-in-cloud"]);
        const [bytedance] = await store.relationshipsOf(["bytedance"], { kinds: ["COMPETES_WITH"], direction }, {});
        expect(bytedance!.items.map((r) => r.id)).toEqual(["bytedance-competes-with-openai"]);
      }
      const [byCounterpart] = await store.relationshipsOf(
        ["microsoft"],
        { kinds: ["COMPETES_WITH"], counterpartIds: ["amazon", "oracle"] },
        {},
      );
      expect(byCounterpart!.items.map((r) => (r.from === "microsoft" ? r.to : r.from)).sort()).toEqual([
        "amazon",
        "oracle",
      ]);
    });

    it("pages each node's relationships independently in one batch call", async () => {
      const filter: RelationshipFilter = { kinds: ["BUYS_FROM"], direction: "IN" };
      const [all] = await store.relationshipsOf(["microsoft"], filter, {});
      const [first, unknown, amazon] = await store.relationshipsOf(["microsoft", "no-such-company", "amazon"], filter, {
        first: 2,
      });
      expect(pageIds(first!)).toEqual(pageIds(all!).slice(0, 2));
      expect(first!.hasNextPage).toBe(true);
      expect(first!.totalCount).toBe(all!.totalCount);
      expect(unknown).toEqual({ items: [], totalCount: 0, hasNextPage: false, neighbours: [] });
      expect(pageIds(amazon!)).toEqual(["intuit-bought-aws-from-amazon"]);
      const [second] = await store.relationshipsOf(["microsoft"], filter, { first: 100, after: first!.items[1]!.id });
      expect([...pageIds(first!), ...pageIds(second!)]).toEqual(pageIds(all!));
      expect(second!.hasNextPage).toBe(false);
    });

    it("brings, when asked, the nodes at the other ends of a page's relationships, each once, ordered by id", async () => {
      const nodes = new Map([...seed.companies, ...seed.products, ...seed.people].map((n) => [n.id, n]));
      const cases: [string, RelationshipFilter, PageRequest][] = [
        ["microsoft", { kinds: ["BUYS_FROM"], direction: "IN" }, {}],
        ["microsoft", { kinds: ["BUYS_FROM"], direction: "IN" }, { first: 2 }],
        ["microsoft", {}, {}],
        ["microsoft", {}, { first: 3, after: "m" }],
        ["openai", { kinds: ["COMPETES_WITH"], direction: "OUT" }, {}],
        ["intuit", { direction: "OUT" }, { first: 1 }],
        ["azure-openai", {}, {}],
        ["satya-nadella", {}, {}],
      ];
      let repeated = false;
      for (const [id, filter, page] of cases) {
        const [result] = await store.relationshipsOf([id], filter, page, { withNeighbours: true });
        const [plain] = await store.relationshipsOf([id], filter, page);
        expect(plain).toEqual({ ...result, neighbours: [] });
        const others = result!.items.map((r) => (r.from === id ? r.to : r.from));
        repeated ||= new Set(others).size < others.length;
        const expected = [...new Set(others)].sort().map((o) => nodes.get(o));
        expect(result!.neighbours).toEqual(expected);
      }
      // Some node here is at the other end of several relationships, so deduplication is tested.
      expect(repeated).toBe(true);
      const [none] = await store.relationshipsOf(
        ["microsoft"],
        { productIds: ["no-such-product"] },
        {},
        { withNeighbours: true },
      );
      expect(none!.neighbours).toEqual([]);
    });

    it("reads only the parts asked for, on their own and together with other reads", async () => {
      const filter: RelationshipFilter = { kinds: ["BUYS_FROM"], direction: "IN", statuses: ["CURRENT"] };
      const parts = ["productId", "amount", "status"] as const;
      const [whole] = await store.relationshipsOf(["microsoft"], filter, {});
      expect(whole!.items.length).toBeGreaterThan(1);
      // The core (id, kind, ends, record time) and the parts, as the whole relationship has them; nothing else.
      const expected = whole!.items.map((r) => ({
        id: r.id,
        kind: r.kind,
        from: r.from,
        to: r.to,
        knownAt: r.knownAt,
        productId: r.productId,
        amount: r.amount,
        status: r.status,
      }));
      const [cut] = await store.relationshipsOf(["microsoft"], filter, {}, { parts });
      expect(cut!.items).toStrictEqual(expected);
      expect({ ...cut, items: [] }).toEqual({ ...whole, items: [] });
      const [[together], [competition]] = await store.relationshipsOfEach([
        { nodeIds: ["microsoft"], filter, page: {}, options: { parts } },
        { nodeIds: ["openai"], filter: { kinds: ["COMPETES_WITH"] }, page: {} },
      ]);
      expect(together!.items).toStrictEqual(expected);
      const [competitionWhole] = await store.relationshipsOf(["openai"], { kinds: ["COMPETES_WITH"] }, {});
      expect(competition).toEqual(competitionWhole);
      expect(competition!.items[0]).toHaveProperty("evidenceIds");
    });

    it("lists relationships across the graph with the same filters", async () => {
      const leads = await store.listRelationships({ kinds: ["LEADS"] }, {});
      expect(pageIds(leads).sort()).toEqual(["sasan-goodarzi-leads-intuit", "satya-nadella-leads-microsoft"]);
      const one = await store.listRelationships({ kinds: ["LEADS"] }, { first: 1 });
      expect(one.hasNextPage).toBe(true);
      expect(one.totalCount).toBe(2);
      const byProduct = await store.listRelationships({ kinds: ["BUYS_FROM"], productIds: ["aws"] }, {});
      expect(pageIds(byProduct)).toEqual(["intuit-bought-aws-from-amazon"]);
    });

    it("returns evidence, sources and metrics by id and subject", async () => {
      const evIds = seed.evidence.slice(0, 3).map((e) => e.id);
      expect(await store.evidenceByIds([...evIds, "missing"])).toEqual([...seed.evidence.slice(0, 3), null]);
      expect(await store.sourcesByIds([seed.sources[0]!.id, "missing"])).toEqual([seed.sources[0], null]);
      const [ms, none] = await store.metricsOf(["microsoft", "no-such"], ["REVENUE"]);
      expect(ms!.map((m) => m.kind)).toEqual(["REVENUE"]);
      expect(ms![0]).toEqual(seed.metrics.find((m) => m.id === ms![0]!.id));
      expect(none).toEqual([]);
      const [allOfMicrosoft] = await store.metricsOf(["microsoft"]);
      expect(allOfMicrosoft!.length).toBe(seed.metrics.filter((m) => m.subjectId === "microsoft").length);
    });

    it("answers ping while healthy and empties on clear", async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.clear();
      expect(await store.counts()).toEqual({
        companies: 0,
        products: 0,
        people: 0,
        sources: 0,
        evidence: 0,
        relationships: 0,
        claims: 0,
        metrics: 0,
      });
      await store.load(seed);
    });
  });
}
