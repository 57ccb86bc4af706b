import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { servedUrl, startServerProcess as start } from "../helpers/server-process";

describe("the start command", () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) c.kill("SIGKILL");
  });

  it("serves the seeded graph on the embedded store and stops cleanly", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-start-"));
    const proc = start({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", DATA_DIR: dataDir });
    children.push(proc.child);
    const url = await servedUrl(proc);
    expect(url, proc.err()).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    const res = await fetch(url!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ company(id: "tiktok") { parent { id } } storeInfo { store companies } }` }),
    });
    expect(await res.json()).toEqual({
      data: { company: { parent: { id: "bytedance" } }, storeInfo: { store: "memory", companies: 18 } },
    });
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
  }, 90_000);

  it("says in one line that Neo4j is unreachable and exits non-zero", async () => {
    const proc = start({ PORT: "0", NEO4J_URI: "bolt://127.0.0.1:1", LOG_LEVEL: "silent" });
    children.push(proc.child);
    expect(await proc.exited).toBe(1);
    const lines = proc.err().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cannot start: Neo4j at bolt:\/\/127\.0\.0\.1:1 is unreachable/);
  }, 90_000);

  it("names a bad configuration value and exits non-zero", async () => {
    const proc = start({ PORT: "not-a-port", NEO4J_URI: "http://example" });
    children.push(proc.child);
    expect(await proc.exited).toBe(1);
    expect(proc.err()).toMatch(/PORT="not-a-port"/);
    expect(proc.err()).toMatch(/NEO4J_URI="http:\/\/example": must look like bolt:\/\/host:7687/);
    expect(proc.err()).not.toMatch(/\n\s+at /);
  }, 90_000);
});
