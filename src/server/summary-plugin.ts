import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../graphql/context";

/** Fills in what a GraphQL request's log line says: the operation, whether it was cached, its result code. */
export function summaryPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          contextValue.summary.operation = operationName ?? operation?.operation;
        },
        async willSendResponse({ response, contextValue, metrics }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.code;
          contextValue.summary.code = typeof code === "string" ? code : errors ? "ERROR" : "OK";
          if (metrics.responseCacheHit) contextValue.summary.cached = true;
        },
      };
    },
  };
}
