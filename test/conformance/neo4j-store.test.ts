import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalNeo4j, type LocalNeo4j } from "../../neo4j/launcher";
import { type Dataset, EMPTY_DATASET } from "../../src/domain/dataset";
import type { Company, Relationship } from "../../src/domain/entities";
import { DomainError, StoreUnavailableError } from "../../src/domain/errors";
import type { GraphStore, PageRequest, RelationshipFilter } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { Neo4jExecutor } from "../../src/store/neo4j/executor";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import type { Neo4jConfig } from "../../src/store/neo4j/neo4j-config";
import { loadSeed } from "../../seed/loader";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { relationshipRecord } from "../helpers/records";
import { graphStoreSuite } from "./graph-store.suite";

const cfg = neo4jTestConfig();

describe.skipIf(!cfg)("Neo4jStore", () => {
  graphStoreSuite("neo4j", async () => {
    const store = await Neo4jStore.connect(cfg!);
    await store.clear();
    return { store, dispose: () => store.close() };
  });

  describe("answers exactly like the memory store on the seed", () => {
    let neo4j: Neo4jStore;
    const memory = new MemoryStore();
    const seed = loadSeed();
    const nodeIds = [...seed.companies, ...seed.products, ...seed.people].map((n) => n.id);

    beforeAll(async () => {
      neo4j = await Neo4jStore.connect(cfg!);
      await neo4j.clear();
      await neo4j.load(seed);
      await memory.load(seed);
    });
    afterAll(() => neo4j?.close());

    const same = async <T>(call: (s: GraphStore) => Promise<T>) =>
      expect(await call(neo4j)).toStrictEqual(await call(memory));

    const filters: RelationshipFilter[] = [
      {},
      { kinds: ["BUYS_FROM"] },
      { kinds: ["BUYS_FROM"], direction: "IN", productIds: ["azure-openai"] },
      { direction: "OUT" },
      { direction: "IN", kinds: ["COMPETES_WITH", "PARTNERS_WITH", "BUYS_FROM"] },
      { statuses: ["FORMER", "PLANNED"] },
      { asOf: "2023-06-01" },
      { asOf: "2024-03-15", kinds: ["BUYS_FROM", "SUBSIDIARY_OF"] },
      { counterpartIds: ["tiktok", "openai", "microsoft"] },
      { productIds: ["no-such-product"] },
    ];
    const pages: PageRequest[] = [
      {},
      { first: 1 },
      { first: 2, after: "m" },
      { first: 0 },
      { first: 100, after: "zzz" },
    ];

    it("relationshipsOf, for every node, filter and page", async () => {
      for (const f of filters) {
        for (const p of pages) {
          for (const withNeighbours of [false, true])
            await same((s) => s.relationshipsOf([...nodeIds, "nope", nodeIds[0]!], f, p, { withNeighbours }));
        }
      }
      // Eighty statements, each over every node of the seed: on two busy cores that takes tens of seconds.
    }, 120_000);

    it("listRelationships, for every filter and page", async () => {
      for (const f of filters) for (const p of pages) await same((s) => s.listRelationships(f, p));
    });

    it("search: same hits, scores and order", async () => {
      for (const text of [
        "micro",
        "Microsoft",
        "open",
        "ai",
        "cloud",
        "tik",
        "BYTÉ",
        "g",
        "a",
        " azure  openai ",
        "nadella",
        "'\" OR 1=1 //",
      ]) {
        await same((s) => s.search(text, [], 50));
        await same((s) => s.search(text, ["Company", "Person"], 3));
      }
      await same((s) => s.search("", [], 10));
      await same((s) => s.search("a", [], 0));
    });

    it("lookups and lists", async () => {
      await same((s) => s.nodesByIds([...nodeIds, "nope", nodeIds[3]!]));
      await same((s) => s.nodesOfKindByIds("Product", [...nodeIds, "nope"]));
      await same((s) => s.nodesOfKindByIds("Person", nodeIds));
      await same((s) => s.relationshipsByIds([...seed.relationships.map((r) => r.id), "nope"]));
      await same((s) => s.evidenceByIds([...seed.evidence.map((e) => e.id), "nope"]));
      await same((s) => s.sourcesByIds(["nope", ...seed.sources.map((x) => x.id)]));
      await same((s) => s.metricsOf([...nodeIds, "nope"]));
      await same((s) => s.metricsOf(nodeIds, ["REVENUE", "CUSTOMER_SHARE"]));
      for (const p of pages) {
        await same((s) => s.listCompanies({}, p));
        await same((s) => s.listProducts(p));
      }
      await same((s) => s.listCompanies({ ids: ["microsoft", "g42", "azure-openai"] }, {}));
      await same((s) => s.listCompanies({ ids: [] }, {}));
      await same((s) => s.listCompanies({ country: "US", kind: seed.companies[0]!.kind }, { first: 2 }));
      await same((s) => s.counts());
    });

    it("makes again, at start, the views an older version of the rules made", async () => {
      const tiktok = "tiktok-buys-azure-openai-from-microsoft";
      const executor = new Neo4jExecutor(cfg!);
      try {
        // A view as an older version stored it: other figures, and no rules version.
        await executor.write(
          "MATCH ()-[r:BUYS_FROM {id: $id}]->() SET r.agreementClaims = 99, r.amountLow = 1 REMOVE r.viewRules",
          { id: tiktok },
          () => null,
        );
      } finally {
        await executor.close();
      }
      expect((await neo4j.relationshipsByIds([tiktok]))[0]!.agreement.claims).toBe(99);
      const restarted = await Neo4jStore.connect(cfg!);
      try {
        expect(await restarted.relationshipsByIds([tiktok])).toStrictEqual(await memory.relationshipsByIds([tiktok]));
      } finally {
        await restarted.close();
      }
    });
  });

  describe("batching, transactions and ids", () => {
    let store: Neo4jStore;
    let queries: string[] = [];
    const dataset = syntheticDataset(60);

    beforeAll(async () => {
      store = await Neo4jStore.connect(cfg!, { onQuery: (cypher) => queries.push(cypher) });
      await store.clear();
      await store.load(dataset);
    });
    afterAll(() => store?.close());

    const countQueries = async (call: () => Promise<unknown>) => {
      queries = [];
      await call();
      return queries.length;
    };

    it("runs one Cypher statement per batch call, whatever the number of ids", async () => {
      const ids = dataset.companies.slice(0, 50).map((c) => c.id);
      expect(ids).toHaveLength(50);
      const filter: RelationshipFilter = { kinds: ["BUYS_FROM"], direction: "IN" };
      expect(await countQueries(() => store.relationshipsOf(ids, filter, { first: 2 }))).toBe(1);
      expect(await countQueries(() => store.relationshipsOf(ids, {}, {}))).toBe(1);
      expect(await countQueries(() => store.nodesByIds(ids))).toBe(1);
      expect(await countQueries(() => store.nodesOfKindByIds("Company", ids))).toBe(1);
      expect(await countQueries(() => store.relationshipsByIds(dataset.relationships.map((r) => r.id)))).toBe(1);
      expect(await countQueries(() => store.evidenceByIds(dataset.evidence.map((e) => e.id)))).toBe(1);
      expect(await countQueries(() => store.sourcesByIds(["src", "nope"]))).toBe(1);
      expect(await countQueries(() => store.metricsOf(ids))).toBe(1);
      expect(await countQueries(() => store.listRelationships(filter, { first: 10 }))).toBe(1);
      expect(await countQueries(() => store.listCompanies({}, { first: 10 }))).toBe(1);
      expect(await countQueries(() => store.search("company", [], 10))).toBe(1);
      expect(await countQueries(() => store.counts())).toBe(1);

      const pages = await store.relationshipsOf(ids, filter, { first: 2 });
      const memory = new MemoryStore();
      await memory.load(dataset);
      expect(pages).toStrictEqual(await memory.relationshipsOf(ids, filter, { first: 2 }));
    });

    it("writes nothing of a load it refuses", async () => {
      const before = await store.counts();
      const broken: Dataset = {
        ...syntheticDataset(70),
        relationships: [
          ...syntheticDataset(70).relationships,
          rel("dangling", "BUYS_FROM", "c-0001", "no-such-company"),
        ],
      };
      await expect(store.load(broken)).rejects.toThrow(/no-such-company/);
      expect(await store.counts()).toEqual(before);
      expect(await store.nodesByIds(["c-0065"])).toEqual([null]);

      await expect(
        store.load({ ...EMPTY_DATASET, relationships: [rel("loop", "PARTNERS_WITH", "c-0001", "c-0001")] }),
      ).rejects.toThrow(/itself/);
      expect(await store.counts()).toEqual(before);
    });

    it("replaces a relationship whose id now has another kind or other ends, and a node that changed kind", async () => {
      const before = await store.counts();
      const moved = rel("c-0002-buys-from-c-0001", "PARTNERS_WITH", "c-0003", "c-0004");
      const retyped: Company = { ...dataset.companies[10]!, name: "Renamed", country: null };
      await store.load({ ...EMPTY_DATASET, companies: [retyped], relationships: [moved] });
      expect(await store.counts()).toEqual(before);
      expect(await store.relationshipsByIds([moved.id])).toEqual([moved]);
      expect(await store.nodesByIds([retyped.id])).toEqual([retyped]);

      const asProduct = {
        id: "c-0050",
        nodeKind: "Product" as const,
        name: "Now a product",
        aliases: [],
        description: null,
        evidenceIds: [],
        category: "x",
      };
      await store.load({ ...EMPTY_DATASET, products: [asProduct] });
      expect(await store.nodesOfKindByIds("Company", ["c-0050"])).toEqual([null]);
      expect(await store.nodesOfKindByIds("Product", ["c-0050"])).toEqual([asProduct]);
      expect((await store.counts()).companies).toBe(before.companies - 1);
      await store.load(dataset);
      expect(await store.counts()).toEqual({ ...before });
    });

    it("treats hostile input as data, never as Cypher", async () => {
      const hostile = ["') DETACH DELETE n //", "x`]->() DELETE r //", "$ids"];
      expect(await store.nodesByIds(hostile)).toEqual([null, null, null]);
      expect(await store.relationshipsByIds(hostile)).toEqual([null, null, null]);
      expect(await store.search("') MATCH (n) DETACH DELETE n //", [], 5)).toEqual([]);
      const [page] = await store.relationshipsOf(
        ["c-0001"],
        { counterpartIds: hostile, asOf: "' OR true //" },
        { after: "'" },
      );
      expect(page).toEqual({ items: [], totalCount: 0, hasNextPage: false, neighbours: [] });
      expect((await store.counts()).companies).toBe(dataset.companies.length);
    });

    it("reports other driver failures as INTERNAL with the Neo4j code", async () => {
      const executor = new Neo4jExecutor(cfg!);
      try {
        const err = await executor.read("RETURN nope(", {}, () => 1).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DomainError);
        expect(err).toMatchObject({
          code: "INTERNAL",
          details: { neo4jCode: "Neo.ClientError.Statement.SyntaxError" },
        });
      } finally {
        await executor.close();
      }
    });
  });

  describe("availability (a private server that is stopped and started again)", () => {
    let server: LocalNeo4j | undefined;
    let dataDir: string;
    const password = "test-password-1";

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-neo4j-restart-"));
      server = await startLocalNeo4j({ dataDir, port: 0, password });
    });
    afterAll(async () => {
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const config = (over: Partial<Neo4jConfig> = {}): Neo4jConfig => ({
      uri: server!.uri,
      user: "neo4j",
      password,
      database: null,
      ...over,
    });

    it("refuses wrong credentials with a one-line STORE_UNAVAILABLE that names no secret", async () => {
      const err = await Neo4jStore.connect(config({ password: "wrong-secret" })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect((err as Error).message).toBe(`Neo4j at ${server!.uri}: authentication failed for user 'neo4j'`);
      expect((err as Error).message).not.toContain("wrong-secret");
    });

    it("throws StoreUnavailableError while the server is down and works again once it is back", async () => {
      const store = await Neo4jStore.connect(config(), { maxTransactionRetryTimeMs: 2_000 });
      try {
        await store.load(loadSeed());
        await expect(store.ping()).resolves.toBeUndefined();
        const port = new URL(server!.uri.replace(/^bolt/, "http")).port;

        await server!.stop();
        const down = await store.ping().catch((e: unknown) => e);
        expect(down).toBeInstanceOf(StoreUnavailableError);
        expect((down as Error).message).toMatch(
          new RegExp(`^Neo4j at bolt://127\\.0\\.0\\.1:${port} is unavailable: .*ECONNREFUSED`),
        );
        expect((down as Error).message).not.toContain("\n");
        await expect(store.counts()).rejects.toBeInstanceOf(StoreUnavailableError);

        const unreachable = await Neo4jStore.connect(config()).catch((e: unknown) => e);
        expect(unreachable).toBeInstanceOf(StoreUnavailableError);
        expect((unreachable as Error).message).toMatch(
          new RegExp(`^Neo4j at bolt://127\\.0\\.0\\.1:${port} is unreachable: `),
        );

        server = await startLocalNeo4j({ dataDir, port: Number(port), password });
        // The same store object, no reconnect call: the driver dials the new server by itself.
        await expect(store.ping()).resolves.toBeUndefined();
        expect((await store.counts()).companies).toBe(loadSeed().companies.length);
      } finally {
        await store.close();
      }
    }, 120_000);
  });
});

function rel(id: string, kind: Relationship["kind"], from: string, to: string): Relationship {
  return relationshipRecord(id, kind, from, to, { evidenceIds: ["ev"] });
}

/** n companies; each buys from the one before it (with an amount) and from c-0001. */
function syntheticDataset(n: number): Dataset {
  const id = (i: number) => `c-${String(i).padStart(4, "0")}`;
  const companies: Company[] = Array.from({ length: n }, (_, i) => ({
    id: id(i + 1),
    nodeKind: "Company",
    name: `Company ${i + 1}`,
    aliases: i % 3 === 0 ? [`Alias ${i}`] : [],
    description: null,
    evidenceIds: ["ev"],
    country: i % 2 === 0 ? "US" : null,
    kind: "test",
  }));
  const relationships: Relationship[] = [];
  for (let i = 2; i <= n; i++) {
    relationships.push({
      ...rel(`${id(i)}-buys-from-${id(i - 1)}`, "BUYS_FROM", id(i), id(i - 1)),
      productId: "p",
      amount: {
        low: i,
        high: i % 4 === 0 ? Number.POSITIVE_INFINITY : i * 2,
        estimate: null,
        qualifier: i % 4 === 0 ? "AT_LEAST" : "RANGE",
        period: "MONTH",
        currency: "USD",
      },
      validFrom: `2020-01-${String((i % 28) + 1).padStart(2, "0")}`,
    });
    if (i > 2) relationships.push(rel(`${id(i)}-buys-from-${id(1)}`, "BUYS_FROM", id(i), id(1)));
  }
  return {
    ...EMPTY_DATASET,
    sources: [
      {
        id: "src",
        kind: "DATASET",
        title: "Test",
        publishedOn: "2024-01-01",
        language: "en",
        publisher: null,
        url: null,
        document: null,
        derivedFrom: [],
        derivations: [],
      },
    ],
    evidence: [
      {
        id: "ev",
        sourceId: "src",
        kind: "STATEMENT",
        quote: "q",
        locator: "p. 1",
        gloss: "g",
        refersTo: { from: null, to: null, label: "-" },
        disclosure: "REPORTED",
        facts: [],
      },
    ],
    companies,
    products: [
      { id: "p", nodeKind: "Product", name: "P", aliases: [], description: null, evidenceIds: [], category: null },
    ],
    relationships,
    metrics: [
      {
        id: "m1",
        kind: "REVENUE",
        subjectId: id(1),
        productId: "p",
        counterpartyId: null,
        description: "d",
        money: { low: 1, high: 2, estimate: 1.5, qualifier: "APPROXIMATE", period: "YEAR", currency: "USD" },
        quantity: null,
        refersTo: { from: "2024-01-01", to: null, label: "2024" },
        evidenceIds: ["ev"],
      },
    ],
  };
}
