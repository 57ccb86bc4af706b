import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError } from "graphql";
import { UnauthenticatedError } from "../domain/errors";
import type { Principal } from "../domain/roles";
import { type Context, createContext } from "../graphql/context";
import type { GraphStore } from "../store/graph-store";
import { readAfter } from "../store/causal";
import { authenticate } from "./auth";
import { documentFolder } from "./held-texts";
import type { AuthConfig, Config } from "./config";
import { explorerRouter } from "./explorer/explorer-routes";
import { exportRouter } from "./export-routes";
import { createErrorReporter, errorMiddleware } from "./error-policy";
import { createFormatError } from "./format-error";
import { costLimitPlugin, guardRules } from "./guards";
import { healthRouter } from "./health";
import { ideAssetsRouter, ideLandingPagePlugin } from "./ide";
import type { Logger } from "./logger";
import { getSchema } from "./schema";

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

/** Builds the Express app with Apollo, the IDE, health endpoints; listens on config.port (0: any). */
export async function startHttpServer(opts: {
  store: GraphStore;
  config: Config;
  logger: Logger;
}): Promise<RunningServer> {
  const { store, config, logger } = opts;
  const app = express();
  const httpServer = createServer(app);
  const exposeInternals = config.env === "development";
  // One reporter for GraphQL and the plain routes: the same failure gets the same answer and one log line.
  const reportError = createErrorReporter({ exposeInternals, logger });
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    // The IDE needs introspection; the schema is public (it is committed in schema/).
    introspection: true,
    csrfPrevention: true,
    // main.ts owns shutdown (server, then store); Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    validationRules: guardRules(config.limits),
    includeStacktraceInErrorResponses: exposeInternals,
    formatError: createFormatError(reportError),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default cache-control plugin looks up a hint in an LRU cache for every field resolved,
      // a tenth of a nested read's time, and nothing here sets a hint.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(config.limits),
      ideLandingPagePlugin({
        endpoint: GRAPHQL_PATH,
        assetsPrefix: "/ide-assets",
        title: "Company graph API",
        defaultQuery: DEFAULT_QUERY,
      }),
    ],
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.use("/ide-assets", ideAssetsRouter());
  app.use(healthRouter(store, reportError));
  app.use("/export", exportRouter({ store, limits: config.limits, reportError }));
  app.use("/explorer", explorerRouter());
  app.use(GRAPHQL_PATH, ...graphqlHandlers(apollo, store, config, logger));
  app.use(errorMiddleware(reportError));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}${GRAPHQL_PATH}`;
  return {
    url,
    port,
    httpServer,
    async stop() {
      await apollo.stop();
    },
  };
}

/**
 * The GraphQL route: a JSON body, the request id (the client's or a new one, sent back), reads
 * after the bookmarks the request carries, then Apollo with the request's context.
 */
function graphqlHandlers(
  apollo: ApolloServer<Context>,
  store: GraphStore,
  config: Config,
  logger: Logger,
): express.RequestHandler[] {
  return [
    express.json({ limit: "200kb" }),
    (req, res, next) => {
      res.setHeader("x-request-id", requestIdOf(req.headers["x-request-id"]));
      readAfter(bookmarksOf(req.headers[BOOKMARK_HEADER]), next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        requestContext(store, config, {
          authorization: req.headers.authorization,
          requestId: String(res.getHeader("x-request-id")),
          logger,
        }),
    }),
  ];
}

/** A GraphQL request's context: the store, the limits, and who is asking. */
async function requestContext(
  store: GraphStore,
  config: Config,
  request: { authorization: string | undefined; requestId: string; logger: Logger },
): Promise<Context> {
  return createContext(store, config.limits, {
    principal: await principalOf(request.authorization, config.auth),
    heldTexts: documentFolder(config.documentsDir),
    log: request.logger.child({ requestId: request.requestId }),
  });
}

/** The client's request id when it sent a sane one, else a new one: every answer carries it back. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

/**
 * The request's principal, for the GraphQL context. A refusal here is answered before any field
 * runs, so it carries its HTTP status itself: 401.
 */
async function principalOf(header: string | undefined, auth: AuthConfig): Promise<Principal | null> {
  try {
    const principal = await authenticate(header, auth.credentials);
    if (!principal && auth.readsNeedKey)
      throw new UnauthenticatedError("this server needs an API key for every request");
    return principal;
  } catch (err) {
    if (!(err instanceof UnauthenticatedError)) throw err;
    throw new GraphQLError(err.message, { extensions: { code: err.code, http: { status: 401 } } });
  }
}

/** The header a client sends a write's bookmark back in (see store/causal.ts). */
const BOOKMARK_HEADER = "graph-bookmark";

function bookmarksOf(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values.flatMap((value) => value.split(/\s+/)).filter((bookmark) => bookmark !== "");
}
