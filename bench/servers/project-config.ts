/** How the benchmark runs this project's server: as in production, silent, on a free port of 127.0.0.1. */
import { type RunningServer } from "../../src/server/app";
import { type Config, loadConfig } from "../../src/server/config";

export function productionConfig(): Config {
  return loadConfig({ NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
}

/** The server's URL with the address it listens on rather than `localhost`, which a client may try over IPv6 first. */
export function urlOf(server: RunningServer): string {
  return `http://127.0.0.1:${server.port}/graphql`;
}
