import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hashKey } from "../../src/server/auth";
import { loadConfig } from "../../src/server/config";
import { filing } from "../helpers/batches";
import { type CapturedLog, capturedLog } from "../helpers/captured-log";
import { gatedSeed, type GatedStore, metric, untilMetric } from "../helpers/gated-store";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";

const EDITOR_KEY = "admission-editor-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)}`;
const RECORD = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { key } }`;
const COMPANY = `query ($id: ID!) { company(id: $id) { id name } }`;

/** The write that holds the one place to execute until the gate opens. */
function heldWrite(server: TestServer, key: string) {
  return postGraphQL(server.url, RECORD, filing(key, `claim-${key}`), { authorization: `Bearer ${EDITOR_KEY}` });
}

describe("admission: one operation at a time, one in line", () => {
  let gated: GatedStore;
  let server: TestServer;
  let log: CapturedLog;
  beforeAll(async () => {
    gated = await gatedSeed();
    log = capturedLog();
    server = await startTestServer(
      gated.store,
      {
        API_KEYS,
        MAX_CONCURRENT_OPERATIONS: "1",
        MAX_QUEUED_OPERATIONS: "1",
        REQUEST_TIMEOUT_MS: "400",
        // The answers are read from the store every time, so that a request that ran is seen to.
        RESPONSE_CACHE_MB: "0",
        // No change tail: its reads of the store would be counted as a request's.
        CHANGE_TAIL_MS: "0",
      },
      log.logger,
    );
  });
  afterEach(() => gated.reset());
  afterAll(() => server?.stop());

  it("runs one, queues the next until the first is done, and refuses the third with 503 SERVER_BUSY and Retry-After", async () => {
    const first = heldWrite(server, "k-held-1");
    await gated.entered;
    const callsWhileHeld = gated.calls.length;
    const second = postGraphQL(server.url, COMPANY, { id: "microsoft" });
    await untilMetric(server, "graphql_operations_queued", 1);

    const third = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: COMPANY, variables: { id: "openai" } }),
    });
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("1");
    const refusal = (await third.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
    expect(refusal.errors[0]!.extensions.code).toBe("SERVER_BUSY");
    expect(refusal.data).toBeUndefined();
    // Neither the queued request nor the refused one has touched the store.
    expect(gated.calls.length).toBe(callsWhileHeld);
    expect(await metric(server, "graphql_operations_running")).toBe(1);

    gated.release();
    const [written, read] = await Promise.all([first, second]);
    expect(written.status).toBe(200);
    expect(written.body.data.recordBatch.key).toBe("k-held-1");
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ data: { company: { id: "microsoft", name: "Microsoft" } } });
    expect(gated.calls.slice(callsWhileHeld).length).toBeGreaterThan(0);
    expect(await metric(server, "graphql_operations_refused_total")).toBe(1);
    await untilMetric(server, "graphql_operations_running", 0);
  });

  it("answers a request whose deadline passes while it waits with DEADLINE_EXCEEDED, and never runs it", async () => {
    const first = heldWrite(server, "k-held-2");
    await gated.entered;
    const callsWhileHeld = gated.calls.length;

    const late = await postGraphQL(server.url, COMPANY, { id: "microsoft" });
    expect(late.status).toBe(504);
    expect(late.body.errors![0]).toMatchObject({
      message: expect.stringContaining("did not finish within its 400 ms"),
      extensions: { code: "DEADLINE_EXCEEDED" },
    });
    expect(late.body.data).toBeUndefined();
    expect(gated.calls.length).toBe(callsWhileHeld);
    expect(await metric(server, "graphql_operations_queued")).toBe(0);

    // The write that held the place is not lost: it commits once the store lets it.
    gated.release();
    expect((await first).body.data.recordBatch.key).toBe("k-held-2");
    expect(await gated.store.receiptFor("k-held-2")).not.toBeNull();
  });

  it("gives the place of a client that disconnects while queued to the next one", async () => {
    const first = heldWrite(server, "k-held-3");
    await gated.entered;
    const callsWhileHeld = gated.calls.length;
    const leaving = new AbortController();
    const left = fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: COMPANY, variables: { id: "openai" } }),
      signal: leaving.signal,
    }).catch((err: unknown) => err);
    await untilMetric(server, "graphql_operations_queued", 1);
    leaving.abort();
    expect(await left).toBeInstanceOf(Error);
    await untilMetric(server, "graphql_operations_queued", 0);

    // Its place is free: the next request waits in line instead of being refused.
    const next = postGraphQL(server.url, COMPANY, { id: "microsoft" });
    await untilMetric(server, "graphql_operations_queued", 1);
    expect(gated.calls.length).toBe(callsWhileHeld);
    gated.release();
    expect((await next).body).toEqual({ data: { company: { id: "microsoft", name: "Microsoft" } } });
    expect((await first).status).toBe(200);
  });

  it("runs a queued request in its own request scope (its id, its store calls), not in the one before it", async () => {
    const first = heldWrite(server, "k-held-5");
    await gated.entered;
    const queued = fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "queued-read" },
      body: JSON.stringify({ query: COMPANY, variables: { id: "microsoft" } }),
    });
    await untilMetric(server, "graphql_operations_queued", 1);
    gated.release();
    expect((await queued).status).toBe(200);
    expect((await first).status).toBe(200);
    // Its log line is written once its answer is out; had it run in the held write's scope, it would count no calls.
    const line = await vi.waitFor(() => {
      const found = log.lines.find((l) => l.requestId === "queued-read" && l.path === "/graphql");
      expect(found).toMatchObject({ status: 200, code: "OK" });
      return found!;
    });
    expect(line.storeCalls).toBeGreaterThan(0);
  });

  it("lets /health and /metrics answer while every place is taken", async () => {
    const first = heldWrite(server, "k-held-4");
    await gated.entered;
    const queued = postGraphQL(server.url, COMPANY, { id: "microsoft" });
    await untilMetric(server, "graphql_operations_queued", 1);
    expect((await server.get("/health")).status).toBe(200);
    expect(await metric(server, "graphql_operations_running")).toBe(1);
    gated.release();
    expect((await queued).status).toBe(200);
    expect((await first).status).toBe(200);
  });
});

describe("MAX_CONCURRENT_OPERATIONS and MAX_QUEUED_OPERATIONS", () => {
  it("have defaults, accept a queue of 0, and refuse values out of range or not whole numbers", () => {
    const { admission } = loadConfig({});
    expect(admission.maxConcurrent).toBeGreaterThanOrEqual(1);
    expect(admission.maxQueued).toBeGreaterThanOrEqual(50);
    expect(loadConfig({ MAX_CONCURRENT_OPERATIONS: "3", MAX_QUEUED_OPERATIONS: "0" }).admission).toEqual({
      maxConcurrent: 3,
      maxQueued: 0,
    });
    expect(() => loadConfig({ MAX_CONCURRENT_OPERATIONS: "0" })).toThrow(/MAX_CONCURRENT_OPERATIONS="0"/);
    expect(() => loadConfig({ MAX_CONCURRENT_OPERATIONS: "two" })).toThrow(/MAX_CONCURRENT_OPERATIONS="two"/);
    expect(() => loadConfig({ MAX_QUEUED_OPERATIONS: "-1" })).toThrow(/MAX_QUEUED_OPERATIONS="-1"/);
    expect(() => loadConfig({ MAX_QUEUED_OPERATIONS: "1.5" })).toThrow(/MAX_QUEUED_OPERATIONS="1.5"/);
  });
});
