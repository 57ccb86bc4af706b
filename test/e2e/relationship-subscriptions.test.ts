import type { Client } from "graphql-ws";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RelationshipsChangedDocument,
  type RelationshipsChangedSubscription,
  type RelationshipsChangedSubscriptionVariables,
} from "../../schema/client";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import { filing } from "../helpers/batches";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";
import { loadedStoreFactories } from "../helpers/stores";
import { streamOf, wsClient } from "../helpers/subscriptions";
import { recordOver } from "../helpers/write-burst";

/**
 * Subscription.relationshipsChanged over a real server's WebSocket, with the typed document of the
 * client kit: each relationship a write through the HTTP API touches arrives as it reads after
 * the write, filtered as asked, in commit order, and a relationship whose last claim is withdrawn
 * arrives empty.
 */

const EDITOR_KEY = "relationships-editor-key-0123456789";
const ADMIN_KEY = "relationships-admin-key-0123456789";
const KEYS = { API_KEYS: `ed:editor:${hashKey(EDITOR_KEY)},root:admin:${hashKey(ADMIN_KEY)}` };

const TIKTOK = "tiktok-buys-azure-openai-from-microsoft";
const WALMART_AZURE_OPENAI = "walmart-buys-azure-openai-from-microsoft";
const WALMART_AZURE = "walmart-buys-azure-from-microsoft";
// The seed's only claim about it: retracting it withdraws the relationship.
const WALMART_RECOMMENDATIONS = "walmart-uses-azure-openai-for-recommendations";
const ITS_ONLY_CLAIM = "claim-walmart-uses-azure-openai-for-recommendations";

type Touched = RelationshipsChangedSubscription["relationshipsChanged"];

const RETRACT = `mutation ($claim: ID!, $key: String!) {
  retractClaim(claim: $claim, reason: "misread", key: $key) { retractedIds }
}`;
const CLAIMS_OF = `query ($id: ID!) { relationship(id: $id) { agreement { claims } } }`;

describe.each(loadedStoreFactories())("Subscription.relationshipsChanged over WebSocket (%s)", (_name, load) => {
  let server: TestServer;
  let close: () => Promise<void>;
  let client: Client;
  beforeAll(async () => {
    const store = await load(loadSeed());
    close = () => store.close();
    server = await startTestServer(store, KEYS);
    client = wsClient(server);
  });
  afterAll(async () => {
    await client?.dispose();
    await server?.stop();
    await close?.();
  });

  /** The last seq written so far, as the change feed counts it (seqs run from 1 without a gap). */
  const head = async () =>
    (await server.gql<{ changes: { totalCount: number } }>(`{ changes { totalCount } }`)).data!.changes.totalCount;
  const claimsOf = async (id: string) =>
    (await postGraphQL(server.url, CLAIMS_OF, { id })).body.data.relationship.agreement.claims as number;
  const watch = (variables: RelationshipsChangedSubscriptionVariables) =>
    streamOf<Touched>(client, { query: print(RelationshipsChangedDocument), variables }, "relationshipsChanged");

  it("gives each relationship a write touched as it reads after the write, the fresh view at every write", async () => {
    const since = await head();
    const before = await claimsOf(TIKTOK);
    const all = watch({ since });
    try {
      const recorded = await recordOver(server.url, filing("touch-tiktok", "touch-tiktok"), EDITOR_KEY);
      expect(recorded.errors).toBeUndefined();
      const [first] = await all.until((items) => items.length >= 1);
      expect(first).toMatchObject({ seq: since + 1, batchKey: "touch-tiktok", relationshipId: TIKTOK });
      expect(first!.relationship!.agreement.claims).toBe(before + 1);
      expect(first!.relationship!.claims.nodes.map((c) => c.id)).toContain("touch-tiktok");
      expect(first!.relationship!.from).toEqual({ id: "tiktok", name: "TikTok" });

      // The same relationship again: the event reads it afresh, not as the first event read it.
      const retracted = await postGraphQL(
        server.url,
        RETRACT,
        { claim: "touch-tiktok", key: "untouch-tiktok" },
        {
          authorization: `Bearer ${ADMIN_KEY}`,
        },
      );
      expect(retracted.body.errors).toBeUndefined();
      const [, second] = await all.until((items) => items.length >= 2);
      expect(second).toMatchObject({ seq: since + 2, batchKey: "untouch-tiktok", relationshipId: TIKTOK });
      expect(second!.relationship!.agreement.claims).toBe(before);
      expect(second!.relationship!.claims.nodes.map((c) => c.id)).not.toContain("touch-tiktok");
    } finally {
      all.stop();
    }
  });

  it("gives only the relationships asked for, in commit order, and each once per batch", async () => {
    const since = await head();
    const walmartAzureOpenAI = watch({
      since,
      companies: ["walmart"],
      kinds: ["BUYS_FROM"],
      product: ["azure-openai"],
    });
    const all = watch({ since });
    try {
      const writes: [key: string, claim: string, relationship: string][] = [
        ["filter-1", "filter-tiktok", TIKTOK],
        ["filter-2", "filter-walmart-1", WALMART_AZURE_OPENAI],
        ["filter-3", "filter-walmart-azure", WALMART_AZURE],
        ["filter-4", "filter-walmart-2", WALMART_AZURE_OPENAI],
      ];
      for (const [key, claim, relationship] of writes) {
        const recorded = await recordOver(server.url, filing(key, claim, relationship), EDITOR_KEY);
        expect(recorded.errors).toBeUndefined();
      }
      const everything = await all.until((items) => items.length >= 4);
      expect(everything.map((t) => [t.batchKey, t.relationshipId])).toEqual(writes.map(([key, , r]) => [key, r]));
      expect(everything.map((t) => t.seq)).toEqual([since + 1, since + 2, since + 3, since + 4]);
      // The last write is given to both: what the filtered one has by then is all it will have of these.
      const asked = await walmartAzureOpenAI.until((items) => items.some((t) => t.batchKey === "filter-4"));
      expect(asked.map((t) => [t.batchKey, t.relationshipId])).toEqual([
        ["filter-2", WALMART_AZURE_OPENAI],
        ["filter-4", WALMART_AZURE_OPENAI],
      ]);
    } finally {
      walmartAzureOpenAI.stop();
      all.stop();
    }
  });

  it("gives a relationship whose last claim is withdrawn with no view, still filtered by its ends", async () => {
    const since = await head();
    const walmart = watch({ since, companies: ["walmart"] });
    try {
      const retracted = await postGraphQL(
        server.url,
        RETRACT,
        { claim: ITS_ONLY_CLAIM, key: "withdraw-walmart" },
        {
          authorization: `Bearer ${ADMIN_KEY}`,
        },
      );
      expect(retracted.body.errors).toBeUndefined();
      const [withdrawn] = await walmart.until((items) => items.length >= 1);
      expect(withdrawn).toEqual({
        seq: since + 1,
        batchKey: "withdraw-walmart",
        relationshipId: WALMART_RECOMMENDATIONS,
        relationship: null,
      });
    } finally {
      walmart.stop();
    }
  });

  it("refuses a bad since and a filter naming no id with coded errors", async () => {
    const badSince = watch({ since: -1 });
    await expect(badSince.until(() => false)).rejects.toThrow(/BAD_USER_INPUT/);
    expect(JSON.stringify(badSince.errors)).toContain("since must be 0 or a seq from the feed");
    const badCompany = watch({ companies: ["Not A Slug!"] });
    await expect(badCompany.until(() => false)).rejects.toThrow(/BAD_USER_INPUT/);
  });
});
