import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { Disposable } from "graphql-ws";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { UnauthenticatedError } from "../domain/errors";
import type { Principal } from "../domain/roles";
import { type Context, createContext } from "../graphql/context";
import type { GraphStore } from "../store/graph-store";
import { ChangeFeed } from "../store/change-feed";
import { observedStore } from "../store/observed-store";
import type { HeldTexts } from "../store/record-batch";
import { clientOf, principalOfRequest } from "./auth";
import { documentFolder } from "./held-texts";
import type { AuthConfig, Config } from "./config";
import { corsMiddleware } from "./cors";
import { explorerRouter } from "./explorer-routes";
import { exportRouter } from "./export-routes";
import { createErrorReporter, type ErrorReporter, errorMiddleware } from "./error-policy";
import { createFormatError } from "./format-error";
import { costLimitPlugin, guardRules, jsonDepthLimit, queryLengthLimit } from "./guards";
import { tailChangeFeed } from "./feed-tail";
import { healthRouter } from "./health";
import { ideAssetsRouter, ideLandingPagePlugin } from "./ide";
import type { Logger } from "./logger";
import { Admission } from "./admission";
import { Metrics } from "./metrics";
import { CostBudgets } from "./rate-limit";
import { readsAfterWrite, summaryOf, trackRequests } from "./request-log";
import { ResponseCache } from "./response-cache";
import { getSchema } from "./schema";
import { serveSubscriptions } from "./subscriptions";
import { summaryPlugin } from "./summary-plugin";
import {
  answerUnparsableRequests,
  getOnly,
  graphqlErrorMiddleware,
  methodNotAllowed,
  notFound,
  requireJsonBody,
} from "./transport";

const GRAPHQL_PATH = "/graphql";

const DEFAULT_QUERY = `# Who pays Microsoft for Azure OpenAI, and how sure are we?
{
  company(id: "microsoft") {
    name
    customers(product: ["azure-openai"]) {
      nodes {
        customer { id name }
        spend { display estimate low high qualifier period }
        evidence { quote gloss }
      }
    }
  }
}
`;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly httpServer: Server;
  stop(): Promise<void>;
}

/** What the GraphQL route is built from, made once per server. */
interface GraphQLParts {
  readonly schema: GraphQLSchema;
  readonly heldTexts: HeldTexts;
  readonly store: GraphStore;
  readonly config: Config;
  readonly logger: Logger;
  readonly reportError: ErrorReporter;
  readonly cache: ResponseCache;
  readonly budgets: CostBudgets | null;
  readonly metrics: Metrics;
  readonly admission: Admission;
}

/**
 * Builds the Express app with Apollo, the IDE, exports, the explorer, health and metrics; listens
 * on config.port (0: any). Every route answers a client's mistake with a coded JSON error (the
 * GraphQL route with GraphQL errors), never an HTML page.
 */
export async function startHttpServer(opts: {
  store: GraphStore;
  config: Config;
  logger: Logger;
}): Promise<RunningServer> {
  const { config, logger } = opts;
  const app = express();
  const httpServer = createServer(app);
  answerUnparsableRequests(httpServer);
  const metrics = new Metrics();
  // One reporter for GraphQL and the plain routes: the same failure gets the same answer and one log line.
  const reportError = createErrorReporter({
    exposeInternals: config.env === "development",
    logger,
    counted: (code) => metrics.errorAnswered(code),
  });
  const cache = new ResponseCache(config.caching, { privateAnswers: config.auth.readsNeedKey });
  // Every write, through this server or (learnt by the tail) another, empties the response cache
  // and wakes the subscriptions.
  const feed = new ChangeFeed(opts.store);
  const written = () => {
    cache.invalidate();
    feed.wrote();
  };
  const store = observedStore(opts.store, metrics.storeObserver(opts.store.name, written));
  const schema = await getSchema();
  const heldTexts = documentFolder(config.documentsDir);
  const limits = trafficLimits(config, metrics);
  const parts: GraphQLParts = { schema, heldTexts, store, config, logger, reportError, cache, metrics, ...limits };
  const subscriptions = serveSubscriptions({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    store,
    feed,
    heldTexts,
    config,
    logger,
    reportError,
  });
  const apollo = createApollo(parts, httpServer, subscriptions);
  await apollo.start();

  mountRoutes(app, apollo, parts);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const tail = tailChangeFeed(opts.store, { intervalMs: config.changeTailMs, grew: written, logger });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}${GRAPHQL_PATH}`;
  return {
    url,
    port,
    httpServer,
    async stop() {
      tail.stop();
      await apollo.stop();
    },
  };
}

/** What bounds the traffic: each client's budget of query cost, and the operations run at once. */
function trafficLimits(config: Config, metrics: Metrics): Pick<GraphQLParts, "budgets" | "admission"> {
  const budgets =
    config.rateLimit.costPerSecond > 0 ? new CostBudgets(config.rateLimit, () => metrics.limited()) : null;
  const admission = new Admission(config.admission, () => metrics.refusedBusy());
  metrics.watchAdmission(admission);
  return { budgets, admission };
}

/** Every route, each answering a client's mistake with a coded error, then 404 for the rest. */
function mountRoutes(app: express.Express, apollo: ApolloServer<Context>, parts: GraphQLParts): void {
  app.disable("x-powered-by");
  if (parts.config.trustProxy !== undefined) app.set("trust proxy", trustProxyValue(parts.config.trustProxy));
  app.use(trackRequests({ logger: parts.logger, metrics: parts.metrics, timeoutMs: parts.config.limits.timeoutMs }));
  app.use([GRAPHQL_PATH, "/export"], corsMiddleware(parts.config.cors));
  app.use("/ide-assets", ideAssetsRouter());
  app.use(healthRouter(parts.store, parts.reportError));
  const operations = express.Router();
  getOnly(operations, "/metrics", (req, res) => parts.metrics.handler(req, res));
  app.use(operations);
  app.use("/export", exportRouter({ store: parts.store, limits: parts.config.limits, reportError: parts.reportError }));
  app.use("/explorer", explorerRouter());
  app
    .route(GRAPHQL_PATH)
    // A GET carries its operation in the query string; Apollo's middleware still wants a body.
    .get(
      noBody,
      queryLengthLimit(parts.config.limits),
      jsonDepthLimit(parts.config.limits),
      graphqlHandler(apollo, parts),
    )
    .post(
      requireJsonBody(),
      express.json({ limit: "200kb" }),
      queryLengthLimit(parts.config.limits),
      jsonDepthLimit(parts.config.limits),
      graphqlHandler(apollo, parts),
    )
    .all(methodNotAllowed(["GET", "POST"]));
  app.use(GRAPHQL_PATH, graphqlErrorMiddleware(parts.reportError));
  app.use(notFound());
  app.use(errorMiddleware(parts.reportError));
}

function createApollo(parts: GraphQLParts, httpServer: Server, subscriptions: Disposable): ApolloServer<Context> {
  const { config, reportError } = parts;
  const exposeInternals = config.env === "development";
  return new ApolloServer<Context>({
    schema: parts.schema,
    // The IDE needs introspection; the schema is public (it is committed in schema/).
    introspection: true,
    csrfPrevention: true,
    // main.ts owns shutdown (server, then store); Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: guardRules(config.limits),
    includeStacktraceInErrorResponses: exposeInternals,
    formatError: createFormatError(reportError),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Stopping closes every WebSocket connection too, so none holds the HTTP server open.
      { serverWillStart: async () => ({ drainServer: async () => subscriptions.dispose() }) },
      summaryPlugin(),
      costLimitPlugin(config.limits, parts.budgets),
      ...parts.cache.plugins(),
      ideLandingPagePlugin({
        endpoint: GRAPHQL_PATH,
        assetsPrefix: "/ide-assets",
        title: "Company graph API",
        defaultQuery: DEFAULT_QUERY,
      }),
    ],
  });
}

/**
 * Apollo with the request's context (who asks, whose budget, the cache generation it reads in),
 * once the request's turn has come (admission.ts).
 */
function graphqlHandler(apollo: ApolloServer<Context>, parts: GraphQLParts): express.RequestHandler {
  return parts.admission.admit(apolloHandler(apollo, parts));
}

function apolloHandler(apollo: ApolloServer<Context>, parts: GraphQLParts): express.RequestHandler {
  return expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const principal = await principalOf(req.headers.authorization, parts.config.auth);
      return createContext(parts.store, parts.config.limits, {
        principal,
        heldTexts: parts.heldTexts,
        log: parts.logger,
        client: clientOf(principal, req.ip),
        summary: summaryOf(res),
        cacheGeneration: parts.cache.current,
        readsAfterWrite: readsAfterWrite(res),
      });
    },
  });
}

const noBody: express.RequestHandler = (req, _res, next) => {
  req.body ??= {};
  next();
};

/** TRUST_PROXY as Express takes it: a hop count, true/false, or addresses and subnets. */
function trustProxyValue(value: string): boolean | number | string {
  if (value === "true" || value === "false") return value === "true";
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * The request's principal, for the GraphQL context. A refusal here is answered before any field
 * runs, so it carries its HTTP status itself: 401.
 */
async function principalOf(header: string | undefined, auth: AuthConfig): Promise<Principal | null> {
  try {
    return await principalOfRequest(header, auth);
  } catch (err) {
    if (!(err instanceof UnauthenticatedError)) throw err;
    throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: 401 } } });
  }
}
