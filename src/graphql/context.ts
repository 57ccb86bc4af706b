import type { ChangeFeed } from "../store/change-feed";
import type { GraphStore } from "../store/graph-store";
import { type HeldTexts, NO_HELD_TEXTS } from "../store/record-batch";
import type { Principal } from "../domain/roles";
import type { Clock } from "./clock";
import type { RequestLimits } from "./limits";
import { createLoaders, type Loaders } from "./loaders/loaders";

/** Everything a resolver may use, built fresh for every request (so loader caches never leak). */
export interface Context {
  readonly store: GraphStore;
  /** Replaced before each event of a subscription that reads the graph (see readAfresh). */
  loaders: Loaders;
  readonly limits: RequestLimits;
  /**
   * Read root fields and the lists selected under them in one store call (see plan/), and only the
   * parts of relationships the request selects. Off, every list reads its own level with every
   * part, one call per level: the same answers, which the tests hold equal.
   */
  readonly planReads: boolean;
  /** The clock each field that set one reads at, by response path (see clock.ts). */
  readonly clocks: Map<string, Clock>;
  /** Who is asking (null: anonymous); mutations check its role. */
  readonly principal: Principal | null;
  /** The held documents recorded quotes are checked against. */
  readonly heldTexts: HeldTexts;
  /** The request's log (its lines carry the request id); silent outside a server. */
  readonly log: RequestLog;
  /** Whose budget the request spends: the credential's name, else the client's address. */
  readonly client: string;
  /** What the request's log line says of the operation, filled in as it runs. */
  readonly summary: RequestSummary;
  /** The response cache's generation when the request started (see server/response-cache.ts). */
  readonly cacheGeneration: number;
  /** true: the request reads after a write's bookmark, so no cached answer will do. */
  readonly readsAfterWrite: boolean;
  /** The server's change feed, which subscriptions stream (null: no server, so no subscription). */
  readonly feed: ChangeFeed | null;
}

export interface RequestSummary {
  operation?: string;
  cost?: number;
  /** The first error's code, or OK. */
  code?: string;
  /** true: answered from the response cache. */
  cached?: boolean;
}

/** What resolvers log: one line per write, so that every write can be traced to its request. */
export interface RequestLog {
  info(fields: Record<string, unknown>, message: string): void;
}

const SILENT: RequestLog = { info: () => {} };

export function createContext(
  store: GraphStore,
  limits: RequestLimits,
  options: {
    planReads?: boolean;
    principal?: Principal | null;
    heldTexts?: HeldTexts;
    log?: RequestLog;
    client?: string;
    summary?: RequestSummary;
    cacheGeneration?: number;
    readsAfterWrite?: boolean;
    feed?: ChangeFeed;
  } = {},
): Context {
  return {
    cacheGeneration: options.cacheGeneration ?? 0,
    readsAfterWrite: options.readsAfterWrite ?? false,
    feed: options.feed ?? null,
    client: options.client ?? "local",
    summary: options.summary ?? {},
    principal: options.principal ?? null,
    heldTexts: options.heldTexts ?? NO_HELD_TEXTS,
    log: options.log ?? SILENT,
    store,
    loaders: createLoaders(store),
    limits,
    planReads: options.planReads ?? true,
    clocks: new Map(),
  };
}

/**
 * A subscription's context lives as long as it does, while its loaders cache what one request
 * read: before each event it reads the graph afresh, or an event would show what a write changed
 * with the parts (claims, sources) an earlier event read.
 */
export function readAfresh(ctx: Context): void {
  ctx.loaders = createLoaders(ctx.store);
  ctx.clocks.clear();
}
