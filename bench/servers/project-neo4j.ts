/** This project over HTTP (Apollo, Express, its guards and DataLoaders) on the loaded Neo4j. */
import "reflect-metadata";
import { startHttpServer } from "../../src/server/app";
import { createLogger } from "../../src/server/logger";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { requireNeo4j, type StartServer } from "../peer-server";
import { productionConfig, urlOf } from "./project-config";

export const start: StartServer = async (settings) => {
  const store = await Neo4jStore.connect(requireNeo4j(settings));
  const server = await startHttpServer({ store, config: productionConfig(), logger: createLogger("silent") });
  return {
    url: urlOf(server),
    stop: async () => {
      await server.stop();
      await store.close();
    },
  };
};
