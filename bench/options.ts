/**
 * What a run measures and for how long. Full (`npm run bench`): 10,000 and 100,000 companies, 20 s of
 * load per server. Quick (`npm run bench -- --quick` or BENCH_QUICK=1, for CI): 10,000 companies and
 * short durations, enough to prove every server starts and answers right; its times are not compared
 * with anything. BENCH_SIZES=1000,10000 overrides the sizes in either mode.
 *
 * Both also time the whole-graph export (export-whole-graph.ts) at 100,000 companies (quick: 1,000;
 * BENCH_EXPORT_COMPANIES overrides); `npm run bench -- export` runs that step alone.
 * Loads (`npm run bench -- loads`, loads.ts): the transactional load and the bulk import of
 * BENCH_SIZES (default 20,000 companies), e.g. BENCH_SIZES=1000000 for a million (not in CI).
 *
 * Soak (`npm run bench -- soak`, soak.ts): this project's server on each store, 10,000 companies,
 * 60 s of mixed reads and analytics at 50 connections; with `--quick` (or BENCH_QUICK=1) 10 s. The
 * comparison ends with the same soak, in the same mode.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface LoadSettings {
  /** Concurrent connections of the load generator. */
  readonly connections: number;
  readonly durationSeconds: number;
  /** Requests sent one after the other, each waiting for the previous answer. */
  readonly sequentialRequests: number;
  /** Requests sent (and not timed) before any measurement, so that every server runs warm. */
  readonly warmupRequests: number;
}

export interface BenchOptions {
  readonly quick: boolean;
  readonly seed: number;
  readonly sizes: readonly number[];
  readonly load: LoadSettings;
  /** Time budget for each in-process measurement (money paths, risk paths). */
  readonly inProcessBudgetMs: number;
  /** Where the results are written as Markdown. */
  readonly resultsFile: string;
  /** Companies of the graph whose whole-graph export is timed. */
  readonly exportCompanies: number;
}

const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");

const FULL_LOAD: LoadSettings = { connections: 10, durationSeconds: 20, sequentialRequests: 200, warmupRequests: 20 };
const QUICK_LOAD: LoadSettings = { connections: 10, durationSeconds: 3, sequentialRequests: 30, warmupRequests: 5 };

const SEED = 20_241_128;

const MODES = ["soak", "export", "loads"] as const;
export type BenchMode = "compare" | (typeof MODES)[number];

/** `soak`, `export` or `loads` anywhere in the arguments picks that mode; the other arguments are its options. */
export function readMode(argv: readonly string[]): { readonly mode: BenchMode; readonly args: readonly string[] } {
  const mode = MODES.find((name) => argv.includes(name)) ?? "compare";
  return { mode, args: argv.filter((arg) => arg !== mode) };
}

/** The loads mode (loads.ts): BENCH_SIZES, else the 20,000 companies its transactional target is set at. */
export function readLoadsOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const options = readOptions(argv, env);
  return { ...options, sizes: env.BENCH_SIZES ? options.sizes : [20_000] };
}

export const LOADS_RESULTS_FILE = path.join(RESULTS_DIR, "loads.md");

export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const quick = readQuick(argv, env);
  return {
    quick,
    seed: SEED,
    sizes: env.BENCH_SIZES ? parseSizes(env.BENCH_SIZES) : quick ? [10_000] : [10_000, 100_000],
    load: quick ? QUICK_LOAD : FULL_LOAD,
    inProcessBudgetMs: quick ? 500 : 4_000,
    // A quick run must not replace the committed results of a full one.
    resultsFile: path.join(RESULTS_DIR, quick ? "quick.md" : "latest.md"),
    exportCompanies: env.BENCH_EXPORT_COMPANIES ? parseSizes(env.BENCH_EXPORT_COMPANIES)[0]! : quick ? 1_000 : 100_000,
  };
}

export interface SoakOptions {
  readonly quick: boolean;
  readonly seed: number;
  readonly companies: number;
  /** Concurrent connections, each sending the request mix in turn, back to back. */
  readonly connections: number;
  readonly durationSeconds: number;
  readonly resultsFile: string;
}

export function readSoakOptions(argv: readonly string[], env: NodeJS.ProcessEnv): SoakOptions {
  const quick = readQuick(argv, env);
  return {
    quick,
    seed: SEED,
    companies: 10_000,
    connections: 50,
    durationSeconds: quick ? 10 : 60,
    resultsFile: path.join(RESULTS_DIR, quick ? "soak-quick.md" : "soak.md"),
  };
}

/** `--quick` or BENCH_QUICK=1; any other argument is refused. */
function readQuick(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const unknown = argv.filter((arg) => arg !== "--quick");
  if (unknown.length > 0)
    throw new Error(`unknown argument(s): ${unknown.join(" ")} (known: soak, export, loads, --quick)`);
  return argv.includes("--quick") || env.BENCH_QUICK === "1";
}

function parseSizes(text: string): number[] {
  const sizes = text.split(",").map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    throw new Error(`BENCH_SIZES must be company counts separated by commas, e.g. 1000,10000; got "${text}"`);
  }
  return sizes;
}
