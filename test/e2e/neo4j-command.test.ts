import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

describe("npm run neo4j", () => {
  it("refuses a bad memory setting with one line naming the variable, and starts nothing", async () => {
    const env = { PATH: process.env.PATH ?? "", NEO4J_PAGECACHE: "half", NEO4J_DATA_DIR: "/nonexistent/never" };
    const res = await run(`${root}node_modules/.bin/tsx`, ["neo4j/cli.ts"], { cwd: root, env }).then(
      () => ({ code: 0, stderr: "" }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('neo4j: NEO4J_PAGECACHE must be a size such as 768m or 2g, at least 8m; got "half"\n');
  });
});
