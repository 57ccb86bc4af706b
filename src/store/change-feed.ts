import type { Change } from "../domain/batch";
import type { GraphStore } from "./graph-store";

/** How many changes one read of the feed takes; a subscriber further behind reads again at once. */
const READ_SIZE = 100;

/** The last seq written, read after `after`: seqs grow by one per change, so `after` plus how many follow it. */
export async function lastSeqAfter(store: GraphStore, after: number): Promise<number> {
  const { totalCount } = await store.listChanges(after, { first: 1 });
  return after + totalCount;
}

/**
 * The change feed as a stream: whoever writes tells the feed (`wrote`, called after every write
 * the store acknowledges), and each reader reads the store's feed after the last seq it gave out.
 * Readers never trust what a signal carries, only the store's seqs: a signal is a hint to read,
 * several writes while a reader is busy wake it once, and what it reads is in commit order with
 * no gap and nothing twice, however the writes and the signals interleave.
 */
export class ChangeFeed {
  /** Bumped by every write; a reader that saw an older value reads again. */
  private writes = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly store: GraphStore) {}

  /** A write was acknowledged: every waiting reader reads again. */
  wrote(): void {
    this.writes += 1;
    const wake = [...this.waiting];
    this.waiting.clear();
    for (const resolve of wake) resolve();
  }

  /** Every change after `since`, then each new one as it is written, until the reader returns. */
  changesAfter(since: number): AsyncIterableIterator<Change> {
    return new FeedReader(this, since);
  }

  /** Resolves once a write later than the `seen` count happened (at once when one already has). */
  writtenSince(seen: number): { written: Promise<void>; cancel: () => void } {
    if (this.writes > seen) return { written: Promise.resolve(), cancel: () => {} };
    let wake!: () => void;
    const written = new Promise<void>((resolve) => (wake = resolve));
    this.waiting.add(wake);
    return { written, cancel: () => (this.waiting.delete(wake), wake()) };
  }

  /** The last seq written so far: where a subscriber that asks for what comes next starts. */
  head(): Promise<number> {
    return lastSeqAfter(this.store, 0);
  }

  get writeCount(): number {
    return this.writes;
  }

  read(after: number) {
    return this.store.listChanges(after, { first: READ_SIZE });
  }
}

/** One subscriber's place in the feed: the last seq it was given. */
class FeedReader implements AsyncIterableIterator<Change> {
  private buffered: Change[] = [];
  private done = false;
  private cancelWait: (() => void) | null = null;

  constructor(
    private readonly feed: ChangeFeed,
    private last: number,
  ) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<Change> {
    return this;
  }

  async next(): Promise<IteratorResult<Change>> {
    while (!this.done) {
      const change = this.buffered.shift();
      if (change) {
        this.last = change.seq;
        return { value: change, done: false };
      }
      await this.fill();
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<Change>> {
    this.done = true;
    this.buffered = [];
    this.cancelWait?.();
    return { value: undefined, done: true };
  }

  /** Reads what follows the last seq given; when nothing does, waits for the next write. */
  private async fill(): Promise<void> {
    // The count is taken before the read: a write acknowledged after it wakes the wait below.
    const seen = this.feed.writeCount;
    const page = await this.feed.read(this.last);
    if (page.items.length > 0) {
      this.buffered = [...page.items];
      return;
    }
    const { written, cancel } = this.feed.writtenSince(seen);
    this.cancelWait = cancel;
    await written;
    this.cancelWait = null;
  }
}
