import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { filing } from "../helpers/batches";
import { importCommand } from "../helpers/import-command";
import { servedUrl, startServerProcess } from "../helpers/server-process";
import { BURST_EDITOR_KEY, BURST_ENV, feedOf, type Receipted, recordOver } from "../helpers/write-burst";

/**
 * The embedded store's data folder has one writer: imports, API writes and SIGKILLs interleaved
 * never renumber an acknowledged seq, and a journal whose seqs do not follow stops the start.
 */
describe("one writer per data folder (embedded store)", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-one-writer-"));
  const files = fs.mkdtempSync(path.join(os.tmpdir(), "cg-one-writer-files-"));
  const env = { PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: dataDir, ...BURST_ENV };
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  });

  const started = async () => {
    const proc = startServerProcess(env);
    children.push(proc.child);
    return { proc, url: await servedUrl(proc) };
  };
  const killed = async (server: Awaited<ReturnType<typeof started>>) => {
    server.proc.child.kill("SIGKILL");
    await server.proc.exited;
  };
  /** An import file: the filing's records, with no recordedAt or recordedBy. */
  const importFile = (name: string, claimId: string) => {
    const file = path.join(files, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify(filing(name, claimId).input.records));
    return file;
  };
  const write = async (url: string, key: string, claimId: string): Promise<Receipted> => {
    const answer = await recordOver(url, filing(key, claimId), BURST_EDITOR_KEY);
    expect(answer.errors, key).toBeUndefined();
    return answer.data.recordBatch as Receipted;
  };
  /** The seqs an import's output says it was given. */
  const imported = (stdout: string): Receipted => {
    const [, key, first, last] = /recorded (\S+) on memory: changes (\d+)\.\.(\d+)/.exec(stdout)!;
    return { key: key!, firstSeq: Number(first), lastSeq: Number(last) };
  };

  it("refuses an import beside the server, and keeps every acknowledged seq across imports and SIGKILLs", async () => {
    const acknowledged: Receipted[] = [];
    const first = await started();
    acknowledged.push(await write(first.url, "w-1", "w-claim-1"));

    const beside = await importCommand([importFile("beside", "beside-claim")], { DATA_DIR: dataDir });
    expect(beside.code).toBe(1);
    expect(beside.stderr).toContain(`pid ${first.proc.child.pid}`);
    expect(beside.stderr).toContain(`serving at ${first.url}`);
    // A dry run only reads: it may run beside the server.
    const dry = await importCommand([importFile("beside", "beside-claim"), "--dry-run"], { DATA_DIR: dataDir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^would record import-/m);
    acknowledged.push(await write(first.url, "w-2", "w-claim-2"));
    await killed(first);

    // The killed server's lock is stale: the import takes it over.
    const after = await importCommand([importFile("after-kill", "import-claim-1"), "--by", "ops"], {
      DATA_DIR: dataDir,
    });
    expect(after.code, after.stderr).toBe(0);
    acknowledged.push(imported(after.stdout));
    expect(acknowledged[2]!.firstSeq).toBe(acknowledged[1]!.lastSeq + 1);

    const second = await started();
    acknowledged.push(await write(second.url, "w-3", "w-claim-3"));
    // A retry answers the first receipt; other content under the key is refused, after restarts too.
    expect(await write(second.url, "w-1", "w-claim-1")).toEqual(acknowledged[0]);
    const reused = await recordOver(second.url, filing("w-1", "w-claim-other"), BURST_EDITOR_KEY);
    expect(reused.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    await killed(second);
    const again = await importCommand([importFile("after-kill", "import-claim-1")], { DATA_DIR: dataDir });
    expect(again.stdout).toContain("already recorded");

    const third = await started();
    const feed = await feedOf(third.url);
    expect(feed.map((change) => change.seq)).toEqual(Array.from({ length: feed.length }, (_, i) => i + 1));
    for (const receipt of acknowledged) {
      const seqs = feed.filter((change) => change.batchKey === receipt.key).map((change) => change.seq);
      expect(seqs, receipt.key).toEqual([receipt.firstSeq]);
    }
    await killed(third);
  }, 240_000);

  it("refuses to start on a journal whose seqs do not follow, naming the line", async () => {
    const journal = path.join(dataDir, "journal.ndjson");
    const lines = fs.readFileSync(journal, "utf8").trimEnd().split("\n");
    const forged = { ...JSON.parse(lines.at(-1)!), key: "forged", firstSeq: 1 };
    fs.appendFileSync(journal, `${JSON.stringify(forged)}\n`);
    const proc = startServerProcess(env);
    children.push(proc.child);
    expect(await proc.exited).toBe(1);
    expect(proc.err()).toContain(
      `out of order at line ${lines.length + 1}: batch 'forged' was acknowledged with seq 1`,
    );
  }, 120_000);
});
