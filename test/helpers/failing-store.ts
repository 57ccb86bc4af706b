import type { GraphStore } from "../../src/store/graph-store";

export interface FailingStore {
  readonly store: GraphStore;
  /** From now on every store call rejects with `err`; null: calls reach the real store again. */
  failWith(err: unknown): void;
}

/**
 * Wraps a real store so that its calls can be made to fail on demand, for tests of what the HTTP
 * layer does with a failure (the database's own failures are tested against Neo4j itself).
 */
export function failingStore(inner: GraphStore): FailingStore {
  let failure: { err: unknown } | null = null;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        if (failure) throw failure.err;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, failWith: (err) => (failure = err === null ? null : { err }) };
}
