import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  type DocumentNode,
  getVariableValues,
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { type ComplexityEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import type express from "express";
import { RateLimitedError } from "../domain/errors";
import { deeperThan } from "../domain/json-depth";
import type { Context } from "../graphql/context";
import type { RequestLimits } from "../graphql/limits";
import type { CostBudgets } from "./rate-limit";
import { TransportError } from "./transport";

const MAX_ALIASES = 30;

/**
 * Depth, alias and directive limits run as validation rules, before any resolver (or store call)
 * runs. The token limit is graphql-js's own (`parseOptions.maxTokens`, see app.ts): the parser
 * stops at the limit, so an oversized query is never turned into a tree at all.
 */
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
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true, ...report }),
  ];
}

/**
 * The query text's length, checked before Apollo sees the request: a plugin's refusal before
 * parsing would be answered 500 by Apollo, this one is a 400 with its own code.
 */
export function queryLengthLimit(limits: RequestLimits): express.RequestHandler {
  return (req, _res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = req.method === "GET" ? req.query.query : body?.query;
    if (typeof query !== "string" || query.length <= limits.maxLength) return next();
    const message = `the query is ${query.length} characters long; the limit is ${limits.maxLength}`;
    next(new TransportError(400, "QUERY_TOO_LONG", message));
  };
}

/**
 * JSON nested deeper than MAX_JSON_DEPTH is refused with JSON_TOO_DEEP before Apollo, argument
 * validation or a log line walks it (those walks recurse and would overflow the stack); so is a
 * document nested deeper, before graphql-js's parser recurses into it. A POST body
 * is measured as parsed; a GET's `variables` and `extensions` as if they were in a body, so a
 * request gets the same verdict either way. A GET parameter that is not JSON is left to Apollo,
 * which refuses it with BAD_REQUEST.
 */
export function jsonDepthLimit(limits: RequestLimits): express.RequestHandler {
  const max = limits.maxJsonDepth;
  const refusal = () =>
    new TransportError(400, "JSON_TOO_DEEP", `the request's JSON is nested deeper than ${max} levels, the limit`);
  return (req, _res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = req.method === "GET" ? req.query.query : body?.query;
    if (typeof query === "string" && documentDeeperThan(query, max)) return next(refusal());
    if (req.method !== "GET") return next(deeperThan(req.body, max) ? refusal() : undefined);
    for (const name of ["variables", "extensions"]) {
      const raw = req.query[name];
      if (typeof raw === "string" && deeperThan(parsedOrNull(raw), max - 1)) return next(refusal());
    }
    next();
  };
}

const OPENING: ReadonlySet<string> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<string> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * The document's own nesting (selections, arguments, list and object values), counted token by
 * token: graphql-js parses by recursion, and a list value some thousand levels deep, well within
 * the token limit, overflows its stack. A document that does not lex is left to the parser.
 */
function documentDeeperThan(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENING.has(token.kind) && ++depth > max) return true;
      if (CLOSING.has(token.kind)) depth--;
    }
  } catch {
    return false;
  }
  return false;
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
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

/**
 * Once the operation is known: its variables are checked against their types (a wrong type is the
 * client's mistake, BAD_USER_INPUT, before anything else reads them), then its cost against the
 * limit, then against the client's budget when rate limits are on.
 */
export function costLimitPlugin(limits: RequestLimits, budgets: CostBudgets | null): ApolloServerPlugin<Context> {
  const costs = new KnownCosts();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document, schema, contextValue }) {
          const variables = checkedVariables(schema, operation, request.variables);
          const cost = costs.of(document, request.operationName, variables, () =>
            queryCost(schema, document, request.operationName, variables, limits),
          );
          contextValue.summary.cost = cost;
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `Query is too costly: its estimated cost is ${cost}, the limit is ${limits.maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
              { extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost: limits.maxCost, http: { status: 400 } } },
            );
          }
          await budgets?.spend(contextValue.client, cost).catch(rateLimited);
        },
      };
    },
  };
}

/** The operation Apollo resolved (null only for a document it refused before this hook). */
function checkedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const checked = getVariableValues(schema, operation?.variableDefinitions ?? [], variables ?? {});
  if (checked.errors) {
    throw new GraphQLError(checked.errors.map((e) => e.message).join("; "), {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
    });
  }
  return variables ?? {};
}

/** Variable sets whose cost is kept per document: a client repeats a few, and clients share documents. */
const COSTS_KEPT_PER_DOCUMENT = 16;

/**
 * Costs already estimated, by document and operation name and variables: the estimate walks the
 * whole document, and depends on nothing else (the schema and limits are the server's). Apollo
 * hands every request of the same text the same parsed document, so a document's costs go with it.
 */
class KnownCosts {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  of(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
    estimate: () => number,
  ): number {
    let costs = this.byDocument.get(document);
    if (!costs) this.byDocument.set(document, (costs = new Map()));
    const key = JSON.stringify([operationName ?? null, variables]);
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = estimate();
      if (costs.size >= COSTS_KEPT_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
      costs.set(key, cost);
    }
    return cost;
  }
}

function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: RequestLimits,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators: [pagedEstimator(limits.maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** A spent budget is a 429 with Retry-After (Apollo sets the headers an error's `http` names). */
function rateLimited(err: unknown): never {
  if (!(err instanceof RateLimitedError)) throw err;
  throw new GraphQLError(err.message, {
    extensions: {
      code: err.code,
      ...err.details,
      http: { status: 429, headers: new Map([["retry-after", String(err.retryAfterSeconds)]]) },
    },
  });
}
