/**
 * The Neo4j GraphQL Library 7 on the same database: type definitions for what the nested read
 * touches, as src/store/neo4j stores it (`:Company` nodes with `id` and `name`; `BUYS_FROM`
 * relationships from customer to supplier carrying `id`, `amountLow`, `amountHigh`; an unbounded
 * high is absent). It is served by Apollo Server on Express, the stack our own server uses, so that
 * the two differ in how GraphQL becomes Cypher and not in the HTTP layer.
 *
 * The library asks, in checkNeo4jCompat, for two APOC functions. With APOC on the server (the
 * bench-apoc Maven profile) the check runs and must pass; without it the check is skipped, which the
 * nested read does not need, and the results say so.
 */
import { createServer } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { Neo4jGraphQL } from "@neo4j/graphql";
import express from "express";
import neo4jDriver from "neo4j-driver";
import { listenOnFreePort, requireNeo4j, type StartServer } from "../peer-server";

const TYPE_DEFS = `
type Company @node {
  id: ID!
  name: String!
  "Who buys from this company."
  customers: [Company!]! @relationship(type: "BUYS_FROM", direction: IN, properties: "BuysFrom")
  "Who this company buys from."
  suppliers: [Company!]! @relationship(type: "BUYS_FROM", direction: OUT, properties: "BuysFrom")
}

type BuysFrom @relationshipProperties {
  id: ID!
  amountLow: Float
  amountHigh: Float
}`;

export const start: StartServer = async (settings) => {
  const cfg = requireNeo4j(settings);
  const driver = neo4jDriver.driver(
    cfg.uri,
    cfg.password === null ? undefined : neo4jDriver.auth.basic(cfg.user, cfg.password),
  );
  const sessionConfig = cfg.database ? { database: cfg.database } : undefined;
  const library = new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver });
  const schema = await library.getSchema();
  if (settings.apoc) await library.checkNeo4jCompat({ sessionConfig });
  const note = settings.apoc
    ? "APOC installed, compatibility check passed"
    : "no APOC: compatibility check skipped (the nested read does not call APOC)";

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  app.use(
    "/graphql",
    express.json({ limit: "200kb" }),
    expressMiddleware(apollo, { context: async () => (sessionConfig ? { sessionConfig } : {}) }),
  );
  const url = await listenOnFreePort(httpServer, "/graphql");
  return {
    url,
    note,
    stop: async () => {
      await apollo.stop();
      await driver.close();
    },
  };
};
