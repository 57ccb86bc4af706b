import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { DeadlineExceededError, StoreUnavailableError } from "../../src/domain/errors";
import { hashKey } from "../../src/server/auth";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { filing } from "../helpers/batches";
import { postGraphQL } from "../helpers/post-graphql";
import { type CapturedLog, capturedLog } from "../helpers/captured-log";
import { type FailingStore, failingStore } from "../helpers/failing-store";
import { gatedSeed, type GatedStore, untilMetric } from "../helpers/gated-store";
import { startTestServer, type TestServer } from "../helpers/http-server";

/**
 * The README's error table, checked against a running server: every code it lists is sent and
 * answered with the status the table gives, on `/graphql` and on the other routes, and every
 * answer seen here is in the table.
 */

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
type Route = "graphql" | "routes";

interface Row {
  readonly code: string;
  readonly graphql: readonly number[];
  readonly routes: readonly number[];
  readonly logged: boolean;
}

function tableRows(): Row[] {
  const statuses = (cell: string) => [...cell.matchAll(/\d{3}/g)].map((m) => Number(m[0]));
  return README.split("\n")
    .filter((line) => /^\| `[A-Z_]+` +\|/.test(line))
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter((cells) => cells.length === 7)
    .map(([, code, , graphql, routes, logged]) => ({
      code: code!.replaceAll("`", ""),
      graphql: statuses(graphql!),
      routes: statuses(routes!),
      logged: logged === "yes",
    }));
}

interface Seen {
  readonly code: string;
  readonly route: Route;
  readonly status: number;
}

const EDITOR_KEY = "table-editor-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)}`;
const COMPANY = `{ company(id: "microsoft") { id } }`;
const EXPORT = "/export/graph.cyjs?center=microsoft";
const RECORD = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { key } }`;
const RETRACT = `mutation { retractClaim(claim: "c", reason: "r", key: "k") { key } }`;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the README's error table is how the server answers", () => {
  let server: TestServer;
  let limited: TestServer;
  let busy: TestServer;
  let gated: GatedStore;
  let failing: FailingStore;
  let log: CapturedLog;
  const seen: Seen[] = [];

  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    failing = failingStore(store);
    log = capturedLog();
    server = await startTestServer(failing.store, { API_KEYS }, log.logger);
    // A budget of 100 and a query costing 80: the second request in a row is over budget.
    limited = await startTestServer(store, {
      MAX_QUERY_COST: "100",
      RATE_LIMIT_COST_PER_SECOND: "1",
      RATE_LIMIT_BURST: "100",
      // The seed's whole graph holds more nodes and relationships than this.
      EXPORT_MAX_ELEMENTS: "10",
    });
    // One operation at a time and one in line; a held write keeps the place taken.
    gated = await gatedSeed();
    busy = await startTestServer(gated.store, {
      API_KEYS,
      MAX_CONCURRENT_OPERATIONS: "1",
      MAX_QUEUED_OPERATIONS: "1",
      REQUEST_TIMEOUT_MS: "300",
    });
  });
  afterAll(async () => {
    gated?.release();
    await server?.stop();
    await limited?.stop();
    await busy?.stop();
  });

  /** Sends one request and notes the code and status of its answer (GraphQL or route shape). */
  async function send(route: Route, path: string, init: RequestInit = {}, base = server): Promise<string> {
    const res = await fetch(new URL(path, base.url), init);
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[]; error?: { code: string } };
    const code = body.errors?.[0]?.extensions?.code ?? body.error?.code ?? "(none)";
    seen.push({ code, route, status: res.status });
    return code;
  }
  const post = (body: unknown, headers: Record<string, string> = {}, base = server) =>
    send(
      "graphql",
      "/graphql",
      {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      },
      base,
    );
  const get = (query: string, headers: Record<string, string> = { "apollo-require-preflight": "1" }) =>
    send("graphql", `/graphql?${query}`, { headers });
  const editor = { authorization: `Bearer ${EDITOR_KEY}` };

  /** A raw HTTP exchange, for what Node refuses before Express: returns the status and the JSON code. */
  async function raw(bytes: string, onSocket?: (serverSide: Socket) => void): Promise<void> {
    const captured = new Promise<Socket>((resolve) => server.httpServer.once("connection", resolve));
    const socket = connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise((resolve) => socket.on("close", resolve));
    socket.write(bytes);
    onSocket?.(await captured);
    await closed;
    const text = Buffer.concat(chunks).toString("utf8");
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
    const body = JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4)) as { errors: { extensions: { code: string } }[] };
    seen.push({ code: body.errors[0]!.extensions.code, route: "graphql", status });
    seen.push({ code: body.errors[0]!.extensions.code, route: "routes", status });
  }

  it("answers every code as the table says", async () => {
    // Client mistakes on /graphql.
    await post({ query: `{ company(id: "Not A Slug") { id } }` });
    await post({ query: `query ($n: Int!) { companies(first: $n) { totalCount } }`, variables: { n: "x" } });
    await post(
      { query: RECORD, variables: { input: { key: "k", records: { companies: [{ id: "x", ceo: "y" }] } } } },
      editor,
    );
    await post({ query: RECORD, variables: { input: { key: "k", recordsJson: { claims: [{}] } } } }, editor);
    await post({ query: RECORD, variables: { input: { key: "k" } } });
    // A key sent again with other content (the first send is recorded, so not noted).
    const first = await postGraphQL(server.url, RECORD, filing("table-reused-key"), editor);
    expect(first.body.errors).toBeUndefined();
    await post({ query: RECORD, variables: filing("table-reused-key", "filing-tiktok-other") }, editor);
    await post({ query: COMPANY }, { authorization: "Bearer not-a-key" });
    await post({ query: RETRACT }, editor);
    await get(`query=${encodeURIComponent(COMPANY)}`, {});
    await post({ query: 42 });
    await get(`query=${encodeURIComponent(COMPANY)}&variables=%7Bnot-json`);
    await post("{bad");
    await post({ query: COMPANY, extensions: { deep: JSON.parse("[".repeat(100) + "]".repeat(100)) as unknown } });
    await post({ query: `{ __typename }${" ".repeat(20_001)}` });
    await post({ query: "{ company(id: ) }" });
    await post({ query: `{ nothing }` });
    await post({
      query: `{ companies(first: 100) { nodes { customers(first: 100) { nodes { customer { customers(first: 100) { totalCount } } } } } } }`,
    });
    const hash = sha256(COMPANY);
    await get(`extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`);
    await post(JSON.stringify({ query: COMPANY, padding: "x".repeat(300_000) }));
    await send("graphql", "/graphql", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    await send("graphql", "/graphql", { method: "DELETE" });
    // Client mistakes on the other routes.
    await send("routes", "/export/graph.cyjs?center=microsoft&depth=abc");
    await send("routes", "/health", { method: "POST" });
    await send("routes", "/nowhere");
    await send("routes", "/export/graph.graphml", {}, limited);
    // Before any route: Node's parser and timeouts.
    await raw(`GET /graphql?x=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await raw("GET /graphql HTTP/1.1\r\nHost: x\r\n", (socket) =>
      server.httpServer.emit(
        "clientError",
        Object.assign(new Error("Request timeout"), { code: "ERR_HTTP_REQUEST_TIMEOUT" }),
        socket,
      ),
    );
    // Budgets.
    const costs80 = { query: `{ companies(first: 40) { totalCount } }` };
    expect((await limited.gql(costs80.query)).errors).toBeUndefined();
    await post(costs80, {}, limited);
    // Admission: the one place is held; a request waits in line past its deadline, one more is refused.
    const held = postGraphQL(busy.url, RECORD, filing("table-held-key"), editor);
    await gated.entered;
    const late = post({ query: COMPANY }, {}, busy);
    await untilMetric(busy, "graphql_operations_queued", 1);
    await post({ query: COMPANY }, {}, busy);
    await late;
    gated.release();
    expect((await held).body.errors).toBeUndefined();
    // Failures of the store, on /graphql (inside a field) and on an export.
    for (const failure of [
      new DeadlineExceededError(300),
      new StoreUnavailableError("Neo4j at bolt://db:7687 is unavailable"),
      new TypeError("a bug"),
    ]) {
      failing.failWith(failure);
      await post({ query: COMPANY });
      await send("routes", EXPORT);
      failing.failWith(null);
    }

    const rows = tableRows();
    expect(rows.length).toBeGreaterThan(20);
    const answers = [...new Set(seen.map((s) => `${s.code} ${s.route} ${s.status}`))].sort();
    const documented = [
      ...new Set(
        rows.flatMap((row) =>
          (["graphql", "routes"] as const).flatMap((r) => row[r].map((s) => `${row.code} ${r} ${s}`)),
        ),
      ),
    ].sort();
    expect(answers).toEqual(documented);
    // Only the internal failures were logged, once each (GraphQL and the export).
    expect(log.errors().length).toBe(2);
    expect(rows.filter((row) => row.logged).map((row) => row.code)).toEqual(["INTERNAL_SERVER_ERROR"]);
  });
});
