/**
 * Domain errors carry a stable machine-readable code. The server's error policy
 * (src/server/error-policy.ts) decides what a client sees: BAD_USER_INPUT and STORE_UNAVAILABLE
 * reach it as they are; INTERNAL, and anything that is not a DomainError, is logged and masked.
 * An unknown id is answered with null (reads) or BAD_USER_INPUT (analytics), so no NOT_FOUND code.
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "SEED_INVALID"
  | "STORE_UNAVAILABLE"
  | "DEADLINE_EXCEEDED"
  | "RATE_LIMITED"
  | "SERVER_BUSY"
  | "IDEMPOTENCY_KEY_REUSED"
  | "CONFIG_INVALID"
  | "EXPORT_TOO_LARGE"
  | "DATABASE_NOT_EMPTY"
  | "INTERNAL";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller sent something we cannot work with (bad id, out-of-range argument). */
export class BadInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("BAD_USER_INPUT", message, details);
  }
}

/** No credential, or one that is not valid: nothing was done. */
export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super("UNAUTHENTICATED", message);
  }
}

/** A valid credential whose role may not do this: nothing was done. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

/** The backing database cannot be reached; retrying later may succeed. */
export class StoreUnavailableError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("STORE_UNAVAILABLE", message, details);
  }
}

/** The request ran out of its time before its work was done; nothing was written. */
export class DeadlineExceededError extends DomainError {
  constructor(timeoutMs: number) {
    super(
      "DEADLINE_EXCEEDED",
      `the request did not finish within its ${timeoutMs} ms; ask for less (smaller pages, fewer hops)`,
      {
        timeoutMs,
      },
    );
  }
}

/** The client spent its budget of query cost; `retryAfterSeconds` says when enough is back. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    cost: number,
  ) {
    super("RATE_LIMITED", `rate limit reached: this request costs ${cost}; retry after ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      cost,
    });
  }
}

/**
 * Every place to execute and every place in line was taken: the request was refused at once, before
 * anything ran (nothing was read or written); `retryAfterSeconds` says when to try again.
 */
export class ServerBusyError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    limits: { maxConcurrent: number; maxQueued: number },
  ) {
    super(
      "SERVER_BUSY",
      `the server is busy: ${limits.maxConcurrent} operations are running and ${limits.maxQueued} waiting, its limits; nothing was done, retry after ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}

/**
 * A batch key already recorded with other content: a retry must resend the same batch, and a new
 * batch needs a new key. Nothing was written.
 */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string, first: { firstSeq: number; lastSeq: number; at: string }) {
    const seqs =
      first.firstSeq === 0
        ? "no change in the feed"
        : first.firstSeq === first.lastSeq
          ? `seq ${first.firstSeq}`
          : `seqs ${first.firstSeq}..${first.lastSeq}`;
    super(
      "IDEMPOTENCY_KEY_REUSED",
      `key '${key}' was first used on ${first.at} (${seqs}) for a batch with other content; nothing was recorded: send a new batch under a new key`,
      { key, firstSeq: first.firstSeq, lastSeq: first.lastSeq, firstAt: first.at },
    );
  }
}

/** A whole-graph export over HTTP above `max` nodes and relationships: the command line writes it. */
export class ExportTooLargeError extends DomainError {
  constructor(size: number, max: number) {
    super(
      "EXPORT_TOO_LARGE",
      `the whole graph holds ${size} nodes and relationships, more than the ${max} a download may hold: write it with npm run export (no limit), or ask for a view around centres`,
      { size, max },
    );
  }
}

/** The seed (or any dataset being loaded) is invalid; nothing was written. */
export class SeedInvalidError extends DomainError {
  constructor(readonly problems: string[]) {
    super("SEED_INVALID", `dataset is invalid, nothing was loaded:\n  - ${problems.join("\n  - ")}`, { problems });
  }
}

/** A bulk import was asked into a database that holds records: it only fills an empty one; nothing was written. */
export class DatabaseNotEmptyError extends DomainError {
  constructor(where: string, nodes: number) {
    super(
      "DATABASE_NOT_EMPTY",
      `DATABASE_NOT_EMPTY: the database in ${where} holds ${nodes} nodes; a bulk import only fills an empty database, nothing was written (load into it with \`npm run seed\` without --bulk, or give an empty folder)`,
      { where, nodes },
    );
  }
}

export class ConfigInvalidError extends DomainError {
  constructor(readonly problems: string[]) {
    super("CONFIG_INVALID", `invalid configuration:\n  - ${problems.join("\n  - ")}`, { problems });
  }
}
