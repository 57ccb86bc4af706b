import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalNeo4j, startLocalNeo4j } from "../../neo4j/launcher";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { loadSeed } from "../../seed/loader";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { CompanyCustomersDocument, NestedCustomersDocument } from "../operations/generated";

const cfg = neo4jTestConfig();

describe.skipIf(!cfg)("the API served from Neo4j over HTTP", () => {
  let server: TestServer;
  let store: Neo4jStore;
  const queries: string[] = [];

  beforeAll(async () => {
    store = await Neo4jStore.connect(cfg!, { onQuery: (cypher) => queries.push(cypher) });
    await store.clear();
    await store.load(loadSeed());
    server = await startTestServer(store);
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });

  it("serves the seed's answers", async () => {
    const res = await server.gql(CompanyCustomersDocument, { id: "microsoft", product: ["azure-openai"] });
    const nodes = res.data!.company!.customers.nodes;
    expect(nodes.map((n) => n.customer.id).sort()).toEqual(["g42", "intuit", "tiktok", "walmart"]);
    expect(nodes.find((n) => n.customer.id === "tiktok")!.spend).toMatchObject({
      estimate: 20_000_000,
      high: 20_000_000,
    });
    expect(nodes.find((n) => n.customer.id === "g42")!.spend).toMatchObject({
      low: 1_000_000,
      high: null,
      qualifier: "AT_LEAST",
    });
  });

  it("runs one Cypher statement for a nested read, whatever the number of items", async () => {
    const count = async (first: number) => {
      queries.length = 0;
      const res = await server.gql(NestedCustomersDocument, { first });
      expect(res.errors).toBeUndefined();
      return { cypher: queries.length, companies: res.data!.companies.nodes.length };
    };
    const small = await count(2);
    const large = await count(10);
    expect(large.companies).toBeGreaterThan(small.companies);
    expect(large.cypher).toBe(small.cypher);
    // The whole read is planned at the root: companies, their customers, those customers' suppliers.
    expect(large.cypher).toBe(1);
  });
});

describe.skipIf(!cfg)("when Neo4j goes away under a running server", () => {
  let neo4j: LocalNeo4j | null = null;
  let server: TestServer;
  let store: Neo4jStore;
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-outage-"));
    neo4j = await startLocalNeo4j({ dataDir, port: 0 });
    port = Number(new URL(neo4j.uri.replace("bolt:", "http:")).port);
    store = await Neo4jStore.connect({ uri: neo4j.uri, user: "neo4j", password: null, database: null });
    await store.load(loadSeed());
    server = await startTestServer(store);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await store?.close();
    await neo4j?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers with STORE_UNAVAILABLE and a failing readiness check, then recovers by itself", async () => {
    const query = `{ company(id: "tiktok") { parent { id } } }`;
    expect((await server.gql(query)).data).toEqual({ company: { parent: { id: "bytedance" } } });
    expect((await server.get("/ready")).status).toBe(200);

    await neo4j!.stop();
    neo4j = null;

    const down = await server.gql(query);
    expect(down.errors?.[0]?.extensions?.code).toBe("STORE_UNAVAILABLE");
    expect(down.errors?.[0]?.message).toMatch(/Neo4j at bolt:\/\/127\.0\.0\.1:\d+ is (unavailable|unreachable)/);
    expect(JSON.stringify(down)).not.toMatch(/stacktrace|\n\s+at /);
    const ready = await server.get("/ready");
    expect(ready.status).toBe(503);
    const health = JSON.parse((await server.get("/health")).body);
    expect(health).toMatchObject({ status: "degraded", dependencies: { store: { name: "neo4j", status: "down" } } });

    neo4j = await startLocalNeo4j({ dataDir, port });
    expect((await server.get("/ready")).status).toBe(200);
    expect((await server.gql(query)).data).toEqual({ company: { parent: { id: "bytedance" } } });
  }, 180_000);
});
