/**
 * The process a server under test runs in (server-process.ts forks it): starts the named server with
 * the settings in BENCH_SERVER_SETTINGS, reports its URL to the parent, answers its questions, and
 * stops when asked or when the parent goes away.
 */
import "../src/server/runtime-env";
import { fileURLToPath } from "node:url";
import type { PeerServer, ServerSettings, StartServer } from "./peer-server";

const SERVERS = {
  "cypher-http": () => import("./servers/cypher-http"),
  "neo4j-graphql": () => import("./servers/neo4j-graphql"),
  "project-neo4j": () => import("./servers/project-neo4j"),
  "bare-graphql": () => import("./servers/bare-graphql"),
  "project-memory": () => import("./servers/project-memory"),
} satisfies Record<string, () => Promise<{ start: StartServer }>>;

export type ServerName = keyof typeof SERVERS;

export const SERVE_ENTRY = fileURLToPath(import.meta.url);
export const SETTINGS_ENV = "BENCH_SERVER_SETTINGS";

/** Parent to child. */
export type ToServer = { type: "stop" } | { type: "memory" };
/** Child to parent. */
export type FromServer =
  { type: "ready"; url: string; note?: string } | { type: "failed"; message: string } | { type: "memory"; rss: number };

async function serve(name: string): Promise<void> {
  const send = (message: FromServer) => process.send!(message);
  let server: PeerServer;
  try {
    if (!(name in SERVERS)) throw new Error(`no server named ${name}`);
    const settings = JSON.parse(process.env[SETTINGS_ENV] ?? "null") as ServerSettings;
    const { start } = await SERVERS[name as ServerName]();
    server = await start(settings);
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    // Whatever the failed start left open (a driver, a socket) must not keep this process alive.
    process.send!({ type: "failed", message } satisfies FromServer, () => process.exit(1));
    return;
  }
  process.on("message", (message: ToServer) => {
    if (message.type === "memory") send({ type: "memory", rss: process.memoryUsage().rss });
    else void server.stop().finally(() => process.exit(0));
  });
  // The parent died or let go: nothing will be asked any more.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", url: server.url, ...(server.note ? { note: server.note } : {}) });
}

if (process.argv[1] === SERVE_ENTRY && process.send) void serve(process.argv[2] ?? "");
