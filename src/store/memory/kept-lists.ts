/**
 * Lists kept by key, at most `capacity` of them, the oldest dropped first: a filter's share of
 * thousands of relationships worked out once and read again. Whoever holds one makes a new one when
 * the store changes, so a kept list is never stale.
 */
export class KeptLists<List> {
  private readonly lists = new Map<string, List>();

  constructor(private readonly capacity: number) {}

  /** The list kept for `key`, made by `make` (and kept) when there is none. */
  get(key: string, make: () => List): List {
    let kept = this.lists.get(key);
    if (kept === undefined) {
      kept = make();
      if (this.lists.size >= this.capacity) this.lists.delete(this.lists.keys().next().value!);
      this.lists.set(key, kept);
    }
    return kept;
  }
}
