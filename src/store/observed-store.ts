import { DeadlineExceededError } from "../domain/errors";
import type { GraphStore } from "./graph-store";
import { currentRequest, remainingMs, type RequestScope } from "./request-scope";

/** The port methods that change what reads answer: never abandoned, and each one is told. */
const WRITES: ReadonlySet<string> = new Set<keyof GraphStore>(["applyBatch", "load", "clear"]);

/** What the server learns from every store call (metrics, the response cache). */
export interface StoreObserver {
  /** After each port call: which, how long it took, whether it failed. */
  called(method: string, seconds: number, failed: boolean): void;
  /** After a write (a batch applied, a dataset loaded, the store cleared): earlier answers may be stale. */
  wrote(): void;
}

/**
 * The store as requests use it, on either adapter: each call counts towards the request's store
 * calls, is refused once the request's deadline has passed, and is answered with
 * DEADLINE_EXCEEDED when the deadline passes while it runs (the adapter's work is abandoned; the
 * Neo4j adapter also bounds its transaction with the same deadline, so the server stops too). A
 * write is never abandoned: it commits or not as a whole, and its answer says which.
 */
export function observedStore(store: GraphStore, observer: StoreObserver): GraphStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const method = String(property);
      return (...args: unknown[]) => {
        const call = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        return observedCall(method, call, observer);
      };
    },
  });
}

async function observedCall<T>(method: string, call: () => Promise<T>, observer: StoreObserver): Promise<T> {
  const scope = currentRequest();
  if (scope) scope.storeCalls += 1;
  const started = performance.now();
  let failed = true;
  try {
    const writes = WRITES.has(method);
    const result = await (writes ? call() : withinDeadline(scope, call));
    failed = false;
    if (writes) observer.wrote();
    return result;
  } finally {
    observer.called(method, (performance.now() - started) / 1000, failed);
  }
}

async function withinDeadline<T>(scope: RequestScope | undefined, call: () => Promise<T>): Promise<T> {
  const remaining = scope ? remainingMs(scope) : null;
  if (remaining === null) return call();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(scope!.timeoutMs ?? 0)), remaining);
  });
  return Promise.race([call(), expired]).finally(() => clearTimeout(timer));
}
