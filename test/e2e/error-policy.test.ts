import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BadInputError, DomainError, StoreUnavailableError } from "../../src/domain/errors";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { loadSeed } from "../../seed/loader";
import { type CapturedLog, capturedLog } from "../helpers/captured-log";
import { type FailingStore, failingStore } from "../helpers/failing-store";
import { startTestServer, type TestServer } from "../helpers/http-server";

const COMPANY_QUERY = `{ company(id: "microsoft") { id name } }`;
const EXPORT_PATH = "/export/graph.cyjs?center=microsoft";

// What the Neo4j adapter throws when the driver fails in a way nobody planned for.
const driverFailure = () =>
  new DomainError("INTERNAL", "Neo4j query failed: Invalid input 'MATCHX' at line 1 (secret-label)", {
    neo4jCode: "Neo.ClientError.Statement.SyntaxError",
  });

interface ExportError {
  status: number;
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe("one error policy for GraphQL and the HTTP routes", () => {
  let failing: FailingStore;
  let log: CapturedLog;
  let server: TestServer;

  const exportError = async (path = EXPORT_PATH): Promise<ExportError> => {
    const res = await server.get(path);
    expect(res.contentType).toMatch(/^application\/json/);
    return { status: res.status, ...(JSON.parse(res.body) as Omit<ExportError, "status">) };
  };

  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    failing = failingStore(store);
    log = capturedLog();
    server = await startTestServer(failing.store, {}, log.logger);
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    failing.failWith(null);
    log.clear();
  });

  describe.each([
    ["an INTERNAL domain error from the Neo4j adapter", driverFailure, /Neo4j query failed/],
    ["an unexpected TypeError", () => new TypeError("cannot read properties of undefined"), /cannot read properties/],
  ])("%s", (_name, failure, original) => {
    it("reaches a GraphQL client masked, as INTERNAL_SERVER_ERROR, and is logged once in full", async () => {
      failing.failWith(failure());
      const res = await server.gql(COMPANY_QUERY);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({
        message: "Internal server error",
        path: ["company"],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(Object.keys(res.errors![0]!.extensions!)).toEqual(["code"]);
      expect(JSON.stringify(res)).not.toMatch(/Neo4j|secret|TypeError|stacktrace/);

      expect(log.errors()).toHaveLength(1);
      const [line] = log.errors();
      expect(line!.where).toBe("GraphQL company");
      expect((line!.err as { message: string; stack: string }).message).toMatch(original);
      expect((line!.err as { stack: string }).stack).toMatch(/\n\s+at /);
    });

    it("reaches an export download masked the same way, with status 500, and is logged once in full", async () => {
      failing.failWith(failure());
      const res = await exportError();
      expect(res).toEqual({ status: 500, error: { code: "INTERNAL_SERVER_ERROR", message: "Internal server error" } });

      expect(log.errors()).toHaveLength(1);
      const [line] = log.errors();
      expect(line!.where).toBe("GET /export/graph.cyjs");
      expect((line!.err as { message: string }).message).toMatch(original);
    });
  });

  it("logs the adapter's code and details with an INTERNAL error, for the operator", async () => {
    failing.failWith(driverFailure());
    await server.gql(COMPANY_QUERY);
    expect(log.errors()[0]!.err).toMatchObject({
      type: "DomainError",
      code: "INTERNAL",
      details: { neo4jCode: "Neo.ClientError.Statement.SyntaxError" },
    });
  });

  it("keeps a BAD_USER_INPUT's message and scalar details on both, and logs nothing", async () => {
    const message = "center 'microsoft' has too many neighbours for this view";
    failing.failWith(new BadInputError(message, { argument: "center", max: 3, ids: ["a", "b"], nested: { x: 1 } }));

    const res = await server.gql(COMPANY_QUERY);
    expect(res.errors![0]!.message).toBe(message);
    expect(res.errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", argument: "center", max: 3 });

    expect(await exportError()).toEqual({
      status: 400,
      error: { code: "BAD_USER_INPUT", message, details: { argument: "center", max: 3 } },
    });
    expect(log.errors()).toEqual([]);
  });

  it("keeps the message of argument validation on GraphQL, and of parameter checks on exports", async () => {
    const res = await server.gql(`{ companies(first: 0, country: "France") { totalCount } }`);
    expect(res.errors![0]).toEqual(
      expect.objectContaining({
        message: "Invalid arguments: country must be an ISO 3166-1 alpha-2 code such as AE; first must be at least 1",
        extensions: { code: "BAD_USER_INPUT" },
      }),
    );
    expect(await exportError("/export/graph.cyjs?center=microsoft&depth=10")).toMatchObject({
      status: 400,
      error: { code: "BAD_USER_INPUT", message: expect.stringContaining("between 1 and 4") },
    });
    expect(log.errors()).toEqual([]);
  });

  it("answers an outage with STORE_UNAVAILABLE on both, 503 on the export, and the reason on /health", async () => {
    const message = "Neo4j at bolt://db:7687 is unavailable: connect ECONNREFUSED";
    failing.failWith(new StoreUnavailableError(message));
    const res = await server.gql(COMPANY_QUERY);
    expect(res.errors![0]).toMatchObject({ message, extensions: { code: "STORE_UNAVAILABLE" } });
    expect(await exportError()).toEqual({ status: 503, error: { code: "STORE_UNAVAILABLE", message } });
    const health = JSON.parse((await server.get("/health")).body);
    expect(health.dependencies.store).toEqual({ name: "memory", status: "down", error: message });
    expect((await server.get("/ready")).status).toBe(503);
    expect(log.errors()).toEqual([]);
  });

  it("masks an internal failure of the health check and logs it", async () => {
    failing.failWith(driverFailure());
    const health = JSON.parse((await server.get("/health")).body);
    expect(health.dependencies.store).toEqual({ name: "memory", status: "down", error: "Internal server error" });
    expect(log.errors()).toHaveLength(1);
    expect(log.errors()[0]!.where).toBe("store health check");
  });

  it("answers a malformed JSON body with a GraphQL error and a 400 instead of Express's page with a stack", async () => {
    const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      errors: [{ message: expect.stringMatching(/not valid JSON/), extensions: { code: "MALFORMED_JSON" } }],
    });
    expect(log.errors()).toEqual([]);
  });

  it("shows the real message and details in development, under the same code", async () => {
    const dev = await startTestServer(failing.store, { NODE_ENV: "development" }, log.logger);
    try {
      failing.failWith(driverFailure());
      const res = await dev.gql(COMPANY_QUERY);
      expect(res.errors![0]!.message).toMatch(/^Neo4j query failed/);
      expect(res.errors![0]!.extensions).toMatchObject({
        code: "INTERNAL_SERVER_ERROR",
        neo4jCode: "Neo.ClientError.Statement.SyntaxError",
      });
      const exported = JSON.parse((await dev.get(EXPORT_PATH)).body) as ExportError;
      expect(exported.error).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: /^Neo4j query failed/ });
      expect(log.errors()).toHaveLength(2);
    } finally {
      await dev.stop();
    }
  });
});
