import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { Journal } from "../../src/store/memory/journal";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { importCommand } from "../helpers/import-command";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { postGraphQL } from "../helpers/post-graphql";
import { BURST_EDITOR_KEY, BURST_ENV, feedOf, recordOver } from "../helpers/write-burst";
import { filing } from "../helpers/batches";

/**
 * The worked batch of seed/README.md, as the documentation shows it: imported verbatim (with no
 * recordedAt or recordedBy, given `--by`), and sent by the README's own curl example.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const CLAIM = "claim-example-retail-buys-azure-openai-2024";

/** The json block after the worked-batch marker of seed/README.md, as text. */
function documentedBatch(): string {
  const readme = fs.readFileSync(path.join(root, "seed/README.md"), "utf8");
  const marker = readme.indexOf("<!-- the worked batch");
  const block = /```json\n([\s\S]*?)\n```/.exec(readme.slice(marker));
  if (marker < 0 || !block) throw new Error("seed/README.md has no worked batch");
  return block[1]!;
}

/** The README's curl example, run by bash with a curl that prints the body it would send. */
function readmeRequestBody(): { variables: { input: { key: string; records: unknown } }; query: string } {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)\n```/g)].find((m) => m[1]!.includes("recordBatch(input:"));
  if (!block) throw new Error("README.md has no recordBatch curl example");
  const script = `curl() { cat; }\n${block[1]}`;
  const out = execFileSync("bash", ["-c", script], { env: { PATH: process.env.PATH ?? "", KEY: "the-key" } });
  return JSON.parse(out.toString("utf8"));
}

describe("the documented batch", () => {
  const batchFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-documented-")), "batch.json");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-documented-data-"));
  beforeAll(() => fs.writeFileSync(batchFile, documentedBatch()));
  afterAll(() => {
    fs.rmSync(path.dirname(batchFile), { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("has no recordedAt or recordedBy, and imports with --by, which stamps its claim", async () => {
    expect(documentedBatch()).not.toMatch(/recordedAt|recordedBy/);
    const res = await importCommand([batchFile, "--by", "ana"], { DATA_DIR: dataDir });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^recorded import-[0-9a-f]+ on memory: changes 1\.\.1; /m);
    // What npm start would serve: the seed and the journal the import wrote.
    const store = new MemoryStore(new Journal(path.join(dataDir, "journal.ndjson")));
    await store.load(loadSeed());
    store.replayJournal();
    const [claim] = await store.claimsByIds([CLAIM]);
    expect(claim?.recordedBy).toBe("ana");
    expect(claim?.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const [company] = await store.nodesByIds(["example-retail"]);
    expect(company?.name).toBe("Example Retail");
  }, 120_000);

  it("is what the README's curl sends, under a fresh key each time, and records over HTTP", async () => {
    const body = readmeRequestBody();
    expect(body.variables.input.records).toEqual(JSON.parse(documentedBatch()));
    expect(body.variables.input.key).toMatch(/^example-retail-[0-9a-f]{16}$/);
    expect(readmeRequestBody().variables.input.key).not.toBe(body.variables.input.key);

    const store = new MemoryStore();
    await store.load(loadSeed());
    const server = await startTestServer(store, BURST_ENV);
    try {
      const res = await postGraphQL(server.url, body.query, body.variables, {
        authorization: `Bearer ${BURST_EDITOR_KEY}`,
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.recordBatch).toMatchObject({ key: body.variables.input.key, claimIds: [CLAIM] });
    } finally {
      await server.stop();
    }
  });
});

const cfg = neo4jTestConfig();

describe.skipIf(!cfg)("imports and API writes share one ordered counter on Neo4j", () => {
  let store: Neo4jStore;
  let server: TestServer;
  const env = {
    NEO4J_URI: cfg!.uri,
    NEO4J_USER: cfg!.user,
    ...(cfg!.password ? { NEO4J_PASSWORD: cfg!.password } : {}),
    ...(cfg!.database ? { NEO4J_DATABASE: cfg!.database } : {}),
  };
  const batchFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-documented-neo4j-")), "batch.json");
  beforeAll(async () => {
    fs.writeFileSync(batchFile, documentedBatch());
    store = await Neo4jStore.connect(cfg!);
    await store.clear();
    await store.load(loadSeed());
    server = await startTestServer(store, BURST_ENV);
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
    fs.rmSync(path.dirname(batchFile), { recursive: true, force: true });
  });

  it("numbers an import between the server's writes, gap-free, stamped with the OS user by default", async () => {
    const before = await recordOver(server.url, filing("api-before", "api-before-claim"), BURST_EDITOR_KEY);
    expect(before.errors).toBeUndefined();
    const imported = await importCommand([batchFile], env);
    expect(imported.code, imported.stderr).toBe(0);
    const after = await recordOver(server.url, filing("api-after", "api-after-claim"), BURST_EDITOR_KEY);
    expect(after.errors).toBeUndefined();

    const feed = await feedOf(server.url);
    expect(feed.map((change) => change.claimId)).toEqual(["api-before-claim", CLAIM, "api-after-claim"]);
    expect(feed.map((change) => change.seq)).toEqual([1, 2, 3]);
    const [claim] = await store.claimsByIds([CLAIM]);
    expect(claim?.recordedBy).toBe(os.userInfo().username);
  }, 120_000);
});
