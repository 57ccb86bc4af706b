/** How the benchmark runs this project's server: as in production, silent, on a free port of 127.0.0.1. */
import { type RunningServer, startHttpServer } from "../../src/server/app";
import { type Config, loadConfig } from "../../src/server/config";
import { createLogger } from "../../src/server/logger";
import type { GraphStore } from "../../src/store/graph-store";
import type { PeerServer } from "../peer-server";

/**
 * Production settings but two: the load generator is one client repeating a few queries, so a
 * per-client budget would throttle it and the response cache would answer from memory. What is
 * measured is the work of a read, as for the peers.
 */
function productionConfig(): Config {
  return loadConfig({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    RATE_LIMIT_COST_PER_SECOND: "0",
    RESPONSE_CACHE_MB: "0",
    // The admission limits stay the server's defaults unless set for the run, to measure others.
    ...admissionOverrides(process.env),
  });
}

/** This project's HTTP server on `store`, as in production; stopping it closes the store. */
export async function serveProject(store: GraphStore): Promise<PeerServer> {
  const server = await startHttpServer({ store, config: productionConfig(), logger: createLogger("silent") });
  return {
    url: urlOf(server),
    stop: async () => {
      await server.stop();
      await store.close();
    },
  };
}

/** The server's URL with the address it listens on rather than `localhost`, which a client may try over IPv6 first. */
function urlOf(server: RunningServer): string {
  return `http://127.0.0.1:${server.port}/graphql`;
}

/** MAX_CONCURRENT_OPERATIONS and MAX_QUEUED_OPERATIONS when the benchmark's environment sets them. */
function admissionOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const names = ["MAX_CONCURRENT_OPERATIONS", "MAX_QUEUED_OPERATIONS"];
  return Object.fromEntries(names.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}
