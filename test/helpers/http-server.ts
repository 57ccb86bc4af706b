import { print, type DocumentNode } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { startHttpServer, type RunningServer } from "../../src/server/app";
import { type Config, loadConfig } from "../../src/server/config";
import { createLogger, type Logger } from "../../src/server/logger";
import type { GraphStore } from "../../src/store/graph-store";

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
}

export interface TestServer extends RunningServer {
  /** POSTs a document like a client would (JSON, so CSRF prevention lets it through). */
  gql<T = Record<string, unknown>, V = Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | DocumentNode | string,
    variables?: V,
  ): Promise<GraphQLResponse<T>>;
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string; contentType: string | null }>;
}

/** A real HTTP server on a free port, in production mode unless told otherwise; silent unless given a logger. */
export async function startTestServer(
  store: GraphStore,
  env: Record<string, string> = {},
  logger: Logger = createLogger("silent"),
): Promise<TestServer> {
  // Rate limits are off unless a test turns them on: tests send bursts from one address.
  const config: Config = loadConfig({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    RATE_LIMIT_COST_PER_SECOND: "0",
    ...env,
  });
  const server = await startHttpServer({ store, config, logger });
  const origin = new URL(server.url).origin;
  return {
    ...server,
    async gql(document, variables) {
      const query = typeof document === "string" ? document : print(document);
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      // Always read the body: an unread response keeps the connection and delays shutdown.
      const body = (await res.json()) as Omit<GraphQLResponse<never>, "status">;
      return { status: res.status, ...body } as GraphQLResponse<never>;
    },
    async get(path, headers = {}) {
      const res = await fetch(origin + path, { headers });
      return { status: res.status, body: await res.text(), contentType: res.headers.get("content-type") };
    },
  };
}
