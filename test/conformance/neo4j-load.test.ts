import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dataset, EMPTY_DATASET } from "../../src/domain/dataset";
import type { Relationship } from "../../src/domain/entities";
import type { GraphStore } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import type { LoadPhase, LoadProgress } from "../../src/store/neo4j/batched-load";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { generateDataset } from "../../seed/generator";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { companyRecord, relationshipRecord } from "../helpers/records";
import { refusalOf } from "../helpers/refusals";

const cfg = neo4jTestConfig();

/** Small batches, so that a few thousand companies take dozens of transactions. */
const BATCH_SIZE = 500;

/** Everything a store holds, read back through the port. */
async function contents(store: GraphStore, d: Dataset) {
  const nodeIds = [...d.companies, ...d.products, ...d.people].map((n) => n.id);
  return {
    counts: await store.counts(),
    companies: (await store.listCompanies({}, {})).items,
    products: (await store.listProducts({})).items,
    nodes: await store.nodesByIds(nodeIds),
    relationships: (await store.listRelationships({}, {})).items,
    evidence: await store.evidenceByIds(d.evidence.map((e) => e.id)),
    sources: await store.sourcesByIds(d.sources.map((s) => s.id)),
    metrics: await store.metricsOf(nodeIds),
  };
}

class Stopped extends Error {}

/** A progress callback that records every report and throws after the `n`th batch of `phase`. */
function stopAfter(phase: LoadPhase | null, n: number) {
  const reports: LoadProgress[] = [];
  let seen = 0;
  const onProgress = (p: LoadProgress) => {
    reports.push(p);
    if (p.phase === phase && ++seen === n) throw new Stopped(`stopped after ${n} ${phase} batches`);
  };
  return { reports, onProgress };
}

describe.skipIf(!cfg)("Neo4jStore.load, in batches", () => {
  let store: Neo4jStore;
  const dataset = generateDataset({ seed: 20_240_801, companies: 3_000 });
  const memory = new MemoryStore();
  let clean: Awaited<ReturnType<typeof contents>>;
  let cleanReports: LoadProgress[];

  beforeAll(async () => {
    store = await Neo4jStore.connect(cfg!);
    await memory.load(dataset);
    await store.clear();
    const progress = stopAfter(null, 0);
    await store.load(dataset, { batchSize: BATCH_SIZE, onProgress: progress.onProgress });
    clean = await contents(store, dataset);
    cleanReports = progress.reports;
  }, 300_000);
  afterAll(() => store?.close());

  it("holds exactly what the memory store holds after loading a generated graph", async () => {
    expect(dataset.relationships.length).toBeGreaterThan(6_000);
    expect(clean.relationships).toHaveLength(dataset.relationships.length);
    expect(clean).toStrictEqual(await contents(memory, dataset));
  });

  it("reports each committed batch, phase by phase in each lane, up to each phase's total", () => {
    const phases = [...new Set(cleanReports.map((p) => p.phase))];
    expect([...phases].sort()).toEqual(
      ["claims", "derivations", "evidence", "metrics", "nodes", "relationships", "sources", "withdrawn"].sort(),
    );
    // In its lane, a phase starts once the one before it has reported its last batch.
    const lanes: LoadPhase[][] = [
      ["nodes", "relationships", "withdrawn"],
      ["sources", "derivations", "evidence", "claims", "metrics"],
    ];
    for (const lane of lanes) {
      const inLane = cleanReports.filter((p) => lane.includes(p.phase)).map((p) => p.phase);
      expect(inLane.filter((phase, i) => phase !== inLane[i - 1])).toEqual(lane);
    }
    for (const phase of phases) {
      const reports = cleanReports.filter((p) => p.phase === phase);
      const done = reports.map((p) => p.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(new Set(done).size).toBe(done.length);
      expect(reports.every((p, i) => p.done - (done[i - 1] ?? 0) <= BATCH_SIZE)).toBe(true);
      expect(reports.at(-1)!.done).toBe(reports[0]!.total);
    }
    expect(cleanReports.find((p) => p.phase === "relationships")!.total).toBe(dataset.relationships.length);
  });

  it.each([
    ["sources", 1],
    ["evidence", 3],
    ["nodes", 2],
    ["relationships", 5],
  ] as const)(
    "stopped after %s batch %i, then run again, ends exactly like a clean load",
    async (phase, n) => {
      await store.clear();
      const progress = stopAfter(phase, n);
      await expect(store.load(dataset, { batchSize: BATCH_SIZE, onProgress: progress.onProgress })).rejects.toThrow(
        Stopped,
      );
      const reported = progress.reports.length;
      const partial = await store.counts();
      // The other lane stopped too, before the load answered: nothing was written after the answer.
      expect(progress.reports).toHaveLength(reported);
      expect(await store.counts()).toEqual(partial);
      expect(partial).not.toEqual(clean.counts);
      if (phase === "relationships") {
        expect(partial.relationships).toBeGreaterThan(0);
        expect(partial.relationships).toBeLessThan(clean.counts.relationships);
      }
      // Run again as it would be after a crash: the same dataset, other batches.
      await store.load(dataset);
      expect(await store.counts()).toEqual(clean.counts);
      expect((await store.listRelationships({}, {})).items).toStrictEqual(clean.relationships);
      expect(await contents(store, dataset)).toStrictEqual(clean);
    },
    300_000,
  );

  it("replaces relationships that changed type or ends, also when stopped halfway and run again", async () => {
    const changed = changedVersion(dataset);
    const expected = new MemoryStore();
    await expected.load(dataset);
    await expected.load(changed);

    await store.clear();
    await store.load(dataset);
    const progress = stopAfter("relationships", 3);
    await expect(store.load(changed, { batchSize: BATCH_SIZE, onProgress: progress.onProgress })).rejects.toThrow(
      Stopped,
    );
    await store.load(changed, { batchSize: BATCH_SIZE });
    expect(await contents(store, changed)).toStrictEqual(await contents(expected, changed));
  }, 300_000);

  it("refuses, before writing anything, a relationship to a node in neither the dataset nor the store", async () => {
    await store.clear();
    await store.load(dataset);
    const existing = dataset.companies[0]!.id;
    const broken: Dataset = {
      ...EMPTY_DATASET,
      companies: [companyRecord("brand-new")],
      relationships: [
        relationshipRecord("brand-new-partners-existing", "PARTNERS_WITH", "brand-new", existing),
        relationshipRecord("brand-new-buys-from-nowhere", "BUYS_FROM", "brand-new", "no-such-company"),
      ],
    };
    const error = await refusalOf(store.load(broken));
    expect(error.message).toBe(
      "cannot load: relationship 'brand-new-buys-from-nowhere' refers to unknown node 'no-such-company'",
    );
    expect(await store.counts()).toEqual(clean.counts);
    expect(await store.nodesByIds(["brand-new"])).toEqual([null]);

    // An end that is only in the store is fine.
    await store.load({ ...broken, relationships: broken.relationships.slice(0, 1) });
    expect(await store.relationshipsByIds(["brand-new-partners-existing"])).toEqual([broken.relationships[0]]);
  });

  it("loads the last of repeated ids, like the memory store", async () => {
    const [a, b] = dataset.companies;
    const repeated: Dataset = {
      ...EMPTY_DATASET,
      companies: [companyRecord("twice", { name: "First" }), a!, b!, companyRecord("twice", { name: "Second" })],
      relationships: [
        relationshipRecord("same-id", "BUYS_FROM", "twice", a!.id),
        relationshipRecord("same-id", "PARTNERS_WITH", b!.id, "twice"),
      ],
    };
    const expected = new MemoryStore();
    await expected.load(repeated);
    await store.clear();
    await store.load(repeated);
    expect(await contents(store, repeated)).toStrictEqual(await contents(expected, repeated));
  });
});

/**
 * The same graph with every 7th relationship moved to other ends, every 11th of another type, every
 * 13th without its amount, and a new relationship per 50 companies.
 */
function changedVersion(d: Dataset): Dataset {
  const companies = d.companies;
  const relationships: Relationship[] = d.relationships.map((r, i) => {
    const elsewhere = companies[(i + 1) % companies.length]!.id;
    if (i % 7 === 0 && elsewhere !== r.to) return { ...r, from: elsewhere };
    if (i % 11 === 0) return { ...r, kind: r.kind === "PARTNERS_WITH" ? "INVESTS_IN" : "PARTNERS_WITH" };
    if (i % 13 === 0) return { ...r, amount: null, note: "amount withdrawn" };
    return r;
  });
  for (let i = 0; i + 1 < companies.length; i += 50) {
    relationships.push(relationshipRecord(`added-${i}`, "PARTNERS_WITH", companies[i]!.id, companies[i + 1]!.id));
  }
  return { ...d, relationships };
}
