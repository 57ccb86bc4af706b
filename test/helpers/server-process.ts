import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  out(): string;
  err(): string;
}

/**
 * Runs `npm start`'s entry point as a user would, in its own process: one Node process with tsx's
 * loader, not the tsx command, which runs the server in a child of its own that would outlive a
 * SIGKILL sent to `child` (a crash test would then crash nothing, and leave a server behind).
 */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** The GraphQL url the process prints once it serves; fails after a minute. */
export async function servedUrl(proc: ServerProcess): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (!/ready at (\S+)/.test(proc.out()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const url = /ready at (\S+)/.exec(proc.out())?.[1];
  if (!url) throw new Error(`the server did not start: ${proc.err()}`);
  return url;
}
