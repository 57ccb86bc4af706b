import type { Server } from "node:http";
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { CloseCode, type Context as SocketContext, type Disposable, type SubscribePayload } from "graphql-ws";
import { type Extra, useServer } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import { BadInputError, UnauthenticatedError } from "../domain/errors";
import type { Principal } from "../domain/roles";
import { createContext } from "../graphql/context";
import type { ChangeFeed } from "../store/change-feed";
import type { GraphStore } from "../store/graph-store";
import type { HeldTexts } from "../store/record-batch";
import { clientOf, principalOfRequest } from "./auth";
import type { Config } from "./config";
import type { ErrorReporter } from "./error-policy";
import { guardRules } from "./guards";
import type { Logger } from "./logger";
import { SLOW_CONSUMER_CLOSE_CODE, watchSlowConsumers } from "./slow-consumers";
import { SubscriptionLimits } from "./subscription-limits";

/** What the WebSocket endpoint is built from, made once per server. */
export interface SubscriptionParts {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly store: GraphStore;
  readonly feed: ChangeFeed;
  readonly heldTexts: HeldTexts;
  readonly config: Config;
  readonly logger: Logger;
  readonly reportError: ErrorReporter;
}

/** What a connection keeps: who opened it (checked once, at `connection_init`) and whose limits it spends. */
type ConnectionExtra = { principal: Principal | null; client: string };

type Connection = SocketContext<Record<string, unknown>, Extra & Partial<ConnectionExtra>>;

/** The longest close reason a WebSocket close frame carries (123 bytes); ours are ASCII. */
const MAX_CLOSE_REASON = 123;

/**
 * Subscriptions over WebSocket (graphql-ws, the `graphql-transport-ws` subprotocol), on the same
 * server and path as queries. A connection authenticates as a request does, with the credential in
 * `connection_init`'s `authorization`; refused, it is closed with 4401 and the reason. Only
 * subscriptions run here (queries and mutations go over HTTP, with their limits and budgets), under
 * the same validation rules, at most SUBSCRIPTIONS_PER_CONNECTION at once per connection and
 * SUBSCRIPTIONS_PER_CLIENT per client, and every error leaves with the code the error policy gives
 * it. A client that stops reading is closed (see slow-consumers.ts). `dispose` closes every
 * connection (1001, going away) and ends their streams: the server drains it on shutdown.
 */
export function serveSubscriptions(parts: SubscriptionParts): Disposable {
  const wsServer = new WebSocketServer({ server: parts.httpServer, path: parts.path });
  const { limits, subscriptions } = parts.config;
  const rules = [...specifiedRules, ...guardRules(limits)];
  const limitsHeld = new SubscriptionLimits(subscriptions);
  const connections = new WeakMap<WebSocket, Connection>();
  watchSlowConsumers(wsServer, subscriptions.slowConsumerMs, (socket) => closeSlow(socket, connections, parts));
  return useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema: parts.schema,
      isProd: parts.config.env !== "development",
      onConnect: async (ctx) => {
        connections.set(ctx.extra.socket, ctx);
        const admitted = await admit(ctx, parts);
        if (admitted) limitsHeld.opened(ctx.extra.client!, ctx);
        return admitted;
      },
      onSubscribe: (ctx, _id, payload) => {
        const refused = limitsHeld.refusal(ctx.extra.client!, ctx);
        if (refused) return [clientError(parts, refused)];
        const document = parsed(payload, limits.maxTokens);
        if (document instanceof GraphQLError) return [clientError(parts, document)];
        const invalid = validate(parts.schema, document, rules);
        if (invalid.length > 0)
          return invalid.map((err) => clientError(parts, coded(err, "GRAPHQL_VALIDATION_FAILED")));
        if (getOperationAST(document, payload.operationName)?.operation !== "subscription") {
          const onlySubscriptions = new BadInputError(
            "only subscriptions run over WebSocket: send queries and mutations over HTTP",
          );
          return [clientError(parts, onlySubscriptions)];
        }
        return executionArgs(ctx, parts, document, payload);
      },
      onNext: (_ctx, _id, _payload, _args, result) => withClientErrors(parts, result as ExecutionResult),
      // A stream that fails once running (the store gone, say) ends with the error the policy gives
      // it; graphql-ws would send its raw message. Errors refused before it ran carry their code already.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((err) => (err.extensions.code ? err : clientError(parts, err.originalError ?? err))),
      onClose: (ctx) => {
        if (ctx.extra.client) limitsHeld.closed(ctx.extra.client, ctx);
      },
    },
    wsServer,
    subscriptions.keepAliveMs,
  );
}

/**
 * A client that has not read a message in WS_SLOW_CONSUMER_SECONDS: its connection is closed with
 * SLOW_CONSUMER_CLOSE_CODE (the client reads the code once it reads again) and its subscriptions end
 * now, so none reads the feed for a client that takes nothing.
 */
function closeSlow(socket: WebSocket, connections: WeakMap<WebSocket, Connection>, parts: SubscriptionParts): void {
  const ctx = connections.get(socket);
  const seconds = parts.config.subscriptions.slowConsumerMs / 1000;
  parts.logger.warn({ client: ctx?.extra.client, seconds }, "slow consumer closed");
  socket.close(SLOW_CONSUMER_CLOSE_CODE, `slow consumer: a message waited over ${seconds} s to be read`);
  for (const subscription of Object.values(ctx?.subscriptions ?? {}))
    void (subscription as AsyncIterator<unknown> | null)?.return?.(undefined);
}

/** Checks the connection's credential as a request's; a refusal closes it with 4401 and why. */
async function admit(ctx: Connection, parts: SubscriptionParts): Promise<boolean> {
  const authorization = ctx.connectionParams?.authorization;
  try {
    if (authorization !== undefined && typeof authorization !== "string")
      throw new UnauthenticatedError("connection_init's authorization must be a string such as `Bearer <API key>`");
    const principal = await principalOfRequest(authorization, parts.config.auth);
    ctx.extra.principal = principal;
    ctx.extra.client = clientOf(principal, ctx.extra.request.socket.remoteAddress);
    return true;
  } catch (err) {
    if (!(err instanceof UnauthenticatedError)) throw err;
    ctx.extra.socket.close(CloseCode.Unauthorized, err.message.slice(0, MAX_CLOSE_REASON));
    return false;
  }
}

function parsed(payload: SubscribePayload, maxTokens: number): DocumentNode | GraphQLError {
  try {
    return parse(payload.query, { maxTokens });
  } catch (err) {
    return coded(err instanceof GraphQLError ? err : new GraphQLError(String(err)), "GRAPHQL_PARSE_FAILED");
  }
}

/** A document's mistake with the code Apollo gives the same mistake over HTTP. */
function coded(err: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(err.message, { nodes: err.nodes, extensions: { ...err.extensions, code } });
}

/** A subscription runs with a context as a request's, and the server's change feed. */
function executionArgs(
  ctx: Connection,
  parts: SubscriptionParts,
  document: DocumentNode,
  payload: SubscribePayload,
): ExecutionArgs {
  const principal = ctx.extra.principal ?? null;
  const contextValue = createContext(parts.store, parts.config.limits, {
    principal,
    heldTexts: parts.heldTexts,
    log: parts.logger,
    client: ctx.extra.client ?? clientOf(principal, ctx.extra.request.socket.remoteAddress),
    feed: parts.feed,
  });
  return {
    schema: parts.schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
    contextValue,
  };
}

/** The error as the error policy lets a client see it, with its code. */
function clientError(parts: SubscriptionParts, err: unknown): GraphQLError {
  const { code, message, details } = parts.reportError(err, "GraphQL subscription");
  const located = err instanceof GraphQLError ? err : null;
  return new GraphQLError(message, {
    nodes: located?.nodes,
    path: located?.path,
    extensions: { code, ...details },
  });
}

function withClientErrors(parts: SubscriptionParts, result: ExecutionResult): ExecutionResult {
  if (!result.errors || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map((err) => clientError(parts, err)) };
}
