import type { GraphStore } from "../../src/store/graph-store";

export interface CountingStore {
  readonly store: GraphStore;
  /** Calls per port method since the last reset. */
  readonly calls: Map<string, number>;
  total(): number;
  reset(): void;
}

/** Wraps a real store and counts calls to each port method (the store still does the work). */
export function countingStore(inner: GraphStore): CountingStore {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    reset: () => calls.clear(),
  };
}
