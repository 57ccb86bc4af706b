import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import { loadConfig } from "../../src/server/config";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { filing } from "../helpers/batches";
import { startTestServer, type TestServer } from "../helpers/http-server";

const APP = "http://localhost:3000";
const EDITOR_KEY = "editor-key-0123456789";
const RECORD = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { key claimIds } }`;

async function seededServer(env: Record<string, string>): Promise<TestServer> {
  const store = new MemoryStore();
  await store.load(loadSeed());
  return startTestServer(store, env);
}

/** The browser's preflight for a JSON POST with a credential. */
function preflight(server: TestServer, origin: string, path = "/graphql") {
  return fetch(new URL(path, server.url), {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, authorization",
    },
  });
}

describe("CORS for frontends on their own origin", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await seededServer({
      CORS_ORIGINS: `${APP},https://app.example.com`,
      API_KEYS: `ana:editor:${hashKey(EDITOR_KEY)}`,
    });
  });
  afterAll(() => server?.stop());

  it("answers an allowed origin's preflight 204 with the methods and headers the API takes", async () => {
    const res = await preflight(server, APP);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,POST");
    const headers = res.headers.get("access-control-allow-headers")!.split(",");
    expect(headers).toEqual(expect.arrayContaining(["content-type", "authorization", "apollo-require-preflight"]));
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("gives any other origin no CORS header at all", async () => {
    for (const origin of ["http://localhost:3001", "https://evil.example", "null"]) {
      const res = await preflight(server, origin);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.status).toBe(405);
      await res.text();
    }
  });

  it("lets an allowed origin write with its credential, and read the answer", async () => {
    const res = await fetch(server.url, {
      method: "POST",
      headers: { origin: APP, "content-type": "application/json", authorization: `Bearer ${EDITOR_KEY}` },
      body: JSON.stringify({ query: RECORD, variables: filing("k-cors", "claim-cors") }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(((await res.json()) as { data: { recordBatch: { claimIds: string[] } } }).data.recordBatch.claimIds).toEqual(
      ["claim-cors"],
    );
  });

  it("opens the export downloads to the same origins", async () => {
    const allowed = await fetch(new URL("/export/graph.graphml?center=microsoft", server.url), {
      headers: { origin: APP },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP);
    expect(allowed.headers.get("access-control-expose-headers")).toContain("content-disposition");
    await allowed.text();
    expect((await preflight(server, APP, "/export/matrix.csv")).status).toBe(204);
  });

  it("keeps CSRF prevention: a cross-origin GET that forced no preflight is still refused", async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { origin: APP },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Cross-Site Request Forgery");
  });
});

describe("what is allowed when CORS_ORIGINS is not set", () => {
  it("in production, no other origin", async () => {
    const server = await seededServer({});
    try {
      expect((await preflight(server, APP)).headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it("in development, any local port (a dev server), and nothing else", async () => {
    const server = await seededServer({ NODE_ENV: "development" });
    try {
      expect((await preflight(server, APP)).headers.get("access-control-allow-origin")).toBe(APP);
      expect((await preflight(server, "http://127.0.0.1:5173")).status).toBe(204);
      expect(
        (await preflight(server, "https://app.example.com")).headers.get("access-control-allow-origin"),
      ).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it("refuses to start with an entry that is not an origin", () => {
    expect(() => loadConfig({ CORS_ORIGINS: "https://app.example.com/path,localhost:3000" })).toThrow(
      /CORS_ORIGINS: "https:\/\/app.example.com\/path" is not an origin[\s\S]*CORS_ORIGINS: "localhost:3000"/,
    );
  });
});
