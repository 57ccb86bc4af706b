import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { type CapturedLog, capturedLog } from "../helpers/captured-log";
import { startTestServer, type TestServer } from "../helpers/http-server";

const COMPANY = `{ company(id: "microsoft") { id name customers(first: 3) { totalCount } } }`;
const EXPORT = "/export/graph.cyjs?center=microsoft&depth=1";
const TOO_LARGE = JSON.stringify({ query: `{ __typename }`, padding: "x".repeat(300_000) });

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
  headers: Headers;
}

async function send(origin: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(origin + path, init);
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    body: await res.text(),
    headers: res.headers,
  };
}

const json = (body: string) => ({ method: "POST", headers: { "content-type": "application/json" }, body });

/** A coded JSON error, never a page, a stack or a file path. */
function expectCoded(answer: Answer, status: number, code: string, shape: "graphql" | "route"): void {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
  expect(answer.body).not.toMatch(/<html|<!DOCTYPE|\n\s+at |node_modules|\/src\//i);
  const parsed = JSON.parse(answer.body) as {
    error?: { code: string };
    errors?: { extensions: { code: string } }[];
  };
  const codes = shape === "graphql" ? parsed.errors?.map((e) => e.extensions.code) : [parsed.error?.code];
  expect(codes?.[0]).toBe(code);
}

describe.each(["production", "development"])("client mistakes on every route (NODE_ENV=%s)", (env) => {
  let server: TestServer;
  let origin: string;
  let log: CapturedLog;
  let baseline: { company: string; export: string };

  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    log = capturedLog();
    server = await startTestServer(store, { NODE_ENV: env }, log.logger);
    origin = new URL(server.url).origin;
    baseline = { company: JSON.stringify(await server.gql(COMPANY)), export: (await server.get(EXPORT)).body };
  });
  afterAll(async () => {
    // The server still gives the same answers after every mistake sent to it, and none was an internal error.
    expect(JSON.stringify(await server.gql(COMPANY))).toBe(baseline.company);
    expect((await server.get(EXPORT)).body).toBe(baseline.export);
    expect(log.errors()).toEqual([]);
    await server?.stop();
  });

  it("GraphQL: a malformed body, an oversized one, a mistyped variable, a wrong content type or method", async () => {
    expectCoded(await send(origin, "/graphql", json("{bad")), 400, "MALFORMED_JSON", "graphql");
    expectCoded(await send(origin, "/graphql", json(TOO_LARGE)), 413, "PAYLOAD_TOO_LARGE", "graphql");
    const mistyped = { query: "query($n: Int!) { companies(first: $n) { totalCount } }", variables: { n: "abc" } };
    const typed = await send(origin, "/graphql", json(JSON.stringify(mistyped)));
    expectCoded(typed, 400, "BAD_USER_INPUT", "graphql");
    expect(typed.body).toContain('Variable \\"$n\\" got invalid value \\"abc\\"');
    const plain = await send(origin, "/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expectCoded(plain, 415, "UNSUPPORTED_MEDIA_TYPE", "graphql");
    const deleted = await send(origin, "/graphql", { method: "DELETE" });
    expectCoded(deleted, 405, "METHOD_NOT_ALLOWED", "graphql");
    expect(deleted.headers.get("allow")).toBe("GET, POST");
    expectCoded(await send(origin, "/graphql", json(JSON.stringify({ query: 42 }))), 400, "BAD_REQUEST", "graphql");
    const badVariables = `/graphql?query=${encodeURIComponent("{ __typename }")}&variables=%7Bnot-json`;
    const get = await send(origin, badVariables, { headers: { "apollo-require-preflight": "1" } });
    expectCoded(get, 400, "BAD_REQUEST", "graphql");
  });

  it("GraphQL over HTTP: a client accepting application/graphql-response+json gets it, with 4xx for a bad document", async () => {
    const res = await send(origin, "/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: "{ company(id: ) }" }),
    });
    expectCoded(res, 400, "GRAPHQL_PARSE_FAILED", "graphql");
    expect(res.contentType).toMatch(/^application\/graphql-response\+json/);
    const malformed = await send(origin, "/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: "{",
    });
    expectCoded(malformed, 400, "MALFORMED_JSON", "graphql");
    expect(malformed.contentType).toMatch(/^application\/graphql-response\+json/);
  });

  it("exports: a mistyped or oversized parameter, a body sent to a download, a wrong method", async () => {
    expectCoded(await send(origin, "/export/graph.cyjs?center=microsoft&depth=abc"), 400, "BAD_USER_INPUT", "route");
    const many = Array.from({ length: 1_500 }, (_, i) => `c${i}`).join(",");
    expectCoded(await send(origin, `/export/graph.cyjs?center=${many}`), 400, "BAD_USER_INPUT", "route");
    expectCoded(await send(origin, "/export/matrix.csv?period=FORTNIGHT"), 400, "BAD_USER_INPUT", "route");
    expectCoded(await send(origin, "/export/graph.cyjs", json("{bad")), 405, "METHOD_NOT_ALLOWED", "route");
    expectCoded(await send(origin, "/export/graph.pdf"), 404, "NOT_FOUND", "route");
  });

  it("explorer, IDE assets, health, readiness and metrics: unknown files, wrong methods, malformed paths", async () => {
    expectCoded(await send(origin, "/explorer/secrets.js"), 404, "NOT_FOUND", "route");
    expectCoded(await send(origin, "/explorer", json("{}")), 405, "METHOD_NOT_ALLOWED", "route");
    expectCoded(await send(origin, "/ide-assets/../package.json"), 404, "NOT_FOUND", "route");
    expectCoded(await send(origin, "/explorer/%E0%A4%A"), 404, "NOT_FOUND", "route");
    for (const path of ["/health", "/ready", "/metrics"]) {
      const res = await send(origin, path, json(TOO_LARGE));
      expectCoded(res, 405, "METHOD_NOT_ALLOWED", "route");
      expect(res.headers.get("allow")).toBe("GET");
    }
    expectCoded(await send(origin, "/nowhere"), 404, "NOT_FOUND", "route");
  });

  it("gives every answer a request id, the client's own when it sent a sane one", async () => {
    for (const path of ["/health", "/nowhere", "/export/graph.cyjs?center=nobody", "/metrics"]) {
      expect((await send(origin, path)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    const echoed = await send(origin, "/graphql", { ...json(JSON.stringify({ query: COMPANY })) });
    expect(echoed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const own = await send(origin, "/health", { headers: { "x-request-id": "trace-7" } });
    expect(own.headers.get("x-request-id")).toBe("trace-7");
    const insane = await send(origin, "/health", { headers: { "x-request-id": "<script>" } });
    expect(insane.headers.get("x-request-id")).not.toBe("<script>");
  });
});
