/** This project over HTTP (Apollo, Express, its guards and DataLoaders) on the embedded store. */
import "reflect-metadata";
import { startHttpServer } from "../../src/server/app";
import { createLogger } from "../../src/server/logger";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { generateDataset } from "../../seed/generator";
import type { StartServer } from "../peer-server";
import { productionConfig, urlOf } from "./project-config";

export const start: StartServer = async (settings) => {
  const store = new MemoryStore();
  await store.load(generateDataset({ seed: settings.seed, companies: settings.companies }));
  const server = await startHttpServer({ store, config: productionConfig(), logger: createLogger("silent") });
  return {
    url: urlOf(server),
    stop: async () => {
      await server.stop();
      await store.close();
    },
  };
};
