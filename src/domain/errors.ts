/**
 * Domain errors carry a stable machine-readable code. The GraphQL layer maps them to
 * `extensions.code`; anything that is not a DomainError is treated as unexpected and masked.
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "SEED_INVALID"
  | "STORE_UNAVAILABLE"
  | "CONFIG_INVALID"
  | "LIMIT_EXCEEDED"
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

/** A request would exceed a guard rail (page size, path depth, graph size). */
export class LimitExceededError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("BAD_USER_INPUT", message, { ...details, limit: true });
  }
}

/** The backing database cannot be reached; retrying later may succeed. */
export class StoreUnavailableError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("STORE_UNAVAILABLE", message, details);
  }
}

/** The seed (or any dataset being loaded) is invalid; nothing was written. */
export class SeedInvalidError extends DomainError {
  constructor(readonly problems: string[]) {
    super("SEED_INVALID", `dataset is invalid, nothing was loaded:\n  - ${problems.join("\n  - ")}`, { problems });
  }
}

export class ConfigInvalidError extends DomainError {
  constructor(readonly problems: string[]) {
    super("CONFIG_INVALID", `invalid configuration:\n  - ${problems.join("\n  - ")}`, { problems });
  }
}
