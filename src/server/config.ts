import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type Credentials, jwtVerifier, parseApiKeys } from "./auth";
import { ConfigInvalidError } from "../domain/errors";
import { DEFAULT_MAX_JSON_DEPTH } from "../domain/json-depth";
import type { RequestLimits } from "../graphql/limits";
import { ADMISSION_DEFAULTS, type AdmissionConfig } from "./admission";
import { type CorsConfig, parseOrigins } from "./cors";
import type { RateLimitConfig } from "./rate-limit";
import type { Neo4jConfig } from "../store/neo4j/neo4j-config";

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

const envSchema = z
  .object({
    // Stack traces and unmasked errors only when someone asks for development explicitly.
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: port.default(4000),
    // Unset: every interface, as Node does by default (localhost then works over IPv4 and IPv6).
    HOST: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, "must look like bolt://host:7687 or neo4j+s://host")
      .optional(),
    NEO4J_USER: z.string().min(1).default("neo4j"),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, "must be a Neo4j database name")
      .optional(),
    MAX_QUERY_DEPTH: positiveInt(50).default(12),
    MAX_QUERY_COST: positiveInt(10_000_000).default(50_000),
    MAX_PAGE_SIZE: positiveInt(10_000).default(100),
    // Lexical bounds, checked before a query is even parsed into a tree or validated.
    MAX_QUERY_TOKENS: positiveInt(1_000_000).default(2_000),
    MAX_QUERY_DIRECTIVES: positiveInt(10_000).default(50),
    MAX_QUERY_LENGTH: positiveInt(10_000_000).default(20_000),
    // Request JSON nested deeper is refused before anything walks it; the ceiling keeps every walk
    // after that check (argument validation, logging, the write path) far from the stack's end.
    MAX_JSON_DEPTH: positiveInt(1_000).default(DEFAULT_MAX_JSON_DEPTH),
    // Every request ends by then: its store calls are refused and its Neo4j transactions time out.
    REQUEST_TIMEOUT_MS: positiveInt(600_000).default(10_000),
    // GraphQL operations over HTTP executing at once; more wait in line (FIFO), and beyond
    // MAX_QUEUED_OPERATIONS are refused with SERVER_BUSY. See ADMISSION_DEFAULTS for why these figures.
    MAX_CONCURRENT_OPERATIONS: positiveInt(10_000).default(ADMISSION_DEFAULTS.maxConcurrent),
    MAX_QUEUED_OPERATIONS: z.coerce.number().int().min(0).max(1_000_000).default(ADMISSION_DEFAULTS.maxQueued),
    // A whole-graph download holds at most this many nodes and relationships; the command line has no limit.
    EXPORT_MAX_ELEMENTS: positiveInt(100_000_000).default(20_000),
    // Per-client budgets of query cost: a steady rate and a burst (0: no limits).
    RATE_LIMIT_COST_PER_SECOND: z.coerce.number().int().min(0).max(100_000_000).default(20_000),
    RATE_LIMIT_BURST: z.coerce.number().int().min(0).max(1_000_000_000).default(100_000),
    RATE_LIMIT_BURST_SECONDS: positiveInt(3_600).default(10),
    // Express's trust proxy: which proxies' X-Forwarded-For names the client (for budgets per address).
    TRUST_PROXY: z.string().min(1).optional(),
    // Cache-Control max-age of reads (analytics get the shorter ANALYTICS_MAX_AGE); 0 turns caching off.
    CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(64),
    // Other origins whose pages may call the API, comma-separated (https://app.example.com).
    CORS_ORIGINS: z.string().default(""),
    // `name:role:sha256hex`, comma-separated: the hashes of the API keys that may write.
    API_KEYS: z.string().default(""),
    READS_NEED_KEY: z.enum(["true", "false"]).default("false"),
    // JWTs from the operator's identity provider: a shared secret or a JWKS url, issuer and audience.
    JWT_SECRET: z.string().min(32, "at least 32 characters").optional(),
    JWT_JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    JWT_ROLE_CLAIM: z.string().min(1).default("role"),
    // Subscriptions one WebSocket connection, and one client over all its connections, may hold at
    // once; how often the server pings a connection; how long a message may wait for its client.
    SUBSCRIPTIONS_PER_CONNECTION: positiveInt(1_000).default(10),
    SUBSCRIPTIONS_PER_CLIENT: positiveInt(100_000).default(50),
    WS_KEEP_ALIVE_SECONDS: positiveInt(3_600).default(12),
    WS_SLOW_CONSUMER_SECONDS: positiveInt(3_600).default(10),
    // How often a server reads the change counter for writes made through other servers (0: never,
    // for a server that is the only one writing to its store).
    CHANGE_TAIL_MS: z.coerce
      .number()
      .int()
      .refine((ms) => ms === 0 || (ms >= 50 && ms <= 60_000), "0, or 50 to 60000")
      .default(500),
    // Where the embedded store keeps its journal of recorded batches.
    DATA_DIR: z.string().min(1).optional(),
    // The held documents (a source's \`document\`) that recorded quotes are checked against.
    DOCUMENTS_DIR: z.string().min(1).optional(),
  })
  .loose();

export interface Config {
  readonly env: "development" | "production" | "test";
  readonly port: number;
  readonly host: string | undefined;
  readonly logLevel: string;
  /** null: the embedded in-memory store, loaded from the seed. */
  readonly neo4j: Neo4jConfig | null;
  readonly limits: RequestLimits;
  readonly auth: AuthConfig;
  /** The embedded store's journal of recorded batches. */
  readonly journalPath: string;
  /** Where held documents are read from to check quotes (null: none is held here). */
  readonly documentsDir: string | null;
  readonly rateLimit: RateLimitConfig;
  /** How many GraphQL operations over HTTP execute at once, and how many may wait for a place. */
  readonly admission: AdmissionConfig;
  /** Express's `trust proxy` setting (undefined: the socket's address is the client's). */
  readonly trustProxy: string | undefined;
  readonly caching: CachingConfig;
  readonly cors: CorsConfig;
  readonly subscriptions: SubscriptionConfig;
  /** How often the server reads the change counter for writes made through other servers (0: never). */
  readonly changeTailMs: number;
}

export interface SubscriptionConfig {
  /** Subscriptions one WebSocket connection may hold at once. */
  readonly perConnection: number;
  /** Subscriptions one client (its credential's name, else its address) may hold at once, over all its connections. */
  readonly perClient: number;
  /** How often the server pings each connection (one missed pong closes it). */
  readonly keepAliveMs: number;
  /** How long a message may wait to be taken by its client before the connection is closed (see slow-consumers.ts). */
  readonly slowConsumerMs: number;
}

export interface CachingConfig {
  /** Cache-Control max-age of a read, in seconds (0: nothing is cached). */
  readonly maxAgeSeconds: number;
  /** The response cache's size; 0: no response cache. */
  readonly responseCacheBytes: number;
}

export interface AuthConfig {
  readonly credentials: Credentials;
  /** true: every request needs a valid key (of any role); false: reads are open. */
  readonly readsNeedKey: boolean;
}

/** Beside the project by default, so that `npm start` keeps what was recorded across restarts. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data", import.meta.url));

/** Reads and validates the environment once, at start. Every bad value is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigInvalidError(
      parsed.error.issues.map(
        (i) => `${i.path.join(".")}=${JSON.stringify(env[String(i.path[0])] ?? "")}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  const keys = parseApiKeys(e.API_KEYS);
  if (typeof keys === "string") throw new ConfigInvalidError([`API_KEYS: ${keys}`]);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD ?? null, database: e.NEO4J_DATABASE ?? null }
      : null,
    limits: limitsOf(e),
    auth: { credentials: { keys, verifyJwt: jwtSettings(e) }, readsNeedKey: e.READS_NEED_KEY === "true" },
    journalPath: join(e.DATA_DIR ?? DEFAULT_DATA_DIR, "journal.ndjson"),
    documentsDir: e.DOCUMENTS_DIR ?? null,
    rateLimit: rateLimitOf(e),
    admission: { maxConcurrent: e.MAX_CONCURRENT_OPERATIONS, maxQueued: e.MAX_QUEUED_OPERATIONS },
    trustProxy: e.TRUST_PROXY,
    caching: { maxAgeSeconds: e.CACHE_MAX_AGE_SECONDS, responseCacheBytes: e.RESPONSE_CACHE_MB * 1024 * 1024 },
    cors: corsOf(e),
    changeTailMs: e.CHANGE_TAIL_MS,
    subscriptions: {
      perConnection: e.SUBSCRIPTIONS_PER_CONNECTION,
      perClient: e.SUBSCRIPTIONS_PER_CLIENT,
      keepAliveMs: e.WS_KEEP_ALIVE_SECONDS * 1000,
      slowConsumerMs: e.WS_SLOW_CONSUMER_SECONDS * 1000,
    },
  };
}

/** The origins named, plus any local port in development (a dev server on localhost:3000). */
function corsOf(e: z.infer<typeof envSchema>): CorsConfig {
  const { origins, invalid } = parseOrigins(e.CORS_ORIGINS);
  if (invalid.length > 0) {
    throw new ConfigInvalidError(
      invalid.map((entry) => `CORS_ORIGINS: ${JSON.stringify(entry)} is not an origin such as https://app.example.com`),
    );
  }
  return { origins, anyLocalPort: e.NODE_ENV === "development" };
}

/** A document's selections, its arguments and their values all count towards its nesting. */
const ARGUMENT_NESTING = 8;

function limitsOf(e: z.infer<typeof envSchema>): RequestLimits {
  if (e.MAX_JSON_DEPTH < e.MAX_QUERY_DEPTH + ARGUMENT_NESTING) {
    throw new ConfigInvalidError([
      `MAX_JSON_DEPTH=${e.MAX_JSON_DEPTH}: at least MAX_QUERY_DEPTH + ${ARGUMENT_NESTING} (${e.MAX_QUERY_DEPTH + ARGUMENT_NESTING}), or queries as deep as allowed would be refused`,
    ]);
  }
  return {
    maxDepth: e.MAX_QUERY_DEPTH,
    maxCost: e.MAX_QUERY_COST,
    maxPageSize: e.MAX_PAGE_SIZE,
    maxTokens: e.MAX_QUERY_TOKENS,
    maxDirectives: e.MAX_QUERY_DIRECTIVES,
    maxLength: e.MAX_QUERY_LENGTH,
    maxJsonDepth: e.MAX_JSON_DEPTH,
    timeoutMs: e.REQUEST_TIMEOUT_MS,
    maxExportElements: e.EXPORT_MAX_ELEMENTS,
  };
}

/** A budget smaller than the costliest query allowed would refuse that query for ever. */
function rateLimitOf(e: z.infer<typeof envSchema>): RateLimitConfig {
  const config = {
    costPerSecond: e.RATE_LIMIT_COST_PER_SECOND,
    burst: e.RATE_LIMIT_BURST,
    burstSeconds: e.RATE_LIMIT_BURST_SECONDS,
  };
  if (config.costPerSecond > 0 && Math.max(config.costPerSecond, config.burst) < e.MAX_QUERY_COST) {
    throw new ConfigInvalidError([
      `RATE_LIMIT_BURST=${config.burst}: at least MAX_QUERY_COST (${e.MAX_QUERY_COST}), or the costliest queries could never run`,
    ]);
  }
  return config;
}

/** The JWT check the environment configures, or null; a half configuration is refused. */
function jwtSettings(e: z.infer<typeof envSchema>): Credentials["verifyJwt"] {
  const { JWT_SECRET: secret, JWT_JWKS_URL: jwksUrl, JWT_ISSUER: issuer, JWT_AUDIENCE: audience } = e;
  if (!secret && !jwksUrl) {
    if (issuer || audience)
      throw new ConfigInvalidError(["JWT_ISSUER/JWT_AUDIENCE: set JWT_SECRET or JWT_JWKS_URL too"]);
    return null;
  }
  const problems = [
    ...(secret && jwksUrl ? ["JWT_SECRET and JWT_JWKS_URL: set one of them"] : []),
    ...(issuer ? [] : ["JWT_ISSUER: required to accept JWTs"]),
    ...(audience ? [] : ["JWT_AUDIENCE: required to accept JWTs"]),
  ];
  if (problems.length > 0) throw new ConfigInvalidError(problems);
  const key = secret ? { secret } : { jwksUrl: jwksUrl! };
  return jwtVerifier({ key, issuer: issuer!, audience: audience!, roleClaim: e.JWT_ROLE_CLAIM });
}
