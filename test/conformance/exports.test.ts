import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringSink } from "../../src/analytics/exports/sink";
import { type ExportFormat, type ExportParams, prepareExport } from "../../src/server/export-routes";
import type { GraphStore } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { generateDataset } from "../../seed/generator";
import { neo4jTestConfig } from "../helpers/neo4j-server";

/**
 * The streamed exports read the store only through the port's paged reads: Neo4j and the embedded
 * store holding the same graph write the same files, byte for byte, over several pages.
 */

const cfg = neo4jTestConfig();
// Enough relationships and claims for several pages of 500.
const COMPANIES = 600;

async function written(store: GraphStore, format: ExportFormat, params: ExportParams) {
  const prepared = await prepareExport(store, format, params, { maxWholeGraph: null });
  const { sink, text } = stringSink();
  await prepared.write(sink);
  return text();
}

describe.skipIf(!cfg)("whole-graph, claims and matrix exports on Neo4j and the embedded store", () => {
  let memory: MemoryStore;
  let neo4j: Neo4jStore;

  beforeAll(async () => {
    const dataset = generateDataset({ seed: 7, companies: COMPANIES });
    memory = new MemoryStore();
    await memory.load(dataset);
    neo4j = await Neo4jStore.connect(cfg!);
    await neo4j.clear();
    await neo4j.load(dataset);
  }, 300_000);
  afterAll(async () => {
    await neo4j?.close();
  });

  it("holds more than one page of relationships", async () => {
    expect((await memory.counts()).relationships).toBeGreaterThan(1_000);
  });

  for (const format of ["graphml", "gexf", "cyjs", "edges-csv", "claims-csv"] as const) {
    it(`writes the same whole-graph ${format}`, async () => {
      const expected = await written(memory, format, {});
      expect(expected.length).toBeGreaterThan(10_000);
      expect(await written(neo4j, format, {})).toBe(expected);
    }, 120_000);
  }

  it("writes the same filtered files and the same matrix of the top companies", async () => {
    const filtered = { kinds: "BUYS_FROM", asOf: "2024-06-01" };
    expect(await written(neo4j, "gexf", filtered)).toBe(await written(memory, "gexf", filtered));
    expect(await written(neo4j, "claims-csv", filtered)).toBe(await written(memory, "claims-csv", filtered));
    expect(await written(neo4j, "csv", { top: "8" })).toBe(await written(memory, "csv", { top: "8" }));
  }, 120_000);
});
