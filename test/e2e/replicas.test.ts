import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import type { GraphStore } from "../../src/store/graph-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { filing } from "../helpers/batches";
import { type CapturedLog, capturedLog } from "../helpers/captured-log";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { postGraphQL } from "../helpers/post-graphql";
import { streamOf, subscribe, wsClient } from "../helpers/subscriptions";
import { feedOf, recordOver } from "../helpers/write-burst";

/**
 * Two servers on one Neo4j, as replicas behind a load balancer: a claim recorded through A reaches
 * B's subscribers and B's cached reads, which B learns by tailing the change counter.
 */

const EDITOR_KEY = "replicas-editor-key-0123456789";
const KEYS = { API_KEYS: `ed:editor:${hashKey(EDITOR_KEY)}` };
const CLAIMS = `{ relationship(id: "tiktok-buys-azure-openai-from-microsoft") { agreement { claims } } }`;

const neo4jConfig = neo4jTestConfig();

describe.skipIf(!neo4jConfig)("replicas over one Neo4j", () => {
  const stores: GraphStore[] = [];
  let a: TestServer;
  let b: TestServer;
  let bLog: CapturedLog;
  beforeAll(async () => {
    const first = await Neo4jStore.connect(neo4jConfig!);
    stores.push(first, await Neo4jStore.connect(neo4jConfig!));
    await first.clear();
    await first.load(loadSeed());
    bLog = capturedLog();
    a = await startTestServer(stores[0]!, KEYS);
    b = await startTestServer(stores[1]!, { ...KEYS, CHANGE_TAIL_MS: "100" }, bLog.logger);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    for (const store of stores) await store.close();
  });

  it("reach a subscriber on B and B's cached read with a claim recorded through A", async () => {
    const client = wsClient(b);
    const feed = subscribe(client, 0);
    try {
      // A first write, seen on B: the subscription is live from here on.
      await recordOver(a.url, filing("replica-warm", "replica-warm"), EDITOR_KEY);
      await feed.until((c) => c.some((change) => change.claimId === "replica-warm"));

      const first = await postGraphQL(b.url, CLAIMS);
      const repeated = await postGraphQL(b.url, CLAIMS);
      expect(repeated.body).toEqual(first.body);
      expect(bLog.lines.filter((l) => l.msg === "POST /graphql 200").at(-1)).toMatchObject({ cached: true });
      const before = first.body.data.relationship.agreement.claims as number;

      const recorded = await recordOver(a.url, filing("replica-claim", "replica-claim"), EDITOR_KEY);
      expect(recorded.errors).toBeUndefined();
      const changes = await feed.until((c) => c.some((change) => change.claimId === "replica-claim"));
      expect(changes).toEqual(await feedOf(a.url));
      // B learnt of the write before it woke its subscriber, and emptied its cache then.
      const after = await postGraphQL(b.url, CLAIMS);
      expect(after.body.data.relationship.agreement.claims).toBe(before + 1);
    } finally {
      feed.stop();
      await client.dispose();
    }
  });

  it("give a subscriber to B's relationshipsChanged the relationship a claim recorded through A touched, as it reads after", async () => {
    const claimsBefore = (await postGraphQL(a.url, CLAIMS)).body.data.relationship.agreement.claims as number;
    const since = (await feedOf(a.url)).at(-1)?.seq ?? 0;
    const client = wsClient(b);
    const touched = streamOf<{ seq: number; relationshipId: string; relationship: { agreement: { claims: number } } }>(
      client,
      {
        query: `subscription ($since: Int) { relationshipsChanged(companies: ["tiktok"], since: $since) {
          seq relationshipId relationship { agreement { claims } } } }`,
        variables: { since },
      },
      "relationshipsChanged",
    );
    try {
      await recordOver(a.url, filing("replica-touch", "replica-touch"), EDITOR_KEY);
      const [first] = await touched.until((items) => items.length >= 1);
      expect(first).toEqual({
        seq: since + 1,
        relationshipId: "tiktok-buys-azure-openai-from-microsoft",
        relationship: { agreement: { claims: claimsBefore + 1 } },
      });
    } finally {
      touched.stop();
      await client.dispose();
    }
  });

  it("give a subscriber that comes back to B with its last seq what A recorded meanwhile, once", async () => {
    const seen = await feedOf(b.url);
    const lastSeen = seen.at(-1)?.seq ?? 0;
    for (const x of ["one", "two"]) await recordOver(a.url, filing(`away-${x}`, `away-${x}`), EDITOR_KEY);
    const client = wsClient(b);
    const feed = subscribe(client, lastSeen);
    try {
      await recordOver(a.url, filing("away-three", "away-three"), EDITOR_KEY);
      const resumed = await feed.until((c) => c.some((change) => change.claimId === "away-three"));
      expect(resumed.map((c) => c.claimId)).toEqual(["away-one", "away-two", "away-three"]);
      expect([...seen, ...resumed]).toEqual(await feedOf(a.url));
    } finally {
      feed.stop();
      await client.dispose();
    }
  });

  it("empty B's cache and tell its subscribers when a lineage recorded through A changes a relationship's origins", async () => {
    const ORIGINS = `{ relationship(id: "tiktok-buys-azure-openai-from-microsoft") { agreement { independentOrigins } } }`;
    const origins = async () =>
      (await postGraphQL(b.url, ORIGINS)).body.data.relationship.agreement.independentOrigins as number;
    // The article, and the filing the tests above recorded claims from: two origins, and B has cached it.
    expect(await origins()).toBe(2);
    expect(await origins()).toBe(2);
    expect(bLog.lines.filter((l) => l.msg === "POST /graphql 200").at(-1)).toMatchObject({ cached: true });
    const since = (await feedOf(a.url)).at(-1)!.seq;
    const client = wsClient(b);
    const feed = subscribe(client, since);
    try {
      const lineage = {
        input: {
          key: "replica-lineage",
          records: {
            derivations: [
              {
                id: "filing-repeats-article",
                source: "annual-filing",
                derivedFrom: "tiktok-microsoft-azure-openai-2024-08-01",
                reason: "The filing's figure is the article's, quoted.",
              },
            ],
          },
        },
      };
      expect((await recordOver(a.url, lineage, EDITOR_KEY)).errors).toBeUndefined();
      const changes = await feed.until((c) => c.some((change) => change.batchKey === "replica-lineage"));
      // One entry for each stored claim from the filing, the source whose lineage was learnt: the
      // claims the tests above recorded from it.
      const filingClaims = ["replica-warm", "replica-claim", "replica-touch", "away-one", "away-two", "away-three"];
      expect(changes.map((change) => [change.kind, change.claimId]).sort()).toEqual(
        filingClaims.map((claimId) => ["LINEAGE", claimId]).sort(),
      );
      expect(await origins()).toBe(1);
    } finally {
      feed.stop();
      await client.dispose();
    }
  });
});
