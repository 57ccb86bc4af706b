import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed, shippedBatches } from "../../seed/loader";
import type { GraphStore } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { NO_HELD_TEXTS, recordBatch } from "../../src/store/record-batch";
import { type GraphQLResponse, startTestServer, type TestServer } from "../helpers/http-server";
import { neo4jTestConfig } from "../helpers/neo4j-server";

/**
 * The data as `npm start` serves it: the article (recorded 2024-08-01) and the other reports
 * (recorded since), then what changed between the article's day and the day the reports were
 * recorded. What to expect is read from the data files themselves: a relationship only the
 * reports speak of appeared; one both speak of gained the reports' claims.
 */

const TIKTOK = "tiktok-buys-azure-openai-from-microsoft";

const relationshipsClaimedIn = (file: string): Set<string> => {
  const claims = JSON.parse(readFileSync(new URL(`../../seed/${file}`, import.meta.url), "utf8")) as {
    claims: { relationship: string }[];
  };
  return new Set(claims.claims.map((c) => c.relationship));
};

const DIFF = `query ($to: LocalDate!, $after: String) {
  diff(from: "2024-08-01", to: $to, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id change parts before { amount { low high } agreement { claims } } after { amount { low high } agreement { claims } } }
  }
}`;

interface DiffNode {
  id: string;
  change: string;
  parts: string[];
  before: { amount: { low: number; high: number } | null; agreement: { claims: number } } | null;
  after: { amount: { low: number; high: number } | null; agreement: { claims: number } } | null;
}

interface DiffPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: DiffNode[];
}

function shippedStores(): [string, () => Promise<GraphStore>][] {
  const neo4jConfig = neo4jTestConfig();
  const memory: [string, () => Promise<GraphStore>] = ["memory", async () => new MemoryStore()];
  if (!neo4jConfig) return [memory];
  return [memory, ["neo4j", async () => Neo4jStore.connect(neo4jConfig)]];
}

describe.each(shippedStores())("what changed since the article on the shipped data, on %s", (_name, open) => {
  let server: TestServer;
  let store: GraphStore;
  const [reports] = shippedBatches();
  // The day the reports were recorded (their batch's time, as `npm start` stamps it).
  const recordedOn = reports!.at.slice(0, 10);

  beforeAll(async () => {
    store = await open();
    await store.clear();
    await store.load(loadSeed());
    await recordBatch(store, reports!, NO_HELD_TEXTS);
    server = await startTestServer(store);
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });

  const allChanges = async (to = recordedOn): Promise<DiffNode[]> => {
    const nodes: DiffNode[] = [];
    let after: string | null = null;
    do {
      const answer: GraphQLResponse<{ diff: DiffPage }> = await server.gql(DIFF, { to, after });
      expect(answer.errors).toBeUndefined();
      nodes.push(...answer.data!.diff.nodes);
      after = answer.data!.diff.pageInfo.hasNextPage ? answer.data!.diff.pageInfo.endCursor : null;
    } while (after !== null);
    return nodes;
  };

  it("lists the reports' additions and the claims they add, TikTok's amount widened by the rewrites", async () => {
    const article = relationshipsClaimedIn("data/claims.json");
    const fromReports = relationshipsClaimedIn("reports/claims.json");
    const appeared = [...fromReports].filter((id) => !article.has(id)).sort();
    const corroborated = [...fromReports].filter((id) => article.has(id)).sort();
    const changes = await allChanges();
    expect(changes.filter((c) => c.change === "APPEARED").map((c) => c.id)).toEqual(appeared);
    expect(changes.filter((c) => c.change === "CHANGED").map((c) => c.id)).toEqual(corroborated);
    expect(changes.filter((c) => c.change === "WITHDRAWN")).toEqual([]);
    for (const change of changes.filter((c) => c.change === "CHANGED")) {
      expect(change.parts).toContain("AGREEMENT");
      expect(change.after!.agreement.claims).toBeGreaterThan(change.before!.agreement.claims);
    }
    // "Nearly US$20M" a month: 18M-20M; the reports that rewrite the article (one origin with it)
    // say 19M-21M too, and an origin's copies are heard as the hull of what they say.
    const tiktok = changes.find((c) => c.id === TIKTOK)!;
    expect(tiktok.parts).toEqual(["AMOUNT", "AGREEMENT"]);
    expect(tiktok.before!.amount).toEqual({ low: 18e6, high: 20e6 });
    expect(tiktok.after!.amount).toEqual({ low: 18e6, high: 21e6 });
  });

  it("lists the same between the article's day and today: nothing was recorded since the reports", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await allChanges(today)).toEqual(await allChanges());
  });

  it("refuses a `from` after `to` with a coded error", async () => {
    const answer = await server.gql(`{ diff(from: "2025-01-02", to: "2025-01-01") { totalCount } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0]?.message).toMatch(/must not be after/);
  });
});
