import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { filing } from "../helpers/batches";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { postGraphQL } from "../helpers/post-graphql";
import { servedUrl, startServerProcess } from "../helpers/server-process";

const cfg = neo4jTestConfig();
const EDITOR_KEY = "neo4j-editor-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)}`;

const RECORD = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { key claimIds bookmark } }`;
const CLAIMS = `{ relationship(id: "tiktok-buys-azure-openai-from-microsoft") { agreement { claims } claims { nodes { id } } } }`;

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
