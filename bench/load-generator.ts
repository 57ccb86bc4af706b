/**
 * Requests to a server under test: one at a time (latency without queueing) and under concurrent
 * load with autocannon (throughput, and latency when requests wait for each other). Both POST the
 * same JSON body, and both count an answer carrying GraphQL errors as a failure.
 */
import autocannon from "autocannon";
import type { LoadSettings } from "./options";
import { type Stats, statsOf, timed } from "./stats";

export interface Throughput {
  readonly requestsPerSec: number;
  /** Latency percentiles under load, in ms. */
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Connection errors, non-2xx answers and answers with errors. */
  readonly failures: number;
  /** Requests still unanswered after REQUEST_TIMEOUT_S: slow, not wrong, so reported rather than failed. */
  readonly timeouts: number;
}

const REQUEST_TIMEOUT_S = 60;

/** POSTs `body` once and returns the parsed answer; throws on a non-200 status or GraphQL errors. */
export async function postJson(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await res.text();
  if (res.status !== 200 || !answeredWithoutErrors(text)) {
    throw new Error(`${url} answered ${res.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as unknown;
}

/** Sends `warmup` requests untimed, then `count` timed ones, each after the previous answer. */
export async function sequentialLatency(url: string, body: string, load: LoadSettings): Promise<Stats> {
  for (let i = 0; i < load.warmupRequests; i++) await postJson(url, body);
  const samples: number[] = [];
  for (let i = 0; i < load.sequentialRequests; i++) samples.push(await timed(() => postJson(url, body)));
  return statsOf(samples);
}

/** `load.connections` connections sending requests back to back for `load.durationSeconds`. */
export async function throughputUnderLoad(url: string, body: string, load: LoadSettings): Promise<Throughput> {
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections: load.connections,
    duration: load.durationSeconds,
    timeout: REQUEST_TIMEOUT_S,
    verifyBody: (answer) => answeredWithoutErrors(String(answer)),
  });
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    // autocannon counts timeouts among the errors.
    failures: result.errors - result.timeouts + result.non2xx + result.mismatches,
    timeouts: result.timeouts,
  };
}

function answeredWithoutErrors(text: string): boolean {
  return text.startsWith('{"data":') && !text.includes('"errors":');
}
