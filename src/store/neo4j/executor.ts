import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Session } from "neo4j-driver";
import { BadInputError, DeadlineExceededError, DomainError, StoreUnavailableError } from "../../domain/errors";
import { currentBookmarks, currentRequest, remainingMs } from "../request-scope";
import { type Neo4jConfig, redactUri } from "./neo4j-config";
import { OutageCircuit } from "./outage-circuit";

export type { Neo4jRecord };
export type Params = Record<string, unknown>;
/** Runs one statement inside the current transaction and returns its records. */
export type RunQuery = (cypher: string, params?: Params) => Promise<Neo4jRecord[]>;

export interface Neo4jExecutorOptions {
  /** Called before every statement is sent (query counting in tests, tracing). */
  readonly onQuery?: (cypher: string, params: Params) => void;
  /** How long executeRead/executeWrite keep retrying transient failures (default 10 s). */
  readonly maxTransactionRetryTimeMs?: number;
  /** TCP/TLS connect timeout (default 10 s). */
  readonly connectionTimeoutMs?: number;
}

const CONNECTION_ERROR_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

/** What Neo4j answers when a transaction outlives the timeout it was given. */
const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);

/**
 * The only code that talks to the driver. Every statement runs in a managed transaction
 * (executeRead/executeWrite retry transient failures), sessions are always closed, and driver
 * errors leave as domain errors. The driver's pool drops broken connections and dials again, so a
 * server that comes back after a restart is used again; while it is down, the outage circuit
 * answers at once (see outage-circuit.ts). A transaction run for a request with a deadline is
 * given the time left as its timeout, so Neo4j ends it too.
 */
export class Neo4jExecutor {
  /** The URI without any user info, safe for messages and logs. */
  readonly uri: string;
  private readonly driver: Driver;
  private readonly circuit: OutageCircuit;

  constructor(
    private readonly cfg: Neo4jConfig,
    private readonly options: Neo4jExecutorOptions = {},
  ) {
    this.uri = redactUri(cfg.uri);
    const auth = cfg.password === null ? undefined : neo4j.auth.basic(cfg.user, cfg.password);
    try {
      this.driver = neo4j.driver(cfg.uri, auth, {
        disableLosslessIntegers: true,
        // Short budgets: while Neo4j is down a GraphQL client should get STORE_UNAVAILABLE within
        // seconds, not wait out long retries; transient blips still get a few retries.
        maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 3_000,
        connectionTimeout: options.connectionTimeoutMs ?? 5_000,
        connectionAcquisitionTimeout: 10_000,
        // The driver logs nothing by default; errors surface through the calls instead.
      });
    } catch (err) {
      throw new StoreUnavailableError(`Neo4j at ${this.uri} cannot be used: ${oneLine(err)}`);
    }
    this.circuit = new OutageCircuit(() => this.probeNow(), `Neo4j at ${this.uri}`);
  }

  /** Fails with StoreUnavailableError ("... is unreachable: reason") when the server cannot be reached. */
  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.verifyConnectivity(this.cfg.database ? { database: this.cfg.database } : {});
    } catch (err) {
      const e = this.translate(err);
      if (isConnectionError(err)) {
        throw new StoreUnavailableError(`Neo4j at ${this.uri} is unreachable: ${reason(err)}`);
      }
      throw e;
    }
  }

  /**
   * `RETURN 1` without the driver's retry loop, so a health check answers as fast as the server
   * fails; at once while the store is known to be down.
   */
  probe(): Promise<void> {
    return this.circuit.run(() => this.probeNow());
  }

  /** One immediate second attempt covers a pooled connection that died with a restart. */
  private async probeNow(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const session = this.session("READ");
      try {
        this.options.onQuery?.("RETURN 1", {});
        await session.run("RETURN 1");
        return;
      } catch (err) {
        if (attempt >= 2 || !isConnectionError(err)) throw this.translate(err);
      } finally {
        await closeQuietly(session);
      }
    }
  }

  async read<T>(cypher: string, params: Params, map: (record: Neo4jRecord) => T): Promise<T[]> {
    const records = await this.readTx((run) => run(cypher, params));
    return records.map(map);
  }

  async write<T>(cypher: string, params: Params, map: (record: Neo4jRecord) => T): Promise<T[]> {
    const records = await this.writeTx((run) => run(cypher, params));
    return records.map(map);
  }

  /** Several statements in one read transaction. `work` may run again if the driver retries. */
  async readTx<T>(work: (run: RunQuery) => Promise<T>): Promise<T> {
    return (await this.transaction("READ", work)).value;
  }

  /** Several statements in one write transaction: all of them commit, or none. */
  async writeTx<T>(work: (run: RunQuery) => Promise<T>): Promise<T> {
    return (await this.writeTxWithBookmarks(work)).value;
  }

  /** Like writeTx, with the bookmarks of the committed transaction: hand them back to read after it. */
  writeTxWithBookmarks<T>(work: (run: RunQuery) => Promise<T>): Promise<{ value: T; bookmarks: string[] }> {
    return this.transaction("WRITE", work);
  }

  async close(): Promise<void> {
    this.circuit.dispose();
    await this.driver.close();
  }

  private transaction<T>(
    mode: "READ" | "WRITE",
    work: (run: RunQuery) => Promise<T>,
  ): Promise<{ value: T; bookmarks: string[] }> {
    return this.circuit.run(() => this.sessionTransaction(mode, work));
  }

  private async sessionTransaction<T>(
    mode: "READ" | "WRITE",
    work: (run: RunQuery) => Promise<T>,
  ): Promise<{ value: T; bookmarks: string[] }> {
    const config = transactionConfig();
    const session = this.session(mode);
    try {
      const fn = (tx: ManagedTransaction) => work(this.runner(tx));
      const value = await (mode === "READ" ? session.executeRead(fn, config) : session.executeWrite(fn, config));
      return { value, bookmarks: session.lastBookmarks() };
    } catch (err) {
      throw this.translate(err);
    } finally {
      await closeQuietly(session);
    }
  }

  private runner(tx: ManagedTransaction): RunQuery {
    return async (cypher, params = {}) => {
      this.options.onQuery?.(cypher, params);
      const result = await tx.run(cypher, params);
      return result.records;
    };
  }

  /** A session that reads after the current request's bookmarks (see store/request-scope.ts). */
  private session(mode: "READ" | "WRITE"): Session {
    const bookmarks = currentBookmarks();
    return this.driver.session({
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.cfg.database ? { database: this.cfg.database } : {}),
      ...(bookmarks.length > 0 ? { bookmarks: [...bookmarks] } : {}),
    });
  }

  /** Driver failures become domain errors; domain errors raised while mapping pass through. */
  private translate(err: unknown): DomainError {
    if (err instanceof DomainError) return err;
    if (isAuthError(err)) {
      return new StoreUnavailableError(`Neo4j at ${this.uri}: authentication failed for user '${this.cfg.user}'`);
    }
    if (errorCode(err) === "Neo.ClientError.Database.DatabaseNotFound") {
      return new StoreUnavailableError(
        `Neo4j at ${this.uri}: database '${this.cfg.database ?? "(default)"}' does not exist`,
      );
    }
    if (isConnectionError(err)) {
      return new StoreUnavailableError(`Neo4j at ${this.uri} is unavailable: ${reason(err)}`);
    }
    const code = errorCode(err);
    if (code && TIMEOUT_CODES.has(code)) return new DeadlineExceededError(currentRequest()?.timeoutMs ?? 0);
    if (code?.startsWith("Neo.ClientError.Transaction.InvalidBookmark"))
      return new BadInputError("the bookmark is not one this database issued: send back a write's receipt.bookmark");
    return new DomainError("INTERNAL", `Neo4j query failed: ${oneLine(err)}`, {
      ...(code ? { neo4jCode: code } : {}),
      ...(gqlStatus(err) ? { gqlStatus: gqlStatus(err) } : {}),
    });
  }
}

/**
 * The time the current request has left, as the transaction's timeout, and its id as metadata
 * (it shows in Neo4j's query log and `SHOW TRANSACTIONS`); nothing outside a request.
 */
function transactionConfig(): { timeout?: number; metadata?: Record<string, string> } {
  const scope = currentRequest();
  if (!scope) return {};
  const metadata = { requestId: scope.requestId };
  const remaining = remainingMs(scope);
  return remaining === null ? { metadata } : { timeout: remaining, metadata };
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function gqlStatus(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const s = (err as { gqlStatus?: unknown }).gqlStatus;
  return typeof s === "string" ? s : undefined;
}

function isAuthError(err: unknown): boolean {
  const code = errorCode(err) ?? "";
  return (
    code.startsWith("Neo.ClientError.Security.Unauthorized") ||
    code === "Neo.ClientError.Security.AuthenticationRateLimit"
  );
}

/**
 * The driver's channel reports a refused, reset or lost socket with these words, under the code its
 * connection was opened with, which may be ProtocolError (seen when Neo4j is killed mid-handshake).
 */
const CHANNEL_FAILURE = /^(Failed to connect to server|Connection was closed by server|Connection lost)/;

/** Whether the driver failed because Neo4j could not be reached, rather than because of the query. */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = errorCode(e);
    if (code && CONNECTION_ERROR_CODES.has(code)) return true;
    if (code === "ProtocolError" && e instanceof Error && CHANNEL_FAILURE.test(e.message)) return true;
  }
  return false;
}

/** The useful part of a driver message: "connect ECONNREFUSED 127.0.0.1:7687" rather than the advice around it. */
function reason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const caused = /Caused by:\s*(.+)$/s.exec(message);
  if (caused) return firstLine(caused[1]!);
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (cause instanceof Error && cause.message) return firstLine(cause.message);
  return firstLine(message);
}

function oneLine(err: unknown): string {
  return firstLine(err instanceof Error ? err.message : String(err));
}

function firstLine(s: string): string {
  const line = s.trim().split("\n")[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/**
 * JavaScript numbers travel as Cypher floats; LIMIT and list slices need integers.
 */
export function cypherInt(n: number): unknown {
  return neo4j.int(Math.trunc(n));
}

async function closeQuietly(session: Session): Promise<void> {
  try {
    await session.close();
  } catch {
    // A session on a dead connection may fail to close; the original error matters more.
  }
}
