import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import type { GraphStore } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { filing } from "../helpers/batches";
import { type CapturedLog, capturedLog } from "../helpers/captured-log";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";

const EDITOR_KEY = "editor-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)}`;
const RECORD = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { key } }`;
const CLAIMS = `{ relationship(id: "tiktok-buys-azure-openai-from-microsoft") { agreement { claims } } }`;
// Costs 100 x (1 + 2) = 300 under the paged estimator (nodes and id under each of 100 items).
const PAGE = `{ companies(first: 100) { nodes { id } } }`;

async function seeded(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.load(loadSeed());
  return store;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A persisted query sent as GET: its hash only, with the header CSRF prevention asks of GETs. */
function persistedGet(
  url: string,
  query: string,
  headers: Record<string, string> = { "apollo-require-preflight": "1" },
) {
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
  return fetch(`${url}?extensions=${encodeURIComponent(extensions)}`, { headers });
}

function register(url: string, query: string) {
  const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, extensions }),
  });
}

describe("abuse limits on the query text", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(await seeded(), { MAX_QUERY_TOKENS: "500", MAX_QUERY_DIRECTIVES: "5" });
  });
  afterAll(() => server?.stop());

  it("refuses too many tokens, too many directives and too long a text, each with its code and a 400", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(" ");
    const tokens = await server.gql(`{ ${aliases} }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors![0]).toMatchObject({
      message: expect.stringContaining("more that 500 tokens"),
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
    const directives = await server.gql(`{ __typename ${"@skip(if: false) ".repeat(6)} }`);
    expect(directives.status).toBe(400);
    expect(directives.errors![0]!.message).toBe("Directives limit of 5 exceeded, found 6.");
    const long = await server.gql(`{ __typename }${" ".repeat(20_001)}`);
    expect(long.status).toBe(400);
    expect(long.errors![0]).toMatchObject({
      message: "the query is 20015 characters long; the limit is 20000",
      extensions: { code: "QUERY_TOO_LONG" },
    });
  });

  it("does not suggest field names outside development", async () => {
    const misspelt = await server.gql(`{ compnies { totalCount } }`);
    expect(misspelt.errors![0]!.message).toBe('Cannot query field "compnies" on type "Query".');
    const dev = await startTestServer(await seeded(), { NODE_ENV: "development" });
    try {
      expect((await dev.gql(`{ compnies { totalCount } }`)).errors![0]!.message).toMatch(/Did you mean "companies"/);
    } finally {
      await dev.stop();
    }
  });
});

describe("per-client budgets of query cost", () => {
  let server: TestServer;
  beforeAll(async () => {
    const env = {
      API_KEYS,
      RATE_LIMIT_COST_PER_SECOND: "100",
      RATE_LIMIT_BURST: "50000",
      RATE_LIMIT_BURST_SECONDS: "30",
    };
    server = await startTestServer(await seeded(), { ...env, MAX_QUERY_COST: "50000" });
  });
  afterAll(() => server?.stop());

  it("answers 429 with Retry-After and RATE_LIMITED once a client has spent its budget; other clients go on", async () => {
    const limited = await spendUntilRefused(server.url, {});
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    const body = (await limited.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: retryAfter, cost: 300 });
    // A client with its own key has its own budget.
    const keyed = await postGraphQL(server.url, PAGE, undefined, { authorization: `Bearer ${EDITOR_KEY}` });
    expect(keyed.status).toBe(200);
    expect(keyed.body.data.companies.nodes.length).toBeGreaterThan(0);

    const metrics = await (await fetch(new URL("/metrics", server.url))).text();
    expect(metrics).toMatch(/^rate_limited_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^api_errors_total\{code="RATE_LIMITED"\} [1-9]/m);
  });
});

/** Sends the 300-cost page until the budget (100/s + a 50,000 burst) refuses one. */
async function spendUntilRefused(url: string, headers: Record<string, string>): Promise<Response> {
  for (let sent = 0; sent < 400; sent++) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: PAGE }),
    });
    if (res.status === 429) return res;
    expect(res.status).toBe(200);
    await res.text();
  }
  throw new Error("the budget never ran out");
}

describe("persisted queries over GET, Cache-Control and the response cache", () => {
  let server: TestServer;
  let log: CapturedLog;
  beforeAll(async () => {
    log = capturedLog();
    server = await startTestServer(await seeded(), { API_KEYS }, log.logger);
  });
  afterAll(() => server?.stop());

  it("answers a persisted query's GET with the answer and a Cache-Control header from the hints", async () => {
    const query = `{ company(id: "tiktok") { id name } }`;
    const unknown = await persistedGet(server.url, query);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
    expect((await register(server.url, query)).status).toBe(200);
    const res = await persistedGet(server.url, query);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("max-age=60, public");
    expect(await res.json()).toEqual({ data: { company: { id: "tiktok", name: "TikTok" } } });
    // CSRF prevention stays on: a GET without a preflight-forcing header is refused.
    expect((await persistedGet(server.url, query, {})).status).toBe(400);
  });

  it("hints analytics shorter, and never lets the change feed or a write be cached", async () => {
    const header = async (query: string, variables?: unknown, key?: string) => {
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      await res.text();
      return res.headers.get("cache-control");
    };
    expect(await header(`{ revenueFlows(company: "microsoft") { company { id } } }`)).toBe("max-age=15, public");
    expect(await header(`{ changes { totalCount } }`)).toBe("no-store");
    expect(await header(RECORD, filing("k-cache-header", "claim-cache-header"), EDITOR_KEY)).toBe("no-store");
  });

  it("serves a repeated read from the cache, and no answer from before a write after it", async () => {
    const first = await postGraphQL(server.url, CLAIMS);
    const repeated = await postGraphQL(server.url, CLAIMS);
    expect(repeated.body).toEqual(first.body);
    expect(log.lines.filter((l) => l.msg === "POST /graphql 200").at(-1)).toMatchObject({
      cached: true,
      storeCalls: 0,
    });

    const before = first.body.data.relationship.agreement.claims as number;
    const written = await postGraphQL(server.url, RECORD, filing("k-cache", "claim-cache"), {
      authorization: `Bearer ${EDITOR_KEY}`,
    });
    expect(written.body.errors).toBeUndefined();
    const after = await postGraphQL(server.url, CLAIMS);
    expect(after.body.data.relationship.agreement.claims).toBe(before + 1);
  });
});

describe("what an operator sees", () => {
  let server: TestServer;
  let log: CapturedLog;
  beforeAll(async () => {
    log = capturedLog();
    server = await startTestServer(await seeded(), {}, log.logger);
  });
  afterAll(() => server?.stop());

  it("logs one line per request: id, operation, cost, duration, store calls, result code", async () => {
    log.clear();
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-log-1" },
      body: JSON.stringify({
        query: `query Customers { company(id: "microsoft") { customers(first: 5) { totalCount } } }`,
      }),
    });
    await res.text();
    await server.get("/nowhere", { "x-request-id": "req-log-2" });
    const lines = log.lines.filter((l) => String(l.requestId).startsWith("req-log-"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      requestId: "req-log-1",
      method: "POST",
      path: "/graphql",
      status: 200,
      operation: "Customers",
      cost: 11,
      code: "OK",
      ms: expect.any(Number),
    });
    expect(lines[0]!.storeCalls).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ requestId: "req-log-2", status: 404, code: "NOT_FOUND", storeCalls: 0 });
  });

  it("exposes request, latency, error and store-call metrics after traffic", async () => {
    await server.gql(`{ company(id: "microsoft") { id } }`);
    await server.gql(`{ companies(first: 0) { totalCount } }`);
    const metrics = await server.get("/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(/^http_requests_total\{route="\/graphql",method="POST",status="200"\} [1-9]/m);
    expect(metrics.body).toMatch(/^http_request_duration_seconds_count\{route="\/graphql"\} [1-9]/m);
    expect(metrics.body).toMatch(/^api_errors_total\{code="BAD_USER_INPUT"\} [1-9]/m);
    expect(metrics.body).toMatch(
      /^store_call_duration_seconds_count\{store="memory",method="\w+",outcome="ok"\} [1-9]/m,
    );
    expect(metrics.body).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

/** A store whose every call takes `delayMs` first: a slow database. */
function slowStore(inner: GraphStore, delayMs: number): GraphStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || property === "ping") return value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
}

describe("the execution deadline", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(slowStore(await seeded(), 400), { REQUEST_TIMEOUT_MS: "300" });
  });
  afterAll(() => server?.stop());

  it("ends a request that outlives it with DEADLINE_EXCEEDED, without waiting for the slow call", async () => {
    const res = await server.gql(`{ company(id: "microsoft") { customers { nodes { customer { id } } } } }`);
    expect(res.errors![0]).toMatchObject({
      message: expect.stringContaining("did not finish within its 300 ms"),
      extensions: { code: "DEADLINE_EXCEEDED", timeoutMs: 300 },
    });
  });
});
