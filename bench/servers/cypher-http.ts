/**
 * The floor for anything over Neo4j: one hand-written Cypher statement through neo4j-driver behind
 * the smallest HTTP endpoint node:http allows. POST `{"first": 20}`, get `{"data": [records]}`.
 * No schema, no validation beyond reading `first`, no framework.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import neo4jDriver, { type Driver } from "neo4j-driver";
import type { Neo4jConfig } from "../../src/store/neo4j/neo4j-config";
import { closeServer, listenOnFreePort, requireNeo4j, type StartServer } from "../peer-server";
import { NESTED_CYPHER } from "../workloads";

export const start: StartServer = async (settings) => {
  const cfg = requireNeo4j(settings);
  const driver = neo4jDriver.driver(
    cfg.uri,
    cfg.password === null ? undefined : neo4jDriver.auth.basic(cfg.user, cfg.password),
    { disableLosslessIntegers: true },
  );
  await driver.verifyConnectivity();
  const server = createServer((req, res) => void answer(driver, cfg, req, res));
  const url = await listenOnFreePort(server, "/");
  return {
    url,
    stop: async () => {
      await closeServer(server);
      await driver.close();
    },
  };
};

async function answer(driver: Driver, cfg: Neo4jConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const { first } = JSON.parse(await readBody(req)) as { first: number };
    const result = await driver.executeQuery(
      NESTED_CYPHER,
      { first: neo4jDriver.int(first) },
      { routing: neo4jDriver.routing.READ, ...(cfg.database ? { database: cfg.database } : {}) },
    );
    send(res, 200, { data: result.records.map((r) => r.toObject()) });
  } catch (err) {
    send(res, 500, { errors: [{ message: err instanceof Error ? err.message : String(err) }] });
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
