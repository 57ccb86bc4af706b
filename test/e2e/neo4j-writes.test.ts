import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { filing } from "../helpers/batches";
import { capturedLog } from "../helpers/captured-log";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { postGraphQL } from "../helpers/post-graphql";
import { servedUrl, startServerProcess } from "../helpers/server-process";
import { BURST_ENV, feedOf, writeBurst } from "../helpers/write-burst";

const cfg = neo4jTestConfig();
const EDITOR_KEY = "neo4j-editor-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)}`;

const RECORD = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { key claimIds bookmark } }`;
const CLAIMS = `{ relationship(id: "tiktok-buys-azure-openai-from-microsoft") { agreement { claims } claims(first: 100) { nodes { id } } } }`;

const post = async (url: string, query: string, variables?: unknown, headers: Record<string, string> = {}) =>
  (await postGraphQL(url, query, variables, headers)).body;

const claimIds = (answer: Awaited<ReturnType<typeof post>>) =>
  (answer.data?.relationship?.claims?.nodes as { id: string }[]).map((n) => n.id);

describe.skipIf(!cfg)("writes on Neo4j", () => {
  let setup: Neo4jStore;
  beforeAll(async () => {
    setup = await Neo4jStore.connect(cfg!);
    await setup.clear();
    await setup.load(loadSeed());
  });
  afterAll(() => setup?.close());

  describe("two server replicas", () => {
    const servers: TestServer[] = [];
    const stores: Neo4jStore[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 2; i++) {
        const store = await Neo4jStore.connect(cfg!);
        stores.push(store);
        servers.push(await startTestServer(store, { API_KEYS }));
      }
    });
    afterAll(async () => {
      for (const server of servers) await server.stop();
      for (const store of stores) await store.close();
    });

    it("reads a write made through one replica through the other, with the write's bookmark", async () => {
      const written = await post(servers[0]!.url, RECORD, filing("replica-1", "filing-replica"), {
        authorization: `Bearer ${EDITOR_KEY}`,
      });
      expect(written.errors).toBeUndefined();
      const bookmark = written.data!.recordBatch.bookmark as string;
      expect(bookmark).toMatch(/\S/);
      const read = await post(servers[1]!.url, CLAIMS, undefined, { "graph-bookmark": bookmark });
      expect(read.errors).toBeUndefined();
      expect(claimIds(read)).toContain("filing-replica");
    });

    it("answers a bookmark the database never issued with BAD_USER_INPUT", async () => {
      const read = await post(servers[1]!.url, CLAIMS, undefined, { "graph-bookmark": "not-a-bookmark" });
      expect(read.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(read.errors?.[0]?.message).toContain("bookmark");
    });
  });

  describe("concurrent writers", () => {
    let server: TestServer;
    let store: Neo4jStore;
    const log = capturedLog();
    beforeAll(async () => {
      store = await Neo4jStore.connect(cfg!);
      server = await startTestServer(store, BURST_ENV, log.logger);
    });
    afterAll(async () => {
      await server?.stop();
      await store?.close();
    });

    it("keep one counter in step: retries of one key mixed with new batches, then every later write", async () => {
      const before = (await feedOf(server.url)).length;
      const burst = (tag: string) =>
        writeBurst(server.url, tag).catch((err: Error) => {
          throw new Error(`${err.message}; the server logged ${JSON.stringify(log.errors())}`);
        });
      const first = await burst("burst-a");
      const second = await burst("burst-b");
      const feed = await feedOf(server.url);
      // One change per distinct batch (each records one claim) plus the retraction's, twice over.
      const expected = 2 * (1 + 30 + 1 + 1 + 1);
      expect(feed.map((change) => change.seq)).toEqual(Array.from({ length: before + expected }, (_, i) => i + 1));
      // Every retry of the shared key answered the one receipt its change carries.
      for (const [tag, receipts] of [
        ["burst-a", first],
        ["burst-b", second],
      ] as const) {
        const same = receipts.filter((r) => r.key === `${tag}-same`);
        expect(new Set(same.map((r) => r.firstSeq)).size).toBe(1);
        expect(feed.find((c) => c.batchKey === `${tag}-same`)?.seq).toBe(same[0]!.firstSeq);
      }
    }, 180_000);
  });

  describe("npm start on Neo4j", () => {
    const children: ChildProcess[] = [];
    const env = {
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      API_KEYS,
      NEO4J_URI: cfg!.uri,
      NEO4J_USER: cfg!.user,
      ...(cfg!.password ? { NEO4J_PASSWORD: cfg!.password } : {}),
      ...(cfg!.database ? { NEO4J_DATABASE: cfg!.database } : {}),
    };
    afterEach(() => {
      for (const child of children.splice(0)) child.kill("SIGKILL");
    });

    it("refuses an anonymous write, keeps an acknowledged one across SIGKILL and a restart", async () => {
      const first = startServerProcess(env);
      children.push(first.child);
      const url = await servedUrl(first);
      const anonymous = await post(url, RECORD, filing("process-0", "filing-anonymous"));
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const written = await post(url, RECORD, filing("process-1", "filing-process"), {
        authorization: `Bearer ${EDITOR_KEY}`,
      });
      expect(written.data?.recordBatch.claimIds).toEqual(["filing-process"]);
      first.child.kill("SIGKILL");
      await first.exited;

      const second = startServerProcess(env);
      children.push(second.child);
      const read = await post(await servedUrl(second), CLAIMS);
      expect(claimIds(read)).toContain("filing-process");
      expect(claimIds(read)).not.toContain("filing-anonymous");
    }, 120_000);
  });
});
