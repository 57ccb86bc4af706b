import "./runtime-env";
import "reflect-metadata";
import { DomainError } from "../domain/errors";
import { createStore } from "../store/create-store";
import { MemoryStore } from "../store/memory/memory-store";
import { startHttpServer } from "./app";
import { fillEmbeddedStore } from "./embedded-store";
import { type Config, loadConfig } from "./config";
import { createLogger } from "./logger";

/**
 * `npm start`: the embedded store loaded with the seed, or Neo4j when NEO4J_URI is set. Problems
 * that stop the start (bad configuration, Neo4j unreachable, invalid seed) are one clear line
 * and a non-zero exit, never a stack trace.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err);
  }
  const logger = createLogger(config.logLevel);
  try {
    const store = await createStore(config, "npm start");
    if (store instanceof MemoryStore) await fillEmbeddedStore(store, config, logger);
    await store.ping();
    const server = await startHttpServer({ store, config, logger });
    if (store instanceof MemoryStore) store.servingAt(server.url);
    logger.info({ url: server.url, store: store.name }, `serving the company graph at ${server.url}`);
    console.log(`Company graph API ready at ${server.url} (store: ${store.name})`);

    const shutdown = async (signal: string) => {
      logger.info({ signal }, "shutting down");
      await server.stop();
      await store.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
  } catch (err) {
    fail(err);
  }
}

function fail(err: unknown): never {
  const message =
    err instanceof DomainError
      ? err.message
      : err instanceof Error && "code" in err && err.code === "EADDRINUSE"
        ? `port already in use: ${err.message}`
        : String(err instanceof Error ? err.message : err);
  console.error(`cannot start: ${message}`);
  process.exit(1);
}

await main();
