/**
 * The soak's load: one autocannon run whose connections send requests back to back, each the next of
 * the mix in one round shared by all connections, so that the mix is spread evenly however short the
 * run (with autocannon's `requests` list every connection would start on the same one). Every answer is held to the checked reference answer of its request by string equality (cheap
 * at thousands of answers a second); only an answer that differs is parsed, to count its GraphQL
 * errors by `extensions.code`, or else to count it as wrong.
 */
import autocannon from "autocannon";
import { quantileOfSorted } from "./stats";

/** A request of the mix with the answer its server gave once and the dataset confirmed. */
export interface Reference {
  readonly name: string;
  readonly body: string;
  readonly answer: string;
}

export interface SoakLoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface SoakTally {
  readonly sent: number;
  readonly answered: number;
  readonly status2xx: number;
  readonly status4xx: number;
  readonly status5xx: number;
  /** 1xx and 3xx: not expected at all. */
  readonly statusOther: number;
  /** Connection errors other than timeouts. */
  readonly errors: number;
  readonly timeouts: number;
  /** Answers with GraphQL errors, by `extensions.code` (an answer counts once per code it carries). */
  readonly graphqlErrors: Readonly<Record<string, number>>;
  /** 2xx answers without errors that differ from the reference. */
  readonly wrong: number;
  readonly wrongSamples: readonly string[];
  readonly answeredByRequest: Readonly<Record<string, number>>;
  /** Latency percentiles by request, in ms: which requests make the tail. */
  readonly latencyByRequest: Readonly<Record<string, RequestLatency>>;
  readonly requestsPerSec: number;
  /** Latency percentiles of every answer, in ms. */
  readonly p50: number;
  readonly p99: number;
}

/** One request's latencies over the run, in ms, timed from its being built to its answer. */
export interface RequestLatency {
  readonly p50: number;
  readonly p99: number;
}

const REQUEST_TIMEOUT_S = 60;
const WRONG_SAMPLES = 3;

export async function soakLoad(
  url: string,
  references: readonly Reference[],
  settings: SoakLoadSettings,
): Promise<SoakTally> {
  const answers = answerTally();
  // autocannon gives each request a fresh context of its connection, and its answer the same one;
  // a connection builds its next request as it sends it, so the build time is the send time.
  const sent = new WeakMap<object, { ref: Reference; at: number }>();
  let next = 0;
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    connections: settings.connections,
    duration: settings.durationSeconds,
    timeout: REQUEST_TIMEOUT_S,
    requests: [
      {
        setupRequest: (request, context) => {
          const ref = references[next++ % references.length]!;
          sent.set(context, { ref, at: performance.now() });
          return { ...request, body: ref.body };
        },
        onResponse: (status, body, context) => {
          const { ref, at } = sent.get(context)!;
          answers.record(ref, status, body, performance.now() - at);
        },
      },
    ],
  });
  return {
    sent: result.requests.sent,
    answered: result.requests.total,
    status2xx: result["2xx"],
    status4xx: result["4xx"],
    status5xx: result["5xx"],
    statusOther: result["1xx"] + result["3xx"],
    // autocannon counts timeouts among the errors.
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    ...answers.counts,
    latencyByRequest: answers.latencies(),
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

function answerTally() {
  const counts = {
    graphqlErrors: {} as Record<string, number>,
    wrong: 0,
    wrongSamples: [] as string[],
    answeredByRequest: {} as Record<string, number>,
  };
  const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);
  const millis = new Map<string, number[]>();
  const record = (ref: Reference, status: number, body: string, elapsedMs: number) => {
    bump(counts.answeredByRequest, ref.name);
    if (!millis.has(ref.name)) millis.set(ref.name, []);
    millis.get(ref.name)!.push(elapsedMs);
    if (status === 200 && body === ref.answer) return;
    const codes = errorCodes(body);
    if (codes) for (const code of codes) bump(counts.graphqlErrors, code);
    else if (status >= 200 && status < 300) {
      counts.wrong++;
      if (counts.wrongSamples.length < WRONG_SAMPLES) counts.wrongSamples.push(`${ref.name}: ${body.slice(0, 300)}`);
    }
  };
  const latencies = () =>
    Object.fromEntries(
      [...millis].map(([name, samples]) => {
        const sorted = samples.sort((a, b) => a - b);
        return [name, { p50: quantileOfSorted(sorted, 0.5), p99: quantileOfSorted(sorted, 0.99) }];
      }),
    );
  return { counts, record, latencies };
}

/** The distinct `extensions.code`s of an answer's GraphQL errors; null when it has none (or is not JSON). */
function errorCodes(body: string): string[] | null {
  if (!body.includes('"errors"')) return null;
  try {
    const { errors } = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    if (!Array.isArray(errors) || errors.length === 0) return null;
    return [...new Set(errors.map((e) => (typeof e.extensions?.code === "string" ? e.extensions.code : "no code")))];
  } catch {
    return null;
  }
}
