import { type Server, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type express from "express";
import { ServerBusyError } from "../domain/errors";
import type { ErrorReporter } from "./error-policy";
import { summaryOf } from "./request-log";

/**
 * A mistake in the HTTP request itself (unknown route, wrong method, a body that is not JSON),
 * answered before any route logic runs. It follows the http-errors convention (`expose`,
 * `status`) that Express's body parser follows too, so the error policy treats both alike.
 */
export class TransportError extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Last route: whatever nothing else answered. */
export function notFound(): express.RequestHandler {
  return (req, _res, next) => next(new TransportError(404, "NOT_FOUND", `there is no route ${req.path}`));
}

/** After a path's handlers: any other method is refused with the methods the path accepts. */
export function methodNotAllowed(allowed: readonly string[]): express.RequestHandler {
  const allow = allowed.join(", ");
  return (req, _res, next) =>
    next(
      new TransportError(
        405,
        "METHOD_NOT_ALLOWED",
        `${req.method} is not allowed on ${req.baseUrl}${req.path}; use ${allow}`,
        {
          Allow: allow,
        },
      ),
    );
}

/**
 * A POST body must be JSON. Anything else is refused with 415 here, before the body parser (which
 * would skip it) and before CSRF prevention (which refuses the same simple content types with a
 * less precise 400).
 */
export function requireJsonBody(): express.RequestHandler {
  return (req, _res, next) => {
    if (req.method !== "POST" || req.is(["application/json", "application/*+json"])) return next();
    const type = req.headers["content-type"] ?? "none";
    next(new TransportError(415, "UNSUPPORTED_MEDIA_TYPE", `the body must be application/json (got ${type})`));
  };
}

/** The GraphQL route's failures as GraphQL errors: `{ "errors": [{ message, extensions: { code } }] }`. */
export function graphqlErrorMiddleware(reportError: ErrorReporter): express.ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const { code, message, status, details } = reportError(err, `${req.method} ${req.baseUrl}${req.path}`);
    summaryOf(res).code = code;
    res.status(status).set(headersOf(err));
    // GraphQL-over-HTTP: a client that accepts application/graphql-response+json gets it.
    res.type(req.accepts(["application/json", "application/graphql-response+json"]) || "application/json");
    res.send(JSON.stringify({ errors: [{ message, extensions: { code, ...details } }] }));
  };
}

/** Headers an error asks for (Allow with a 405, Retry-After with a 503 SERVER_BUSY). */
export function headersOf(err: unknown): Record<string, string> {
  if (err instanceof ServerBusyError) return { "Retry-After": String(err.retryAfterSeconds) };
  return err instanceof TransportError ? { ...err.headers } : {};
}

/** A GET (and HEAD) route; other methods are answered 405 with `Allow: GET`. */
export function getOnly(router: express.Router, path: string, ...handlers: express.RequestHandler[]): void {
  router
    .route(path)
    .get(...handlers)
    .all(methodNotAllowed(["GET"]));
}

/** Node's parser failures, by its error code: what status and code the client is answered with. */
const UNPARSABLE: Readonly<Record<string, readonly [status: number, code: string, message: string]>> = {
  HPE_HEADER_OVERFLOW: [
    431,
    "REQUEST_HEADERS_TOO_LARGE",
    "the request line and headers are larger than this server accepts; send a long query or its variables in a POST body",
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "REQUEST_TIMEOUT", "the request was not received in time"],
};

/**
 * A request Node cannot parse (a URL or headers over its 16 kB limit, say a GET carrying deep
 * variables) never reaches Express; Node answers it with an empty page. This answers it with a coded
 * GraphQL-shaped error like every other refusal (the path is unknown: the request line was not read).
 */
export function answerUnparsableRequests(server: Server): void {
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node does: nothing more to say on a socket that is gone or already answering.
    const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (!socket.writable || answering || err.code === "ECONNRESET") return void socket.destroy();
    const [status, code, message] = UNPARSABLE[err.code ?? ""] ?? [400, "BAD_REQUEST", "the request is not valid HTTP"];
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
