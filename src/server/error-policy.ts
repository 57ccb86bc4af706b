import type { ValidationError } from "class-validator";
import type express from "express";
import { GraphQLError } from "graphql";
import { DomainError } from "../domain/errors";
import type { Logger } from "./logger";
import { summaryOf } from "./request-log";
import { headersOf } from "./transport";

/**
 * What a client learns about a failure, decided in one place for GraphQL and the plain HTTP routes:
 *
 * | thrown                                   | code                  | status | message                | logged |
 * | ---------------------------------------- | --------------------- | ------ | ---------------------- | ------ |
 * | DomainError BAD_USER_INPUT               | BAD_USER_INPUT        | 400    | its own                | no     |
 * | DomainError STORE_UNAVAILABLE            | STORE_UNAVAILABLE     | 503    | its own                | no     |
 * | DomainError DEADLINE_EXCEEDED            | DEADLINE_EXCEEDED     | 504    | its own                | no     |
 * | DomainError RATE_LIMITED                 | RATE_LIMITED          | 429    | its own                | no     |
 * | DomainError SERVER_BUSY                  | SERVER_BUSY           | 503    | its own                | no     |
 * | DomainError IDEMPOTENCY_KEY_REUSED       | IDEMPOTENCY_KEY_REUSED| 409    | its own                | no     |
 * | HTTP error marked safe to expose (a      | its code (see         | its    | its own                | no     |
 * |   malformed JSON body, a body too large, | transportCode)        | status |                        |        |
 * |   an unknown route, a wrong method)      |                       |        |                        |        |
 * | GraphQL error with a code (validation,   | its code              | 400 or | its own; argument      | no     |
 * |   parsing, cost, argument validation)    |                       | its    | validation lists the   |        |
 * |                                          |                       | http   | broken constraints     |        |
 * | any other DomainError (INTERNAL, ...)    | INTERNAL_SERVER_ERROR | 500    | masked                 | yes    |
 * | anything else                            | INTERNAL_SERVER_ERROR | 500    | masked                 | yes    |
 *
 * "masked" is "Internal server error" outside development (NODE_ENV=development shows the real
 * message). Internal failures carry text from the database driver or a stack of our own, which
 * is for the operator's log, not for whoever sent the request.
 */

export const INTERNAL_CODE = "INTERNAL_SERVER_ERROR";
export const MASKED_MESSAGE = "Internal server error";

type Scalar = string | number | boolean;

interface ClientError {
  readonly code: string;
  readonly message: string;
  /** For HTTP routes; GraphQL responses keep GraphQL-over-HTTP status rules. */
  readonly status: number;
  /** Extra machine-readable facts (argument name, allowed range): scalar values only. */
  readonly details: Readonly<Record<string, Scalar>>;
}

export interface ErrorDecision extends ClientError {
  /** Unexpected failures are logged in full; a client's mistake or a known outage is not. */
  readonly log: boolean;
  /** The error the decision is about, after unwrapping what GraphQL wrapped around it. */
  readonly cause: unknown;
}

export interface ErrorPolicyOptions {
  /** true only with NODE_ENV=development: internal messages and details reach the client. */
  readonly exposeInternals: boolean;
}

const CLIENT_STATUS: Partial<Record<DomainError["code"], number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STORE_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  RATE_LIMITED: 429,
  SERVER_BUSY: 503,
  IDEMPOTENCY_KEY_REUSED: 409,
  EXPORT_TOO_LARGE: 413,
};

/** Express's body parser names its failures by `type`; clients get a code per kind of mistake. */
const BODY_PARSER_CODES: Readonly<Record<string, string>> = {
  "entity.parse.failed": "MALFORMED_JSON",
  "entity.too.large": "PAYLOAD_TOO_LARGE",
  "encoding.unsupported": "UNSUPPORTED_MEDIA_TYPE",
  "charset.unsupported": "UNSUPPORTED_MEDIA_TYPE",
};

/** Decides, without side effects, what the client sees for `err` and whether to log it. */
export function decideError(err: unknown, opts: ErrorPolicyOptions): ErrorDecision {
  const cause = unwrap(err);
  if (cause instanceof DomainError) {
    const status = CLIENT_STATUS[cause.code];
    if (status === undefined) return internal(cause, cause.details, opts);
    return { code: cause.code, message: cause.message, status, details: scalars(cause.details), log: false, cause };
  }
  if (cause instanceof GraphQLError && isClientCode(cause.extensions.code)) {
    const decision = graphQLClientError(cause, cause.extensions.code);
    return opts.exposeInternals ? decision : { ...decision, message: withoutSuggestions(decision.message) };
  }
  if (isExposedHttpError(cause)) {
    const code = transportCode(cause);
    const message = TRANSPORT_MESSAGES[code]?.(cause) ?? cause.message;
    return { code, message, status: cause.status, details: {}, log: false, cause };
  }
  return internal(cause, undefined, opts);
}

export type ErrorReporter = (err: unknown, where: string) => ClientError;

/**
 * The policy with its side effect: logs what needs logging (once, here, so no caller forgets or
 * doubles it) and returns what the client may see. `where` names the request for the log.
 */
export function createErrorReporter(
  opts: ErrorPolicyOptions & { readonly logger: Logger; readonly counted?: (code: string) => void },
): ErrorReporter {
  return (err, where) => {
    const { log, cause, ...client } = decideError(err, opts);
    if (log) opts.logger.error({ err: cause, where }, `unexpected error in ${where}`);
    opts.counted?.(client.code);
    return client;
  };
}

/** Errors the GraphQL layer raised for the client: its code, its message, its HTTP status. */
function graphQLClientError(cause: GraphQLError, code: string): ErrorDecision {
  const { code: _code, http, validationErrors, ...rest } = cause.extensions;
  const status = (http as { status?: number } | undefined)?.status ?? 400;
  if (validationErrors) {
    // type-graphql's argument validation: list every broken constraint rather than its generic message.
    const messages = constraintMessages(validationErrors as ValidationError[]);
    return { code, message: `Invalid arguments: ${messages.join("; ")}`, status, details: {}, log: false, cause };
  }
  return { code, message: cause.message, status, details: scalars(rest), log: false, cause };
}

/** Answers an HTTP route's failure as `{ "error": { "code", "message", "details"? } }`. */
export function sendError(req: express.Request, res: express.Response, err: unknown, reportError: ErrorReporter): void {
  const { code, message, status, details } = reportError(err, `${req.method} ${req.baseUrl}${req.path}`);
  summaryOf(res).code = code;
  res
    .status(status)
    .set(headersOf(err))
    .json({ error: { code, message, ...(Object.keys(details).length > 0 ? { details } : {}) } });
}

/**
 * Last in the Express chain: errors passed on by the body parser and the static-file routes get
 * the same policy, instead of Express's HTML page (which shows the stack unless NODE_ENV=production).
 */
export function errorMiddleware(reportError: ErrorReporter): express.ErrorRequestHandler {
  return (err, req, res, next) => {
    // A response already under way cannot change its status; Express closes the connection.
    if (res.headersSent) return next(err);
    sendError(req, res, err, reportError);
  };
}

function internal(
  cause: unknown,
  details: Record<string, unknown> | undefined,
  opts: ErrorPolicyOptions,
): ErrorDecision {
  const message = cause instanceof Error ? cause.message : String(cause);
  return {
    code: INTERNAL_CODE,
    message: opts.exposeInternals ? message : MASKED_MESSAGE,
    status: 500,
    details: opts.exposeInternals ? scalars(details) : {},
    log: true,
    cause,
  };
}

/**
 * graphql-js wraps what a resolver throws in a GraphQLError without a code of its own (keeping
 * the original's extensions when it has some); the original decides.
 */
function unwrap(err: unknown): unknown {
  let e = err;
  while (e instanceof GraphQLError && e.originalError && !isClientCode(e.extensions.code)) e = e.originalError;
  return e;
}

// Apollo and graphql-js give client mistakes a code; INTERNAL_SERVER_ERROR is Apollo's default for the rest.
function isClientCode(code: unknown): code is string {
  return typeof code === "string" && code !== INTERNAL_CODE;
}

/**
 * The http-errors convention Express and body-parser follow: `expose` marks a 4xx whose message
 * was written for the client ("request entity too large", a JSON syntax error).
 */
function isExposedHttpError(err: unknown): err is Error & { status: number } {
  if (!(err instanceof Error)) return false;
  const { expose, status } = err as { expose?: unknown; status?: unknown };
  return expose === true && typeof status === "number" && status >= 400 && status < 500;
}

/**
 * graphql-js suggests names close to a misspelt one ('Did you mean "customers"?'), which lets
 * anyone map a schema with introspection off; outside development the suggestion is cut.
 */
function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/, "");
}

/** Body parser messages in the words of this API (its own are terse: "request entity too large"). */
const TRANSPORT_MESSAGES: Readonly<Record<string, (err: Error & { limit?: number }) => string>> = {
  MALFORMED_JSON: (err) => `the body is not valid JSON: ${err.message}`,
  PAYLOAD_TOO_LARGE: (err) => `the body is larger than the ${err.limit ?? "allowed"} bytes this server accepts`,
};

/** A transport error's own code, else the body parser's kind of failure, else one by status. */
function transportCode(err: Error & { status: number }): string {
  const { code, type } = err as { code?: unknown; type?: unknown };
  if (typeof code === "string" && /^[A-Z_]+$/.test(code)) return code;
  if (typeof type === "string" && BODY_PARSER_CODES[type]) return BODY_PARSER_CODES[type];
  return err.status === 404 ? "NOT_FOUND" : "BAD_REQUEST";
}

function constraintMessages(errors: readonly ValidationError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...constraintMessages(e.children ?? [])]);
}

// Only plain scalar values: objects and arrays could carry internals (records, driver errors).
function scalars(details: Record<string, unknown> | undefined): Record<string, Scalar> {
  return Object.fromEntries(
    Object.entries(details ?? {}).filter((entry): entry is [string, Scalar] =>
      ["string", "number", "boolean"].includes(typeof entry[1]),
    ),
  );
}
