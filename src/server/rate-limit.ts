import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../domain/errors";

/** Per-client budgets of query cost (see guards.ts for what a query costs). */
export interface RateLimitConfig {
  /** Cost a client may spend each second, sustained; 0 turns limits off. */
  readonly costPerSecond: number;
  /** Extra cost a client may spend in a burst, refilled every `burstSeconds`. */
  readonly burst: number;
  readonly burstSeconds: number;
}

/**
 * A token bucket per client, as rate-limiter-flexible builds one: a steady rate per second, and
 * above it a burst allowance that refills over a longer window. Kept in this process's memory: with
 * several replicas each holds its own budgets (see the README for shared limits).
 */
export class CostBudgets {
  private readonly steady: RateLimiterMemory;
  private readonly burst: RateLimiterMemory;
  private readonly limiter: BurstyRateLimiter;

  constructor(
    private readonly config: RateLimitConfig,
    /** Told of every refusal (the metrics count them). */
    private readonly refused: () => void = () => {},
  ) {
    this.steady = new RateLimiterMemory({ keyPrefix: "rate", points: config.costPerSecond, duration: 1 });
    this.burst = new RateLimiterMemory({ keyPrefix: "burst", points: config.burst, duration: config.burstSeconds });
    this.limiter = new BurstyRateLimiter(this.steady, this.burst);
  }

  /** Takes `cost` from the client's budget, or fails with RATE_LIMITED and when to retry. */
  async spend(client: string, cost: number): Promise<void> {
    if (cost <= 0) return;
    try {
      await this.limiter.consume(client, cost);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      this.refused();
      throw new RateLimitedError(await this.secondsUntilAffordable(client, cost, refusal), cost);
    }
  }

  /**
   * A request costing more than a second's rate can only be paid from the burst allowance, so it
   * waits for that to refill; a cheaper one waits for the next second (or the burst, if sooner).
   */
  private async secondsUntilAffordable(client: string, cost: number, refusal: RateLimiterRes): Promise<number> {
    const burstRefill = (await this.burst.get(client))?.msBeforeNext ?? 0;
    const waitMs = cost > this.config.costPerSecond ? burstRefill : refusal.msBeforeNext;
    return Math.max(1, Math.ceil(waitMs / 1000));
  }
}
