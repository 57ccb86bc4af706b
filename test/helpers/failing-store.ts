import type { GraphStore } from "../../src/store/graph-store";

export interface FailingStore {
  readonly store: GraphStore;
  /** From now on every store call rejects with `err`; null: calls reach the real store again. */
  failWith(err: unknown): void;
  /** Only the `n`th store call from now (1 for the next one) rejects with `err`; the others reach the real store. */
  failCall(n: number, err: unknown): void;
  /** Store calls made since the wrapper was made. */
  calls(): number;
}

/**
 * Wraps a real store so that its calls can be made to fail on demand, for tests of what the HTTP
 * and GraphQL layers do with a failure (the database's own failures are tested against Neo4j itself).
 */
export function failingStore(inner: GraphStore): FailingStore {
  let failure: { err: unknown } | null = null;
  let nth: { at: number; err: unknown } | null = null;
  let calls = 0;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        calls++;
        if (failure) throw failure.err;
        if (nth?.at === calls) throw nth.err;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    failWith: (err) => (failure = err === null ? null : { err }),
    failCall: (n, err) => (nth = { at: calls + n, err }),
    calls: () => calls,
  };
}
