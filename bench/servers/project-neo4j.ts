/** This project over HTTP (Apollo, Express, its guards and DataLoaders) on the loaded Neo4j. */
import "reflect-metadata";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { requireNeo4j, type StartServer } from "../peer-server";
import { serveProject } from "./project-config";

export const start: StartServer = async (settings) => serveProject(await Neo4jStore.connect(requireNeo4j(settings)));
