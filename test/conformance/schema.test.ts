import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import type { Neo4jConfig } from "../../src/store/neo4j/neo4j-config";
import { type LocalNeo4j, startLocalNeo4j } from "../../neo4j/launcher";
import { neo4jTestConfig } from "../helpers/neo4j-server";

const cfg = neo4jTestConfig();

/** Names of the indexes and constraints the server holds, read straight from it. */
async function ruleNames(config: Neo4jConfig): Promise<{ indexes: string[]; constraints: string[] }> {
  const driver = neo4j.driver(config.uri);
  try {
    const { records } = await driver.executeQuery(
      "SHOW INDEXES YIELD name, owningConstraint RETURN name, owningConstraint IS NOT NULL AS constraint",
    );
    const named = (constraint: boolean) =>
      records.filter((rec) => rec.get("constraint") === constraint).map((rec) => String(rec.get("name")));
    return { indexes: named(false), constraints: named(true) };
  } finally {
    await driver.close();
  }
}

// A server of its own: the schema is made on its first start, which the shared test server is past.
describe.skipIf(!cfg)("the schema on a fresh database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-schema-test-"));
  let server: LocalNeo4j;
  let config: Neo4jConfig;

  beforeAll(async () => {
    server = await startLocalNeo4j({ dataDir, port: 0 });
    config = { uri: server.uri, user: "neo4j", password: null, database: null };
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("is made once when two processes connect at once, and both connect", async () => {
    const stores = await Promise.all([Neo4jStore.connect(config), Neo4jStore.connect(config)]);
    try {
      const { indexes, constraints } = await ruleNames(config);
      // A sample of each kind of rule, named as schema.ts names them.
      expect(constraints).toEqual(
        expect.arrayContaining(["entity_id", "claim_id", "evidence_id", "rel_buys_from_id", "rel_subsidiary_of_id"]),
      );
      expect(indexes).toEqual(
        expect.arrayContaining(["claim_relationship", "entity_search_text", "company_id", "change_seq"]),
      );
      // No rule twice: each name once.
      expect(new Set([...indexes, ...constraints]).size).toBe(indexes.length + constraints.length);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  }, 300_000);
});
