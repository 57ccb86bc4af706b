import { AsyncLocalStorage } from "node:async_hooks";
import { DeadlineExceededError } from "../domain/errors";

/**
 * What the store layer knows of the request it works for, kept for the request's whole
 * asynchronous life so that every store call honours it without being told:
 *
 * - `bookmarks`: read-your-writes across server replicas over one Neo4j (or a cluster). A write
 *   answers the bookmark of its transaction, and a later request that hands it back reads only
 *   from a server that has seen that write.
 * - `deadline`: the time (ms since the epoch) after which the request's store work is refused, and
 *   which bounds each Neo4j transaction's timeout.
 * - `storeCalls`: how many store calls the request made, for its log line.
 * - `requestId`: on every log line written for the request, and on its Neo4j transactions.
 */
export interface RequestScope {
  readonly requestId: string;
  readonly bookmarks: readonly string[];
  readonly deadline: number | null;
  /** The timeout the deadline was set from, for the error's message. */
  readonly timeoutMs: number | null;
  storeCalls: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) inside `scope`. */
export function withinRequest<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** A new scope: reading after `bookmarks`, ending `timeoutMs` from now (null: never). */
export function requestScope(request: {
  requestId: string;
  bookmarks: readonly string[];
  timeoutMs: number | null;
}): RequestScope {
  const { requestId, bookmarks, timeoutMs } = request;
  return {
    requestId,
    bookmarks,
    deadline: timeoutMs === null ? null : Date.now() + timeoutMs,
    timeoutMs,
    storeCalls: 0,
  };
}

/** The current request's scope, if the caller runs inside one. */
export function currentRequest(): RequestScope | undefined {
  return scopes.getStore();
}

/**
 * The time `scope` has left in ms (null: no deadline); DEADLINE_EXCEEDED once it has none left,
 * so that no store work starts after the deadline.
 */
export function remainingMs(scope: RequestScope): number | null {
  if (scope.deadline === null) return null;
  const remaining = scope.deadline - Date.now();
  if (remaining <= 0) throw new DeadlineExceededError(scope.timeoutMs ?? 0);
  return remaining;
}

/** The bookmarks the current request reads after (none outside one). */
export function currentBookmarks(): readonly string[] {
  return scopes.getStore()?.bookmarks ?? [];
}
