/**
 * Each server under test runs in a child process of its own, and the load generator in this one.
 * A server sharing the load generator's process would share its event loop: autocannon's own work
 * (writing requests, parsing answers, recording latencies) would be counted as the server's, and
 * servers would also share one heap and garbage collector with each other and with the datasets the
 * benchmark holds. In a child, a server has its process to itself, as it would in production, and
 * its memory can be read alone. Children run TypeScript through tsx (inherited from this process).
 */
import { type ChildProcess, fork } from "node:child_process";
import type { ServerSettings } from "./peer-server";
import { type FromServer, SERVE_ENTRY, type ServerName, SETTINGS_ENV, type ToServer } from "./serve";

export interface ServerProcess {
  readonly url: string;
  readonly note?: string;
  /** The server process's resident memory, in bytes. */
  rss(): Promise<number>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 300_000;
const STOP_GRACE_MS = 10_000;

export async function startServerProcess(name: ServerName, settings: ServerSettings): Promise<ServerProcess> {
  const child = fork(SERVE_ENTRY, [name], {
    // With NODE_ENV=production, which src/server/runtime-env.ts set for this process.
    env: { ...process.env, [SETTINGS_ENV]: JSON.stringify(settings) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const ready = await nextMessage(child, START_TIMEOUT_MS, `${name} did not start`);
    if (ready.type === "failed") throw new Error(`${name} did not start: ${ready.message}`);
    if (ready.type !== "ready") throw new Error(`${name} sent ${ready.type} before it was ready`);
    return {
      url: ready.url,
      ...(ready.note ? { note: ready.note } : {}),
      rss: async () => {
        send(child, { type: "memory" });
        const answer = await nextMessage(child, 10_000, `${name} did not report its memory`);
        return answer.type === "memory" ? answer.rss : Number.NaN;
      },
      stop: () => stopChild(child),
    };
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}

/** The child's next message; rejects if it exits first or `timeoutMs` passes. */
function nextMessage(child: ChildProcess, timeoutMs: number, what: string): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (message: FromServer) => (done(), resolve(message));
    const onExit = (code: number | null, signal: string | null) => (
      done(),
      reject(new Error(`${what}: its process exited (${signal ?? `exit code ${code}`})`))
    );
    const timer = setTimeout(() => (done(), reject(new Error(`${what} within ${timeoutMs / 1000} s`))), timeoutMs);
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

function send(child: ChildProcess, message: ToServer): void {
  if (child.connected) child.send(message);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  send(child, { type: "stop" });
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
