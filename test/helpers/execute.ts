import { graphql, type GraphQLSchema } from "graphql";
import { createContext } from "../../src/graphql/context";
import { loadConfig } from "../../src/server/config";
import { getSchema } from "../../src/server/schema";
import type { GraphStore } from "../../src/store/graph-store";

/** The server's defaults. */
const TEST_LIMITS = loadConfig({}).limits;

let schema: GraphQLSchema | null = null;

/**
 * Executes a query in-process against a store, with a fresh per-request context like the server.
 * `planReads: false` reads each list on its own, one level at a time with every part, instead of the planned read.
 */
export async function execute(
  store: GraphStore,
  source: string,
  variableValues?: Record<string, unknown>,
  options: { planReads?: boolean } = {},
) {
  schema ??= await getSchema();
  const contextValue = createContext(store, TEST_LIMITS, options);
  const result = await graphql({ schema, source, variableValues, contextValue });
  // A plain JSON copy: answers from two stores compare structurally, errors by message.
  return JSON.parse(JSON.stringify(result)) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}
