import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from "cockatiel";
import { DomainError, StoreUnavailableError } from "../../domain/errors";

/** How often a store known to be down is probed; also the fastest it is seen to be back. */
const PROBE_EVERY_MS = 500;

/**
 * Fail fast while Neo4j is down. The first call that finds the server unreachable (after the
 * driver's own short retries) opens the circuit: from then on every call, including the ones
 * already waiting on the driver, is answered STORE_UNAVAILABLE at once instead of each waiting out
 * its own retries, and a probe (a bare `RETURN 1`) runs in the background every half second. The
 * first probe that succeeds closes the circuit. Requests never serve as the trial call, so none of
 * them waits on a server that is still down.
 */
export class OutageCircuit {
  private readonly policy = circuitBreaker(handleWhen(isOutage), {
    halfOpenAfter: PROBE_EVERY_MS,
    breaker: new ConsecutiveBreaker(1),
  });
  /** Calls under way, failed together when the circuit opens. */
  private readonly inFlight = new Set<(err: Error) => void>();
  private probing: NodeJS.Timeout | null = null;
  private lastOutage = "";

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly storeName: string,
  ) {
    this.policy.onBreak((reason) => this.opened(reason));
    this.policy.onReset(() => this.stopProbing());
  }

  /** true while the store is known to be down. */
  get isOpen(): boolean {
    return this.policy.state !== CircuitState.Closed;
  }

  /** Runs `work` unless the store is known to be down; fails it at once if the store goes down meanwhile. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.isOpen) return Promise.reject(this.unavailable());
    return this.policy.execute(() => this.raceOutage(work));
  }

  /** Stops the background probe (when the store is closed). */
  dispose(): void {
    this.stopProbing();
  }

  private raceOutage<T>(work: () => Promise<T>): Promise<T> {
    let fail: ((err: Error) => void) | undefined;
    const failed = new Promise<never>((_resolve, reject) => {
      fail = reject;
      this.inFlight.add(reject);
    });
    return Promise.race([work(), failed]).finally(() => this.inFlight.delete(fail!));
  }

  private opened(reason: unknown): void {
    const error = (reason as { error?: unknown }).error;
    this.lastOutage = error instanceof Error ? error.message : "";
    const unavailable = this.unavailable();
    for (const fail of this.inFlight) fail(unavailable);
    this.inFlight.clear();
    this.probing ??= setInterval(() => void this.probeOnce(), PROBE_EVERY_MS);
    this.probing.unref();
  }

  private async probeOnce(): Promise<void> {
    // Refused (BrokenCircuitError) until the half-open delay has passed; then this is the trial.
    await this.policy.execute(() => this.probe()).catch(() => {});
  }

  private stopProbing(): void {
    if (this.probing) clearInterval(this.probing);
    this.probing = null;
  }

  private unavailable(): StoreUnavailableError {
    return new StoreUnavailableError(this.lastOutage || `${this.storeName} is unavailable`, { circuit: "open" });
  }
}

function isOutage(err: unknown): boolean {
  return err instanceof DomainError && err.code === "STORE_UNAVAILABLE";
}
