import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Read-your-writes across server replicas over one Neo4j (or a cluster): a write answers the
 * bookmark of its transaction, and a later request that hands it back reads only from a server
 * that has seen that write. The bookmarks a request reads after are kept for the request's whole
 * asynchronous life, so that every store read it makes honours them without being told.
 */
const readAfterBookmarks = new AsyncLocalStorage<readonly string[]>();

/** Runs `work` (and everything it starts) reading after `bookmarks`. */
export function readAfter<T>(bookmarks: readonly string[], work: () => T): T {
  return readAfterBookmarks.run(bookmarks, work);
}

/** The bookmarks the current request reads after (none outside one). */
export function currentBookmarks(): readonly string[] {
  return readAfterBookmarks.getStore() ?? [];
}
