/** This project over HTTP (Apollo, Express, its guards and DataLoaders) on the embedded store. */
import "reflect-metadata";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { generateDataset } from "../../seed/generator";
import type { StartServer } from "../peer-server";
import { serveProject } from "./project-config";

export const start: StartServer = async (settings) => {
  const store = new MemoryStore();
  await store.load(generateDataset({ seed: settings.seed, companies: settings.companies }));
  return serveProject(store);
};
