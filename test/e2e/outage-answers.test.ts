import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalNeo4j, startLocalNeo4j } from "../../neo4j/launcher";
import { generateDataset } from "../../seed/generator";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { type PathedAnswer, withFailedPathsNulled } from "../helpers/failed-paths";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { postGraphQL } from "../helpers/post-graphql";
import { type ServerProcess, servedUrl, startServerProcess } from "../helpers/server-process";

/**
 * Neo4j killed under a mixed nested load: every answer the server gives is either the answer it
 * gave before the outage or an answer that says, with its code, that the store failed. None may
 * come back with no errors and other data (a null parent, a shorter list), nor with a failure
 * hidden in a part it does not name.
 */

const HUB_READ = `query ($id: ID!) {
  company(id: $id) { id customers(first: 20) { nodes { customer { id parent { id } suppliers(first: 5) { nodes { supplier { id } } } } } } }
}`;

const READS: Record<string, string> = {
  hub: HUB_READ,
  companies: `{
    companies(first: 10) { nodes { id customers(first: 5) { totalCount nodes { customer { id
      parent { id } suppliers(first: 3) { totalCount nodes { supplier { id } spend { estimate } } }
    } } } } }
  }`,
  graph: `query ($id: ID!) { relationshipGraph(centers: [$id], depth: 2, limit: 150) { nodes { id hop } edges { id } truncated } }`,
  flows: `query ($id: ID!) {
    revenueFlows(company: $id) { total { estimate } flows { counterpartyId counterparty { id parent { id } } amount { estimate } } }
  }`,
};

/** What a store failure is answered with. */
const STORE_FAILURE_CODES = new Set(["STORE_UNAVAILABLE", "DEADLINE_EXCEEDED"]);

/** As many as the reported outage had: the more requests under way when Neo4j dies, the more half-done ones. */
const CLIENTS = 20;
/**
 * The kill comes once every client has had answers (the load is under way whatever the machine's
 * speed); the load goes on past the driver's retries (3 s) until the open circuit has answered many.
 */
const ANSWERS_BEFORE_KILL = CLIENTS * 2;
const ANSWERS_AFTER_KILL = CLIENTS * 10;
const MIN_LOAD_AFTER_KILL_MS = 4_000;
/** Bounds of the load whatever happens: per client, and for the whole run. */
const MAX_REQUESTS_PER_CLIENT = 2_000;
const MAX_LOAD_MS = 40_000;

const cfg = neo4jTestConfig();

describe.skipIf(!cfg)("answers while Neo4j is killed under load", () => {
  let neo4j: LocalNeo4j | null = null;
  let server: ServerProcess | null = null;
  let url: string;
  let dataDir: string;
  let hub: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-outage-answers-"));
    neo4j = await startLocalNeo4j({ dataDir, port: 0 });
    const store = await Neo4jStore.connect({ uri: neo4j.uri, user: "neo4j", password: null, database: null });
    try {
      await store.load(generateDataset({ seed: 7, companies: 400 }));
    } finally {
      await store.close();
    }
    server = startServerProcess({
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      NEO4J_URI: neo4j.uri,
      RESPONSE_CACHE_MB: "0",
      CACHE_MAX_AGE_SECONDS: "0",
      RATE_LIMIT_COST_PER_SECOND: "0",
    });
    url = await servedUrl(server);
    hub = await hubWithParentedCustomers(url);
  }, 180_000);

  afterAll(async () => {
    server?.child.kill("SIGKILL");
    await server?.exited;
    await neo4j?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers as before the outage or with a coded error, never with other data and no error", async () => {
    const clean = new Map<string, PathedAnswer>();
    for (const [name, query] of Object.entries(READS)) {
      // Twice: the answers are deterministic, so any later difference is the outage's.
      const [first, second] = [await postGraphQL(url, query, { id: hub }), await postGraphQL(url, query, { id: hub })];
      expect({ name, status: first.status, errors: first.body.errors }).toEqual({
        name,
        status: 200,
        errors: undefined,
      });
      expect(second.body).toEqual(first.body);
      clean.set(name, first.body as PathedAnswer);
    }

    const load = startLoad(url, { id: hub });
    await load.answered(ANSWERS_BEFORE_KILL);
    process.kill(neo4j!.pid, "SIGKILL");
    const before = load.count();
    await neo4j!.exited;
    neo4j = null;
    await Promise.all([sleep(MIN_LOAD_AFTER_KILL_MS), load.answered(before + ANSWERS_AFTER_KILL)]);
    const answers = await load.stop();

    const tally = { beforeKill: before, total: answers.length, identical: 0, coded: 0 };
    const wrong: unknown[] = [];
    for (const { name, status, body } of answers) {
      const expected = clean.get(name)!;
      if (status === 200 && body.errors === undefined) {
        if (JSON.stringify(body) === JSON.stringify(expected)) tally.identical++;
        else wrong.push({ name, why: "no errors, other data", body });
        continue;
      }
      const codes = (body.errors ?? []).map((error) => String(error.extensions?.code));
      if (codes.length === 0 || !codes.every((code) => STORE_FAILURE_CODES.has(code))) {
        wrong.push({ name, why: "an error without a store failure's code", status, codes });
      } else if (JSON.stringify(body.data ?? null) !== JSON.stringify(withFailedPathsNulled(expected, body))) {
        wrong.push({ name, why: "other data outside the failed fields", body });
      } else tally.coded++;
    }
    console.info(`outage answers: ${JSON.stringify(tally)}; errors: ${JSON.stringify(errorKinds(answers))}`);
    // What the server logged of a masked error tells where it came from.
    if (wrong.length > 0) console.info(server!.out().slice(-4_000), server!.err().slice(-4_000));
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(wrong).toHaveLength(0);
    // The kill happened under load, and the outage was answered.
    expect(tally.beforeKill).toBeGreaterThanOrEqual(ANSWERS_BEFORE_KILL);
    expect(tally.identical).toBeGreaterThan(0);
    expect(tally.coded).toBeGreaterThan(0);
  }, 120_000);
});

interface LoadAnswer {
  readonly name: string;
  readonly status: number;
  readonly body: PathedAnswer;
}

/**
 * CLIENTS clients on loopback, each sending the reads in turn until stopped, for at most
 * MAX_REQUESTS_PER_CLIENT requests and MAX_LOAD_MS.
 */
function startLoad(url: string, variables: Record<string, unknown>) {
  const answers: LoadAnswer[] = [];
  const names = Object.keys(READS);
  const endBy = Date.now() + MAX_LOAD_MS;
  let running = true;
  const client = async (offset: number) => {
    for (let i = 0; running && i < MAX_REQUESTS_PER_CLIENT && Date.now() < endBy; i++) {
      const name = names[(offset + i) % names.length]!;
      const { status, body } = await postGraphQL(url, READS[name]!, variables);
      answers.push({ name, status, body: body as PathedAnswer });
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, offset) => client(offset));
  let ended = false;
  const done = Promise.all(clients).then(() => (ended = true));
  return {
    count: () => answers.length,
    /** Resolves once `count` answers are in, or the load has ended. */
    async answered(count: number): Promise<void> {
      while (answers.length < count && !ended) await sleep(20);
    },
    async stop(): Promise<LoadAnswer[]> {
      running = false;
      await done;
      return answers;
    },
  };
}

/** How often each error was answered, by code and message (numbers taken out so that kinds group). */
function errorKinds(answers: readonly LoadAnswer[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const error of answers.flatMap(({ body }) => body.errors ?? [])) {
    const kind = `${String(error.extensions?.code)}: ${error.message.replace(/\d+/g, "N").slice(0, 120)}`;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

/** The biggest supplier whose first 20 customers have the most parents, so the hub read shows parents. */
async function hubWithParentedCustomers(url: string): Promise<string> {
  const { body } = await postGraphQL(url, `{ hubs(first: 10) { node { id } } }`);
  expect(body.errors).toBeUndefined();
  let best = { id: "", parents: -1 };
  for (const { node } of body.data.hubs as { node: { id: string } }[]) {
    const read = await postGraphQL(url, HUB_READ, { id: node.id });
    const parents = (JSON.stringify(read.body.data).match(/"parent":\{/g) ?? []).length;
    if (parents > best.parents) best = { id: node.id, parents };
  }
  expect(best.parents).toBeGreaterThan(0);
  return best.id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
