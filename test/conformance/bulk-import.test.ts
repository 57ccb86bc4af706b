import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/domain/dataset";
import type { GraphStore } from "../../src/store/graph-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import type { Neo4jConfig } from "../../src/store/neo4j/neo4j-config";
import { generateDataset, generateParts } from "../../seed/generator";
import { bulkLoad } from "../../seed/bulk-load";
import { type LocalNeo4j, startLocalNeo4j } from "../../neo4j/launcher";
import { REVENUE_FLOWS_QUERY, RISK_PATHS_QUERY } from "../helpers/analytics-queries";
import { execute } from "../helpers/execute";
import { neo4jTestConfig } from "../helpers/neo4j-server";

const cfg = neo4jTestConfig();

/** Every node and relationship with its labels or type and all its properties, in a fixed order. */
async function everything(config: Neo4jConfig) {
  const driver: Driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password ?? ""), {
    disableLosslessIntegers: true,
  });
  try {
    const nodes = await driver.executeQuery(
      "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id, labels(n)",
    );
    const relationships = await driver.executeQuery(
      "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props ORDER BY r.id",
    );
    return {
      nodes: nodes.records.map((rec) => ({ labels: [...(rec.get("labels") as string[])].sort(), ...rec.get("props") })),
      relationships: relationships.records.map((rec) => rec.toObject()),
    };
  } finally {
    await driver.close();
  }
}

/** Answers through the API's own reads and analytics, which must not tell the two loads apart. */
async function answers(store: GraphStore, d: Dataset) {
  const ids = d.companies.slice(0, 6).map((c) => c.id);
  const results: unknown[] = [
    await store.counts(),
    (await store.listRelationships({}, { first: 500 })).items,
    await store.withdrawnRelationships({}),
    (await store.listClaims({}, { first: 500 })).items,
    await store.sourcesByIds(d.sources.map((s) => s.id)),
    await store.evidenceByIds(d.evidence.slice(0, 200).map((e) => e.id)),
  ];
  for (const id of ids) {
    results.push(await execute(store, RISK_PATHS_QUERY, { id, asOf: null, knownAt: null, maxDepth: 4, first: 50 }));
    const vars = { id, asOf: null, knownAt: null, direction: "CUSTOMERS", rollUp: false, product: null };
    results.push(await execute(store, REVENUE_FLOWS_QUERY, vars));
  }
  return results;
}

describe.skipIf(!cfg)("bulk import into an empty database", () => {
  // Four parts (suppliers, then companies 0-39, 40-79, ...): the bulk import writes them as they come.
  const generated = { seed: 11, companies: 150, companiesPerPart: 40 };
  const dataset = generateDataset(generated);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-bulk-test-"));
  const dataDir = path.join(root, "server");
  let transactional: Neo4jStore;
  let bulkServer: LocalNeo4j | undefined;
  let bulk: Neo4jStore | undefined;
  let bulkConfig: Neo4jConfig;

  beforeAll(async () => {
    transactional = await Neo4jStore.connect(cfg!);
    await transactional.clear();
    await transactional.load(dataset);
    await bulkLoad(generateParts(generated), { dataDir, log: () => {} });
    bulkServer = await startLocalNeo4j({ dataDir, port: 0 });
    bulkConfig = { uri: bulkServer.uri, user: "neo4j", password: null, database: null };
    bulk = await Neo4jStore.connect(bulkConfig);
  }, 600_000);

  afterAll(async () => {
    await bulk?.close();
    await bulkServer?.stop();
    await transactional?.close();
    fs.rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it("stores every node and relationship with the same labels, types and properties as a transactional load", async () => {
    const expected = await everything(cfg!);
    // Hand-checkable: the generated graph has withdrawn relationships, derivations and claims.
    expect(dataset.withdrawn.length).toBeGreaterThan(0);
    expect(expected.relationships.length).toBe(dataset.relationships.length);
    expect(expected.nodes.filter((n) => n.labels.includes("Claim")).length).toBe(dataset.claims.length);
    expect(await everything(bulkConfig)).toEqual(expected);
  }, 120_000);

  it("answers the reads and analytics identically", async () => {
    expect(await answers(bulk!, dataset)).toEqual(await answers(transactional, dataset));
  }, 300_000);

  it("refuses a database that holds records, naming the code, and writes nothing", async () => {
    await bulk!.close();
    await bulkServer!.stop();
    bulk = undefined;
    bulkServer = undefined;
    const refusal = bulkLoad([generateDataset({ seed: 12, companies: 20 })], { dataDir, log: () => {} });
    await expect(refusal).rejects.toMatchObject({ code: "DATABASE_NOT_EMPTY", message: /DATABASE_NOT_EMPTY/ });
    bulkServer = await startLocalNeo4j({ dataDir, port: 0 });
    bulkConfig = { uri: bulkServer.uri, user: "neo4j", password: null, database: null };
    bulk = await Neo4jStore.connect(bulkConfig);
    expect(await bulk.counts()).toEqual(await transactional.counts());
  }, 300_000);
});
