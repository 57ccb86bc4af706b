/** What every server under test is given and gives back; each one lives in servers/ and runs in its own process. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Neo4jConfig } from "../src/store/neo4j/neo4j-config";

export interface ServerSettings {
  readonly seed: number;
  /** The graph size; servers over plain objects generate the same dataset from seed and size. */
  readonly companies: number;
  /** The loaded database, for the servers that read Neo4j. */
  readonly neo4j: Neo4jConfig | null;
  /** Whether Neo4j has APOC, which the Neo4j GraphQL Library's compatibility check asks for. */
  readonly apoc: boolean;
}

export interface PeerServer {
  /** Where requests are POSTed. */
  readonly url: string;
  /** Anything a reader of the results should know about how this server ran. */
  readonly note?: string;
  stop(): Promise<void>;
}

export type StartServer = (settings: ServerSettings) => Promise<PeerServer>;

export function requireNeo4j(settings: ServerSettings): Neo4jConfig {
  if (!settings.neo4j) throw new Error("this server reads Neo4j, and no Neo4j was given");
  return settings.neo4j;
}

/** Listens on a free port of 127.0.0.1 (an address, not `localhost`, so that no client tries IPv6 first). */
export async function listenOnFreePort(server: Server, path: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
