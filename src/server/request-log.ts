import { randomUUID } from "node:crypto";
import type express from "express";
import type { RequestSummary } from "../graphql/context";
import { currentRequest, type RequestScope, requestScope, withinRequest } from "../store/request-scope";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";

/** The header a client sends a write's bookmark back in (see store/request-scope.ts). */
const BOOKMARK_HEADER = "graph-bookmark";

/** What the server keeps of a request while it runs, for its log line. */
interface TrackedRequest {
  readonly scope: RequestScope;
  readonly summary: RequestSummary;
}

/**
 * First on every route: the request id (the client's `x-request-id` when sane, else a new one)
 * goes back on the answer and onto every log line written while the request runs; the request
 * gets its scope (bookmarks, deadline, store call count); and when it has been answered, one log
 * line says what it was and how it went, and the metrics count it.
 */
export function trackRequests(opts: { logger: Logger; metrics: Metrics; timeoutMs: number }): express.RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdOf(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const bookmarks = bookmarksOf(req.headers[BOOKMARK_HEADER]);
    const tracked: TrackedRequest = {
      scope: requestScope({ requestId, bookmarks, timeoutMs: opts.timeoutMs }),
      summary: {},
    };
    res.locals.tracked = tracked;
    const started = performance.now();
    const path = req.path;
    res.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const status = res.writableFinished ? res.statusCode : 499;
      // A path no route matched is not a label: its values are unbounded.
      opts.metrics.answered(req.route ? path : "unmatched", req.method, status, seconds);
      opts.logger.info(logLine(req.method, path, tracked, status, seconds), `${req.method} ${path} ${status}`);
    });
    withinRequest(tracked.scope, next);
  };
}

function logLine(method: string, path: string, tracked: TrackedRequest, status: number, seconds: number) {
  const { operation, cost, code, cached } = tracked.summary;
  return {
    requestId: tracked.scope.requestId,
    method,
    path,
    status,
    ms: Math.round(seconds * 10_000) / 10,
    ...(operation === undefined ? {} : { operation }),
    ...(cost === undefined ? {} : { cost }),
    storeCalls: tracked.scope.storeCalls,
    ...(cached ? { cached } : {}),
    code: code ?? (status < 400 ? "OK" : `HTTP_${status}`),
  };
}

/** The request's summary, for whatever learns what the request did (GraphQL plugins, error routes). */
export function summaryOf(res: express.Response): TrackedRequest["summary"] {
  return (res.locals.tracked as TrackedRequest | undefined)?.summary ?? {};
}

/** Whether the request reads after a write's bookmark. */
export function readsAfterWrite(res: express.Response): boolean {
  return ((res.locals.tracked as TrackedRequest | undefined)?.scope.bookmarks.length ?? 0) > 0;
}

/** pino's mixin: every line logged while a request runs carries its id. */
export function requestIdMixin(): Record<string, string> {
  const scope = currentRequest();
  return scope ? { requestId: scope.requestId } : {};
}

/** The client's request id when it sent a sane one, else a new one: every answer carries it back. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

function bookmarksOf(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  return values.flatMap((value) => value.split(/\s+/)).filter((bookmark) => bookmark !== "");
}
