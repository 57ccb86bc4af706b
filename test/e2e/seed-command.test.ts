import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { loadSeed, seedDir } from "../../seed/loader";
import { neo4jTestConfig } from "../helpers/neo4j-server";
import { startLocalNeo4j } from "../../neo4j/launcher";

const cfg = neo4jTestConfig();
const root = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

/** `npm run seed` as a user runs it: its own process, configured by the environment. */
async function seed(args: string[] = [], extraEnv: Record<string, string> = {}) {
  const env = {
    PATH: process.env.PATH ?? "",
    NEO4J_URI: cfg!.uri,
    NEO4J_USER: cfg!.user,
    ...(cfg!.password ? { NEO4J_PASSWORD: cfg!.password } : {}),
    ...(cfg!.database ? { NEO4J_DATABASE: cfg!.database } : {}),
    ...extraEnv,
  };
  try {
    const { stdout, stderr } = await run(`${root}node_modules/.bin/tsx`, ["seed/cli.ts", ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!cfg)("npm run seed", () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await Neo4jStore.connect(cfg!);
    await store.clear();
  });
  afterAll(() => store?.close());

  it("loads the seed with progress, and loading it again leaves the same counts", async () => {
    const first = await seed();
    expect(first.code, first.stderr).toBe(0);
    const counts = await store.counts();
    // The article's 10 companies, and the 8 more the shipped reports name.
    expect(counts.companies).toBe(18);
    expect(first.stdout).toMatch(/^recorded import-[0-9a-f]+: 132 claims \(changes 1\.\.\d+\)$/m);
    for (const phase of ["sources", "evidence", "nodes", "relationships", "claims", "metrics"]) {
      expect(first.stdout).toMatch(new RegExp(`^${phase} ([\\d,]+)/\\1 \\(100%\\), [\\d,]+/s$`, "m"));
    }
    const article = loadSeed().relationships.length;
    expect(first.stdout).toContain(`relationships ${article}/${article} (100%)`);
    const second = await seed();
    expect(second.code, second.stderr).toBe(0);
    expect(await store.counts()).toEqual(counts);
    expect(second.stdout).toContain(`after:  companies ${counts.companies}`);
  }, 120_000);

  it("refuses a broken dataset with the file, record and problem, and writes nothing", async () => {
    const before = await store.counts();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-broken-seed-"));
    try {
      for (const f of fs.readdirSync(seedDir())) fs.copyFileSync(path.join(seedDir(), f), path.join(dir, f));
      const file = path.join(dir, "relationships.json");
      const data = JSON.parse(fs.readFileSync(file, "utf8"));
      data.relationships.push({ ...data.relationships[0], id: "new-edge-to-nowhere", from: "no-such-company" });
      fs.writeFileSync(file, JSON.stringify(data));
      const claimsFile = path.join(dir, "claims.json");
      const claims = JSON.parse(fs.readFileSync(claimsFile, "utf8"));
      claims.claims[1].amount = { estimate: 5, low: 10, high: 1, qualifier: "RANGE", period: "MONTH" };
      fs.writeFileSync(claimsFile, JSON.stringify(claims));
      const res = await seed([dir]);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(
        /relationships\.json: relationships\[\d+\] 'new-edge-to-nowhere': unknown company id 'no-such-company' in 'from'/,
      );
      expect(res.stderr).toMatch(/claims\.json: claims\[1\] '[a-z0-9-]+': amount: high \(1\) must be >= low \(10\)/);
      expect(res.stderr).not.toMatch(/\n\s+at /);
      expect(await store.counts()).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("--bulk fills an empty server folder with the counts of a transactional load, and refuses it once it holds records", async () => {
    await store.clear();
    const transactional = await seed();
    expect(transactional.code, transactional.stderr).toBe(0);
    const expected = await store.counts();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-bulk-seed-"));
    try {
      const bulk = await seed(["--bulk"], { NEO4J_DATA_DIR: dataDir });
      expect(bulk.code, bulk.stderr).toBe(0);
      expect(bulk.stdout).toMatch(/^recorded import-[0-9a-f]+: 132 claims \(changes 1\.\.\d+\)$/m);
      expect(bulk.stdout).toMatch(/^loaded .* in [\d.]+ s .*: [\d,]+ records, [\d,]+\/s; store [\d,]+ MiB$/m);
      const again = await seed(["--bulk"], { NEO4J_DATA_DIR: dataDir });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^seed: DATABASE_NOT_EMPTY: the database in .* holds \d+ nodes/);
      expect(again.stderr).not.toMatch(/\n\s+at /);
      // The folder as the refused run left it, served: the seed and the shipped reports, as loaded above.
      const server = await startLocalNeo4j({ dataDir, port: 0 });
      try {
        const bulkStore = await Neo4jStore.connect({ uri: server.uri, user: "neo4j", password: null, database: null });
        try {
          expect(await bulkStore.counts()).toEqual(expected);
        } finally {
          await bulkStore.close();
        }
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
