import { loadSeed } from "../../seed/loader";
import type { GraphStore } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import type { TestServer } from "./http-server";

/**
 * A memory store whose batch writes wait until the test opens the gate: a write that holds its
 * place for as long as the test wants (a write, because a read's own deadline would end it). Every
 * call is logged by method, so a test sees whether a request ran at all.
 */
export class GatedStore {
  readonly calls: string[] = [];
  readonly store: GraphStore;
  private open!: () => void;
  private gate = this.closedGate();
  private enteredGate!: () => void;
  /** Resolves when a batch write has reached the gate. */
  entered = new Promise<void>((resolve) => (this.enteredGate = resolve));

  constructor(inner: MemoryStore) {
    this.store = new Proxy(inner, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function" || property === "ping") return value;
        return async (...args: unknown[]) => {
          this.calls.push(String(property));
          if (property === "applyBatch") {
            this.enteredGate();
            await this.gate;
          }
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
  }

  release(): void {
    this.open();
  }

  /** Lets a write still held through (a test that failed), then closes the gate for the next test. */
  reset(): void {
    this.open();
    this.gate = this.closedGate();
    this.entered = new Promise<void>((resolve) => (this.enteredGate = resolve));
    this.calls.length = 0;
  }

  private closedGate(): Promise<void> {
    return new Promise<void>((resolve) => (this.open = resolve));
  }
}

export async function gatedSeed(): Promise<GatedStore> {
  const store = new MemoryStore();
  await store.load(loadSeed());
  return new GatedStore(store);
}

/** The value of an unlabelled metric the server serves at /metrics. */
export async function metric(server: TestServer, name: string): Promise<number> {
  const { body } = await server.get("/metrics");
  const line = body.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1]);
}

/** Polls /metrics (which never waits in line) until `name` reads `value`. */
export async function untilMetric(server: TestServer, name: string, value: number): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if ((await metric(server, name)) === value) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${name} never read ${value}`);
}
