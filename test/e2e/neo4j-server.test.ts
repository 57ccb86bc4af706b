import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalNeo4j, startLocalNeo4j } from "../../neo4j/launcher";
import { Neo4jExecutor } from "../../src/store/neo4j/executor";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { requestScope, withinRequest } from "../../src/store/request-scope";
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
    // The only server on this store: no change tail, whose counter reads would be counted below.
    server = await startTestServer(store, { CHANGE_TAIL_MS: "0" });
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

  it("gives a transaction the time its request has left, so Neo4j itself ends one that outlives it", async () => {
    const executor = new Neo4jExecutor(cfg!);
    try {
      const slow = "UNWIND range(1, 500000000) AS n WITH n WHERE n % 7 = 0 RETURN count(n) AS c";
      const scope = requestScope({ requestId: "slow-request", bookmarks: [], timeoutMs: 300 });
      const read = withinRequest(scope, () => executor.read(slow, {}, (record) => record.get("c")));
      await expect(read).rejects.toMatchObject({ code: "DEADLINE_EXCEEDED" });
      const running = await executor.read("SHOW TRANSACTIONS YIELD metaData RETURN metaData", {}, (record) =>
        record.get("metaData"),
      );
      expect(running.filter((metadata) => metadata?.requestId === "slow-request")).toEqual([]);
    } finally {
      await executor.close();
    }
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

  it("fails fast with STORE_UNAVAILABLE once Neo4j is killed under concurrent reads, and recovers by itself", async () => {
    const query = `{ company(id: "tiktok") { parent { id } } }`;
    expect((await server.gql(query)).data).toEqual({ company: { parent: { id: "bytedance" } } });
    expect((await server.get("/ready")).status).toBe(200);

    const traffic = concurrentReads(server, query, 8);
    await sleep(300);
    process.kill(neo4j!.pid, "SIGKILL");
    await neo4j!.exited;
    neo4j = null;

    const firstError = await traffic.firstError();
    // Readiness turns at once: the circuit is open, /ready does not wait on the driver.
    const ready = await server.get("/ready");
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: false, store: { name: "neo4j", status: "down" } });
    await sleep(2_000);
    const outage = await traffic.stop();

    const errors = outage.filter((answer) => answer.code !== "OK");
    expect(new Set(errors.map((answer) => answer.code))).toEqual(new Set(["STORE_UNAVAILABLE"]));
    expect(errors[0]!.message).toMatch(/Neo4j at bolt:\/\/127\.0\.0\.1:\d+ is (unavailable|unreachable)/);
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|\n\s+at /);
    // The outage's answers, once it is known: many of them, each fast (the bound the circuit exists for).
    const afterFirst = errors.filter((answer) => answer.startedAt > firstError.endedAt);
    expect(afterFirst.length).toBeGreaterThan(20);
    expect(
      percentile(
        afterFirst.map((answer) => answer.ms),
        0.99,
      ),
    ).toBeLessThan(1_000);

    neo4j = await startLocalNeo4j({ dataDir, port });
    await eventually(async () => (await server.gql(query)).data, { company: { parent: { id: "bytedance" } } });
    expect((await server.get("/ready")).status).toBe(200);
  }, 180_000);
});

interface TimedAnswer {
  readonly startedAt: number;
  readonly endedAt: number;
  readonly ms: number;
  readonly code: string;
  readonly message: string;
}

/** `readers` clients reading `query` in a loop until stopped; every answer timed and coded. */
function concurrentReads(server: TestServer, query: string, readers: number) {
  const answers: TimedAnswer[] = [];
  let running = true;
  const reader = async () => {
    while (running) {
      const startedAt = performance.now();
      const res = await server.gql(query);
      const endedAt = performance.now();
      const error = res.errors?.[0];
      const code = error ? String(error.extensions?.code) : "OK";
      answers.push({ startedAt, endedAt, ms: endedAt - startedAt, code, message: error?.message ?? "" });
    }
  };
  const loops = Array.from({ length: readers }, reader);
  return {
    async firstError(): Promise<TimedAnswer> {
      for (;;) {
        const found = answers.find((answer) => answer.code !== "OK");
        if (found) return found;
        await sleep(20);
      }
    },
    async stop(): Promise<TimedAnswer[]> {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `read` gives `expected` (the server is not restarted; it finds Neo4j again by itself). */
async function eventually(read: () => Promise<unknown>, expected: unknown): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 120; attempt++) {
    last = await read().catch((err: unknown) => err);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await sleep(250);
  }
  expect(last).toEqual(expected);
}
