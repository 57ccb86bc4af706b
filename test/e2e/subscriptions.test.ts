import type { ClientRequestArgs } from "node:http";
import { connect, type NetConnectOpts, type Socket } from "node:net";
import { type Client, GRAPHQL_TRANSPORT_WS_PROTOCOL } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { StoreUnavailableError } from "../../src/domain/errors";
import { hashKey } from "../../src/server/auth";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { filing } from "../helpers/batches";
import { capturedLog } from "../helpers/captured-log";
import { type FailingStore, failingStore } from "../helpers/failing-store";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";
import { loadedStoreFactories } from "../helpers/stores";
import { subscribe, wsClient } from "../helpers/subscriptions";
import { feedOf, recordOver } from "../helpers/write-burst";

/**
 * Subscription.changes over a real server's WebSocket, with the graphql-ws client a frontend uses:
 * claims recorded through the HTTP API reach subscribers in commit order, a subscriber that comes
 * back with its last seq misses nothing and gets nothing twice, and a connection authenticates as
 * a request does.
 */

const EDITOR_KEY = "subscriptions-editor-key-0123456789";
const READER_KEY = "subscriptions-reader-key-0123456789";
const KEYS = { API_KEYS: `ed:editor:${hashKey(EDITOR_KEY)},rd:reader:${hashKey(READER_KEY)}` };

const seqs = (changes: readonly { seq: number }[]) => changes.map((c) => c.seq);

describe.each(loadedStoreFactories())("Subscription.changes over WebSocket (%s)", (_name, load) => {
  let server: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const store = await load(loadSeed());
    close = () => store.close();
    server = await startTestServer(store, KEYS);
  });
  afterAll(async () => {
    await server?.stop();
    await close?.();
  });

  it("streams a claim recorded through the HTTP API to a subscriber", async () => {
    const client = wsClient(server);
    const feed = subscribe(client, 0);
    try {
      const recorded = await recordOver(server.url, filing("subscribed-filing", "subscribed-claim"), EDITOR_KEY);
      expect(recorded.errors).toBeUndefined();
      const changes = await feed.until((c) => c.some((change) => change.claimId === "subscribed-claim"));
      const change = changes.find((c) => c.claimId === "subscribed-claim")!;
      expect(change).toEqual({
        seq: recorded.data.recordBatch.firstSeq,
        kind: "RECORDED",
        claimId: "subscribed-claim",
        batchKey: "subscribed-filing",
      });
      // What the subscriber got is the feed as a query reads it: in commit order, from the start.
      expect(changes).toEqual(await feedOf(server.url));
    } finally {
      feed.stop();
      await client.dispose();
    }
  });

  it("resumes from the last seq seen: nothing missed, nothing twice, while writes go on", async () => {
    const first = wsClient(server);
    const before = subscribe(first, 0);
    // Writes race the subscription: some land in its replay, some while it streams.
    const writes = ["a", "b", "c"].map((x) => recordOver(server.url, filing(`resume-${x}`, `resume-${x}`), EDITOR_KEY));
    await Promise.all(writes);
    // Concurrent writes commit in any order: wait for all three.
    const racing = ["resume-a", "resume-b", "resume-c"];
    const seen = await before.until((c) => racing.every((id) => c.some((change) => change.claimId === id)));
    before.stop();
    await first.dispose();
    const lastSeen = seen.at(-1)!.seq;

    // Away: two more batches; then back, while a third is being recorded.
    for (const x of ["d", "e"]) await recordOver(server.url, filing(`resume-${x}`, `resume-${x}`), EDITOR_KEY);
    const second = wsClient(server);
    const after = subscribe(second, lastSeen);
    await recordOver(server.url, filing("resume-f", "resume-f"), EDITOR_KEY);
    const resumed = await after.until((c) => c.some((change) => change.claimId === "resume-f"));
    after.stop();
    await second.dispose();

    const feed = await feedOf(server.url);
    expect([...seen, ...resumed]).toEqual(feed);
    const all = seqs(feed);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(resumed.map((c) => c.claimId)).toEqual(["resume-d", "resume-e", "resume-f"]);
  });

  it("refuses a bad since with a coded error", async () => {
    const client = wsClient(server);
    const feed = subscribe(client, -1);
    try {
      await expect(feed.until(() => false)).rejects.toThrow(/BAD_USER_INPUT/);
      expect(JSON.stringify(feed.errors)).toContain("since must be 0 or a seq from the feed");
    } finally {
      await client.dispose();
    }
  });
});

describe("WebSocket connections: credentials and limits", () => {
  let server: TestServer;
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    server = await startTestServer(store, {
      ...KEYS,
      READS_NEED_KEY: "true",
      SUBSCRIPTIONS_PER_CONNECTION: "2",
      SUBSCRIPTIONS_PER_CLIENT: "3",
    });
  });
  afterAll(() => server?.stop());

  /** The close event a refused connection ends with. */
  const closeOf = (client: Client) =>
    new Promise<{ code: number; reason: string }>((resolve) =>
      client.on("closed", (event) => {
        const { code, reason } = event as { code: number; reason: string };
        resolve({ code, reason });
      }),
    );

  it("closes a connection without a key with 4401 when reads need one, as HTTP answers 401", async () => {
    const http = await postGraphQL(server.url, `{ changes { totalCount } }`);
    expect(http.status).toBe(401);
    const client = wsClient(server);
    const closed = closeOf(client);
    const feed = subscribe(client, 0);
    await expect(feed.until(() => false)).rejects.toThrow();
    expect(await closed).toEqual({ code: 4401, reason: "this server needs an API key for every request" });
    await client.dispose();
  });

  it("closes a connection with a key that is not valid", async () => {
    const client = wsClient(server, { authorization: "Bearer not-a-key-of-this-server" });
    const closed = closeOf(client);
    subscribe(client, 0);
    expect(await closed).toEqual({ code: 4401, reason: "the API key is not valid" });
    await client.dispose();
  });

  it("serves a reader's key, holds at most SUBSCRIPTIONS_PER_CONNECTION subscriptions, and runs nothing but subscriptions", async () => {
    const client = wsClient(server, { authorization: `Bearer ${READER_KEY}` });
    try {
      const recorded = await recordOver(server.url, filing("limited-filing", "limited-claim"), EDITOR_KEY);
      expect(recorded.errors).toBeUndefined();
      const one = subscribe(client, 0);
      const two = subscribe(client, 0);
      await one.until((c) => c.length === 1);
      await two.until((c) => c.length === 1);
      const three = subscribe(client, 0);
      await expect(three.until(() => false)).rejects.toThrow(/RATE_LIMITED/);
      expect(JSON.stringify(three.errors)).toContain("at most 2 subscriptions");
      one.stop();
      const query = client.iterate({ query: `{ changes { totalCount } }` });
      await expect(query.next()).rejects.toSatisfy((errors) =>
        JSON.stringify(errors).includes("only subscriptions run over WebSocket"),
      );
      two.stop();
    } finally {
      await client.dispose();
    }
  });

  it("holds at most SUBSCRIPTIONS_PER_CLIENT subscriptions per client over all its connections", async () => {
    const first = wsClient(server, { authorization: `Bearer ${READER_KEY}` });
    const second = wsClient(server, { authorization: `Bearer ${READER_KEY}` });
    const otherClient = wsClient(server, { authorization: `Bearer ${EDITOR_KEY}` });
    try {
      const held = [subscribe(first, 0), subscribe(first, 0), subscribe(second, 0)];
      for (const feed of held) await feed.until((c) => c.length >= 1);
      const fourth = subscribe(second, 0);
      await expect(fourth.until(() => false)).rejects.toThrow(/RATE_LIMITED/);
      expect(JSON.stringify(fourth.errors)).toContain("a client may hold at most 3 subscriptions at once");
      // Another client's subscriptions are its own.
      await subscribe(otherClient, 0).until((c) => c.length >= 1);

      // The first connection gone, its subscriptions count no more (once the server saw it close).
      await first.dispose();
      let again = subscribe(second, 0);
      while (
        !(await again
          .until((c) => c.length >= 1)
          .then(
            () => true,
            () => false,
          ))
      )
        again = subscribe(second, 0);
      expect(again.errors).toEqual([]);
    } finally {
      await Promise.all([first.dispose(), second.dispose(), otherClient.dispose()]);
    }
  });
});

describe("a client that stops reading", () => {
  let server: TestServer;
  const log = capturedLog();
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    server = await startTestServer(store, { ...KEYS, WS_SLOW_CONSUMER_SECONDS: "1" }, log.logger);
  });
  afterAll(() => server?.stop());

  it("is closed with 4413 rather than held: what it was sent waits in the socket's buffers only", async () => {
    // A batch of 100 changes under a long key; ten subscriptions each read it with the key 30 times
    // over, several megabytes in all: more than the socket's buffers hold for a client that reads nothing.
    const batch = filing("slow-".padEnd(200, "x"), "slow-0");
    const claim = batch.input.records.claims[0]!;
    batch.input.records.claims = Array.from({ length: 100 }, (_, i) => ({ ...claim, id: `slow-${i}` }));
    expect((await recordOver(server.url, batch, EDITOR_KEY)).errors).toBeUndefined();
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}: batchKey`).join(" ");
    const heavy = `subscription { changes(since: 0) { seq ${keys} } }`;

    let tcp!: Socket;
    const socket = new WebSocket(server.url.replace(/^http/, "ws"), GRAPHQL_TRANSPORT_WS_PROTOCOL, {
      createConnection: (options: ClientRequestArgs) => (tcp = connect(options as NetConnectOpts)),
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init", payload: {} }));
    await new Promise((resolve) => socket.once("message", resolve));
    tcp.pause();
    for (let id = 0; id < 10; id += 1)
      socket.send(JSON.stringify({ id: String(id), type: "subscribe", payload: { query: heavy } }));

    while (!log.lines.some((line) => line.msg === "slow consumer closed")) await new Promise((r) => setTimeout(r, 100));
    tcp.resume();
    expect(await closed).toEqual({ code: 4413, reason: "slow consumer: a message waited over 1 s to be read" });
  });
});

describe("a subscription whose store fails once it runs", () => {
  let server: TestServer;
  let failing: FailingStore;
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    failing = failingStore(store);
    server = await startTestServer(failing.store, { CHANGE_TAIL_MS: "0" });
  });
  afterAll(() => server?.stop());

  it.each([
    ["an outage", new StoreUnavailableError("the graph database cannot be reached"), "STORE_UNAVAILABLE"],
    ["a fault", new Error("bolt://neo4j:secret@db.internal refused"), "INTERNAL_SERVER_ERROR"],
  ])("ends after %s with the code the error policy gives, as over HTTP", async (_what, err, code) => {
    failing.failWith(err);
    const client = wsClient(server);
    try {
      const http = await postGraphQL(server.url, `{ changes { totalCount } }`);
      const feed = subscribe(client, 0);
      await expect(feed.until(() => false)).rejects.toThrow(code);
      const [answered] = feed.errors as { message: string; extensions: { code: string } }[][];
      expect(answered).toEqual([{ message: http.body.errors![0]!.message, extensions: { code } }]);
      expect(JSON.stringify(feed.errors)).not.toContain("secret");
    } finally {
      failing.failWith(null);
      await client.dispose();
    }
  });
});

describe("a server stopping with subscriptions open", () => {
  it("closes them as going away and stops", async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    const server = await startTestServer(store);
    const client = wsClient(server);
    const connected = new Promise<void>((resolve) => client.on("connected", () => resolve()));
    const closed = new Promise<number>((resolve) =>
      client.on("closed", (event) => resolve((event as { code: number }).code)),
    );
    subscribe(client, 0);
    await connected;
    await server.stop();
    expect(await closed).toBe(1001);
    await client.dispose();
  });
});
