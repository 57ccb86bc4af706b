import { lastSeqAfter } from "../store/change-feed";
import type { GraphStore } from "../store/graph-store";
import type { Logger } from "./logger";

/**
 * How a server learns of writes made through other servers on the same store (replicas over one
 * Neo4j): every `intervalMs` it reads the store's change counter after the last seq it knows, and
 * when the feed has grown it tells `grew` (which empties the response cache and wakes the
 * subscriptions). A write through any replica thus reaches every replica within one interval and a
 * read. Writes through this server are told at once without waiting for the tail. An interval of
 * 0 tails nothing: for a server that is its store's only writer.
 */
export function tailChangeFeed(
  store: GraphStore,
  opts: { readonly intervalMs: number; readonly grew: () => void; readonly logger: Logger },
): { stop(): void } {
  if (opts.intervalMs === 0) return { stop: () => {} };
  let known = 0;
  let failing = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const poll = async () => {
    try {
      const last = await lastSeqAfter(store, known);
      // The first read wakes too: a write through another server may have landed since a subscriber read.
      if (last > known) opts.grew();
      known = last;
      if (failing) opts.logger.info({}, "change feed tail reads again");
      failing = false;
    } catch (err) {
      // A store outage is answered to requests already; the tail logs once and keeps trying.
      if (!failing) opts.logger.warn({ err }, "change feed tail cannot read the store");
      failing = true;
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void poll(), opts.intervalMs);
    // The tail never keeps the process alive on its own.
    timer.unref();
  };
  void poll();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
