import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * `npm run export` with these arguments, on the embedded store as on a fresh machine (whatever the
 * test environment has set): its exit status and what it printed.
 */
export function runExportCli(args: string[]): { status: number; stdout: string; stderr: string } {
  const { NEO4J_URI: _neo4j, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cg-export-cli-")) };
  try {
    const stdout = execFileSync("npx", ["tsx", "src/server/export-cli.ts", ...args], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // Whole-graph exports are written to standard output.
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr: "" };
  } catch (err) {
    const failed = err as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}
