import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import { type ComplexityEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import type { RequestLimits } from "../graphql/limits";

const MAX_ALIASES = 30;

/** Depth and alias limits run as validation rules, before any resolver (or store call) runs. */
export function guardRules(limits: RequestLimits): ValidationRule[] {
  // Report instead of throwing: an error thrown inside validation becomes a masked 500, a reported
  // one a GRAPHQL_VALIDATION_FAILED with the limit in its message.
  const report = {
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, err: GraphQLError) =>
        ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, ""))),
    ],
  };
  return [
    maxDepthRule({
      n: limits.maxDepth,
      exposeLimits: true,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...report,
    }),
    maxAliasesRule({ n: MAX_ALIASES, exposeLimits: true, ...report }),
  ];
}

/**
 * A list field costs its page size times what each item costs: `customers(first: 100) { supplier
 * { customers(first: 100) } }` is 10,000 rows, not 2 fields. Fields without `first` cost 1.
 */
function pagedEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const size = typeof args.first === "number" ? args.first : typeof args.limit === "number" ? args.limit : null;
    // A page larger than allowed is refused by argument validation with a precise message;
    // costing it at the ceiling lets that message, not a vaguer cost error, reach the client.
    return size === null ? undefined : Math.min(Math.max(size, 0), maxPageSize) * (1 + childComplexity);
  };
}

export function costLimitPlugin(limits: RequestLimits): ApolloServerPlugin {
  const { maxCost, maxPageSize } = limits;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pagedEstimator(maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query is too costly: its estimated cost is ${cost}, the limit is ${maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
              { extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
