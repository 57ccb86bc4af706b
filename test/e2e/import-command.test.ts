import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import type { GraphStore } from "../../src/store/graph-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { importCommand } from "../helpers/import-command";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { servedUrl, startServerProcess } from "../helpers/server-process";

const cfg = neo4jTestConfig();
const root = fileURLToPath(new URL("../../", import.meta.url));
const reports = path.join(root, "seed/reports");

/** What the reports make of TikTok's spend and of Microsoft's Azure OpenAI customers. */
async function reportsShow(store: GraphStore) {
  const [tiktok] = await store.relationshipsByIds(["tiktok-buys-azure-openai-from-microsoft"]);
  const [customers] = await store.relationshipsOf(
    ["microsoft"],
    { kinds: ["BUYS_FROM"], direction: "IN", productIds: ["azure-openai"] },
    {},
  );
  expect(tiktok!.agreement.claims).toBeGreaterThan(10);
  expect(tiktok!.agreement.independentOrigins).toBeLessThan(tiktok!.agreement.claims / 3);
  expect(customers!.items.map((r) => r.from)).toEqual(
    expect.arrayContaining(["att", "coca-cola", "fidelity", "volvo"]),
  );
}

describe.skipIf(!cfg)("npm run import on Neo4j", () => {
  let store: Neo4jStore;
  const env = {
    NEO4J_URI: cfg!.uri,
    NEO4J_USER: cfg!.user,
    ...(cfg!.password ? { NEO4J_PASSWORD: cfg!.password } : {}),
    ...(cfg!.database ? { NEO4J_DATABASE: cfg!.database } : {}),
  };
  beforeAll(async () => {
    store = await Neo4jStore.connect(cfg!);
    await store.clear();
    await store.load(loadSeed());
  });
  afterAll(() => store?.close());

  it("checks without writing, records the reports once, and says so the second time", async () => {
    const before = await store.counts();
    const dry = await importCommand([reports, "--dry-run"], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^would record import-[0-9a-f]+: 136 sources, 147 evidence, .* 132 claims/m);
    expect(await store.counts()).toEqual(before);

    const first = await importCommand([reports], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^recorded import-[0-9a-f]+ on neo4j: changes 1\.\.\d+; /m);
    const counts = await store.counts();
    expect(counts.claims).toBe(before.claims + 132);
    await reportsShow(store);

    const second = await importCommand([reports], env);
    expect(second.stdout).toMatch(/already recorded/);
    expect(await store.counts()).toEqual(counts);
    expect((await store.listChanges(0, {})).totalCount).toBe(Number(/changes 1\.\.(\d+)/.exec(first.stdout)![1]));
  }, 240_000);

  it("refuses a broken file, naming the record, and writes nothing", async () => {
    const before = await store.counts();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-import-"));
    const file = path.join(dir, "claims.json");
    fs.writeFileSync(file, JSON.stringify({ claims: [{ id: "c-1", relationship: "nowhere", source: "nobody" }] }));
    const res = await importCommand([file], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("claims.json: claims[0] 'c-1'");
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(await store.counts()).toEqual(before);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});

describe("npm run import on the embedded store", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-import-journal-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("writes the journal that npm start replays", async () => {
    const res = await importCommand([reports], { DATA_DIR: dataDir });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^recorded import-[0-9a-f]+ on memory/m);
    const proc = startServerProcess({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", DATA_DIR: dataDir });
    try {
      const url = await servedUrl(proc);
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ company(id: "att") { name } changes { totalCount } }` }),
      });
      const body = (await answer.json()) as { data: { company: { name: string }; changes: { totalCount: number } } };
      expect(body.data.company.name).toMatch(/AT&T/);
      expect(body.data.changes.totalCount).toBeGreaterThanOrEqual(132);
    } finally {
      proc.child.kill("SIGKILL");
    }
  }, 120_000);
});
