/** Timing of calls made one after the other, and what a list of durations says. */

export interface Stats {
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly opsPerSec: number;
}

export interface MeasureOptions {
  readonly warmup?: number;
  readonly minRuns?: number;
  readonly maxRuns?: number;
  /** Stop adding runs (after minRuns) once this much time went into the measured runs. */
  readonly budgetMs?: number;
}

/** Calls `fn` (with a running index) sequentially and times each call after the warm-up ones. */
export async function measure(fn: (i: number) => Promise<unknown>, opts: MeasureOptions = {}): Promise<Stats> {
  const { warmup = 5, minRuns = 10, maxRuns = 200, budgetMs = 4_000 } = opts;
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < maxRuns && (i < minRuns || spent < budgetMs); i++) {
    const ms = await timed(() => fn(warmup + i));
    samples.push(ms);
    spent += ms;
  }
  return statsOf(samples);
}

/** Milliseconds `fn` took. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function statsOf(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => quantileOfSorted(sorted, q);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: sorted.length, median, p95: at(0.95), opsPerSec: 1000 / mean };
}

/** The value `q` (0 to 1) of the way up samples sorted ascending (nearest rank). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
