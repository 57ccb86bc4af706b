import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { loadSeed } from "../../seed/loader";
import { countingStore, type CountingStore } from "../helpers/counting-store";
import { type GraphQLResponse, startTestServer, type TestServer } from "../helpers/http-server";
import {
  CompaniesPageDocument,
  type CompaniesPageQuery,
  CompanyCustomersDocument,
  CompanyGroupDocument,
  CompanyNeighbourhoodDocument,
  NestedCustomersDocument,
  NestedCustomersOfSearchHitsDocument,
  SearchDocument,
} from "../operations/generated";

describe("GraphQL over HTTP on the embedded store with the seed", () => {
  let server: TestServer;
  let counting: CountingStore;

  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    counting = countingStore(store);
    // The server is its store's only writer: no change tail, whose reads would be counted.
    server = await startTestServer(counting.store, { CHANGE_TAIL_MS: "0" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists Microsoft's Azure OpenAI customers with spend intervals and evidence quotes", async () => {
    const res = await server.gql(CompanyCustomersDocument, { id: "microsoft", product: ["azure-openai"] });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.company!.customers.nodes;
    expect(nodes.map((n) => n.customer.id).sort()).toEqual(["g42", "intuit", "tiktok", "walmart"]);
    const tiktok = nodes.find((n) => n.customer.id === "tiktok")!;
    expect(tiktok.spend).toMatchObject({
      estimate: 20_000_000,
      low: 18_000_000,
      high: 20_000_000,
      qualifier: "APPROXIMATE",
      period: "MONTH",
      currency: "USD",
    });
    expect(tiktok.evidence.map((e) => e.quote).join(" ")).toContain("quase US$ 20 milhões por mês");
    for (const other of nodes.filter((n) => n.customer.id !== "tiktok")) {
      expect(other.spend).toMatchObject({ low: 1_000_000, high: null, qualifier: "AT_LEAST", period: "MONTH" });
    }
    for (const n of nodes) {
      expect(n.evidence.length).toBeGreaterThan(0);
      for (const e of n.evidence) {
        expect(e.quote.length).toBeGreaterThan(10);
        expect(e.source).toMatchObject({ language: "pt", publishedOn: "2024-08-01" });
      }
    }
  });

  it("lists every customer of Microsoft, all products, each with evidence", async () => {
    const res = await server.gql(CompanyCustomersDocument, { id: "microsoft" });
    const nodes = res.data!.company!.customers.nodes;
    expect(nodes.map((n) => n.customer.id)).toEqual(
      expect.arrayContaining(["tiktok", "walmart", "intuit", "g42", "openai"]),
    );
    expect(nodes.every((n) => n.evidence.length > 0)).toBe(true);
  });

  it("filters customers by date: TikTok's start is unknown, so it counts in 2023 and says so", async () => {
    const res = await server.gql(CompanyCustomersDocument, {
      id: "microsoft",
      product: ["azure-openai"],
      asOf: "2023-06-01",
    });
    const tiktok = res.data!.company!.customers.nodes.find((n) => n.customer.id === "tiktok");
    expect(tiktok).toMatchObject({ validFrom: null, startKnown: false, firstReported: "2024-08-01" });
  });

  it("filters customers by record time: before the article was recorded, none were known", async () => {
    const before = await server.gql(CompanyCustomersDocument, { id: "microsoft", knownAt: "2024-07-31" });
    expect(before.data!.company!.customers).toMatchObject({ totalCount: 0, nodes: [] });
    const after = await server.gql(CompanyCustomersDocument, { id: "microsoft", knownAt: "2024-08-01" });
    expect(after.data!.company!.customers.nodes.map((n) => n.customer.id)).toContain("tiktok");
  });

  it("knows that ByteDance owns TikTok", async () => {
    const res = await server.gql(CompanyGroupDocument, { id: "tiktok" });
    expect(res.data!.company).toMatchObject({ parent: { id: "bytedance" }, ultimateParent: { id: "bytedance" } });
    const parent = await server.gql(CompanyGroupDocument, { id: "bytedance" });
    expect(parent.data!.company!.subsidiaries.nodes.map((n) => n.company.id)).toEqual(["tiktok"]);
  });

  it("returns null for an unknown but well-formed id", async () => {
    const res = await server.gql(CompanyGroupDocument, { id: "no-such-company" });
    expect(res.errors).toBeUndefined();
    expect(res.data!.company).toBeNull();
  });

  it("reads competitors, partners, products, people and metrics with their evidence", async () => {
    const ms = (await server.gql(CompanyNeighbourhoodDocument, { id: "microsoft" })).data!.company!;
    expect(ms.competitors.nodes.map((n) => n.company.id).sort()).toEqual(["amazon", "google", "oracle"]);
    expect(ms.products.nodes.map((n) => n.product.id)).toEqual(expect.arrayContaining(["azure-openai", "copilot"]));
    expect(ms.people.nodes).toEqual([
      { person: { id: "satya-nadella", name: "Satya Nadella" }, relationship: { role: "CEO" } },
    ]);
    expect(ms.relationships.nodes.every((r) => r.evidence.length > 0)).toBe(true);
    const revenue = ms.metrics.find((m) => m.kind === "REVENUE")!;
    expect(revenue.money).toMatchObject({ estimate: 1_000_000_000, period: "YEAR" });
    const g42 = (await server.gql(CompanyNeighbourhoodDocument, { id: "g42" })).data!.company!;
    expect(g42.partners.nodes.map((n) => n.company.id)).toEqual(["openai"]);
  });

  it("pages companies with cursors until the end", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const res: GraphQLResponse<CompaniesPageQuery> = await server.gql(CompaniesPageDocument, { first: 4, after });
      const page = res.data!.companies;
      total = page.totalCount;
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it("searches ignoring case and accents, with ranked hits", async () => {
    const res = await server.gql(SearchDocument, { text: "TÍKTOK" });
    expect(res.data!.search.nodes[0]).toMatchObject({ node: { __typename: "Company", id: "tiktok" }, score: 3 });
    // `hits`, deprecated, answers the same items as `nodes`, the name every list uses.
    expect(res.data!.search.hits.map((h) => h.node.id)).toEqual(res.data!.search.nodes.map((n) => n.node.id));
    const page1 = await server.gql(SearchDocument, { text: "o", first: 2 });
    expect(page1.data!.search.pageInfo.hasNextPage).toBe(true);
    const page2 = await server.gql(SearchDocument, {
      text: "o",
      first: 2,
      after: page1.data!.search.pageInfo.endCursor,
    });
    const ids1 = page1.data!.search.nodes.map((h) => h.node.id);
    const ids2 = page2.data!.search.nodes.map((h) => h.node.id);
    expect(ids2.some((id) => ids1.includes(id))).toBe(false);
  });

  it("batches nested lists: store calls grow with query depth, not with the number of companies", async () => {
    const callsFor = async (first: number) => {
      counting.reset();
      const res = await server.gql(NestedCustomersDocument, { first });
      expect(res.errors).toBeUndefined();
      return { calls: Object.fromEntries(counting.calls), companies: res.data!.companies.nodes.length };
    };
    const small = await callsFor(2);
    const large = await callsFor(10);
    expect(large.companies).toBeGreaterThan(small.companies);
    // The whole read is planned at the root: companies, their customers, those customers' suppliers.
    expect(large.calls).toEqual(small.calls);
    expect(large.calls).toEqual({ readPlan: 1 });
  });

  it("plans lists under search hits where they are reached: one store call for every hit's subtree", async () => {
    const callsFor = async (first: number) => {
      counting.reset();
      const res = await server.gql(NestedCustomersOfSearchHitsDocument, { text: "o", first });
      expect(res.errors).toBeUndefined();
      return { calls: Object.fromEntries(counting.calls), hits: res.data!.search.hits.length };
    };
    const small = await callsFor(2);
    const large = await callsFor(8);
    expect(large.hits).toBeGreaterThan(small.hits);
    // The search, then the customers of every hit with those customers' suppliers, planned at the
    // first list under the hits: the same calls however many hits.
    expect(small.calls).toEqual(large.calls);
    expect(large.calls).toEqual({ search: 1, readPlan: 1 });
  });

  describe("guard rails", () => {
    const expectError = async (query: string, code: string, pattern: RegExp) => {
      const res = await server.gql(query);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(pattern);
      expect(JSON.stringify(res)).not.toMatch(/stacktrace|at Object\.|node_modules/);
      // The server keeps serving afterwards.
      const ok = await server.gql(`{ company(id: "tiktok") { id } }`);
      expect(ok.data).toEqual({ company: { id: "tiktok" } });
    };

    it("refuses a query deeper than the limit", async () => {
      let q = "id";
      for (let i = 0; i < 8; i++) q = `customer { suppliers { nodes { supplier { customers { nodes { ${q} } } } } } }`;
      await expectError(
        `{ company(id: "microsoft") { customers { nodes { ${q} } } } }`,
        "GRAPHQL_VALIDATION_FAILED",
        /depth/i,
      );
    });

    it("refuses a query whose estimated cost is over the limit", async () => {
      await expectError(
        `{ companies(first: 100) { nodes { customers(first: 100) { nodes { customer { suppliers(first: 100) { nodes { id } } } } } } } }`,
        "QUERY_TOO_COSTLY",
        /too costly.*limit is 50000/,
      );
    });

    it("costs the same document anew for other variables", async () => {
      const query = `query Nested($n: Int!) {
        companies(first: $n) { nodes { customers(first: $n) { nodes { customer { suppliers(first: $n) { nodes { id } } } } } } }
      }`;
      // By hand: nodes { id } is 2, suppliers 3n, customer 1 + 3n, its nodes 2 + 3n, customers n(3 + 3n),
      // its nodes 1 + n(3 + 3n), companies n(2 + 3n + 3n²): 3,320 at n = 10, 83,760 at n = 30.
      const within = await server.gql(query, { n: 10 });
      expect(within.errors).toBeUndefined();
      const over = await server.gql(query, { n: 30 });
      expect(over.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
      expect(over.errors?.[0]?.message).toMatch(/estimated cost is 83760, the limit is 50000/);
      const again = await server.gql(query, { n: 10 });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(within.data);
    });

    it("refuses first: 100000 with the allowed range", async () => {
      await expectError(
        `{ companies(first: 100000) { totalCount } }`,
        "BAD_USER_INPUT",
        /first must be between 1 and 100/,
      );
      await expectError(`{ companies(first: 0) { totalCount } }`, "BAD_USER_INPUT", /first must be at least 1/);
    });

    it("refuses a malformed id, a forged cursor and an empty search", async () => {
      await expectError(
        `{ company(id: "Micro$oft; DROP") { id } }`,
        "BAD_USER_INPUT",
        /not a valid id.*lowercase slugs/,
      );
      await expectError(
        `{ companies(after: "bm90LWEtY3Vyc29y") { totalCount } }`,
        "BAD_USER_INPUT",
        /not a cursor this API issued/,
      );
      await expectError(`{ search(text: "  ") { totalCount } }`, "BAD_USER_INPUT", /must not be empty/);
      await expectError(
        `{ company(id: "microsoft") { customers(product: ["Azure OpenAI"]) { totalCount } } }`,
        "BAD_USER_INPUT",
        /product ids are lowercase slugs/,
      );
    });

    it("refuses too many aliases", async () => {
      const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: company(id: "tiktok") { id }`).join(" ");
      await expectError(`{ ${aliases} }`, "GRAPHQL_VALIDATION_FAILED", /aliases/i);
    });

    it("keeps CSRF prevention on: a simple GET query without a preflight header is refused", async () => {
      const res = await server.get(`/graphql?query=${encodeURIComponent("{ storeInfo { store } }")}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatch(/CSRF/i);
    });
  });

  it("serves the GraphQL IDE from its own assets, with no external URL", async () => {
    const page = await server.get("/graphql", { accept: "text/html" });
    expect(page.status).toBe(200);
    expect(page.body).toContain("/ide-assets/graphiql.min.js");
    expect(page.body).not.toMatch(/https?:\/\/(?!localhost)/);
    for (const asset of [
      "graphiql.min.js",
      "graphiql.min.css",
      "react.production.min.js",
      "react-dom.production.min.js",
    ]) {
      const res = await server.get(`/ide-assets/${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.body.length).toBeGreaterThan(1000);
    }
    expect((await server.get("/ide-assets/package.json")).status).toBe(404);
  });

  it("reports health and readiness", async () => {
    const health = await server.get("/health");
    expect(JSON.parse(health.body)).toEqual({
      status: "ok",
      dependencies: { store: { name: "memory", status: "up" } },
    });
    expect((await server.get("/ready")).status).toBe(200);
  });
});
