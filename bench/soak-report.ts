/** The soak's results as Markdown: one row per store, what was sent, and what went wrong. */
import type { SoakOptions } from "./options";
import type { SoakTally } from "./soak-load";
import { companies, markdownTable, mb, ms } from "./table";

/** The server process's resident memory: once loaded (before any request), at its highest while sampled, at the end. */
export interface RssReadings {
  readonly start: number;
  readonly peak: number;
  readonly end: number;
}

export interface SoakRow {
  readonly store: string;
  readonly outcome:
    | { readonly ok: true; readonly tally: SoakTally; readonly rss: RssReadings }
    | { readonly ok: false; readonly error: string };
}

export interface SoakResults {
  readonly options: SoakOptions;
  readonly environment: string;
  readonly rows: readonly SoakRow[];
  /** The requests' names, in the order each connection sends them. */
  readonly mix: readonly string[];
  readonly seconds: number;
}

/** Why a row fails the run: a store that did not start or answered wrongly, any 4xx/5xx, error or wrong answer. */
export function soakProblems(row: SoakRow): string[] {
  if (!row.outcome.ok) return [row.outcome.error];
  const t = row.outcome.tally;
  const graphql = Object.values(t.graphqlErrors).reduce((a, b) => a + b, 0);
  const counted: [number, string][] = [
    [t.status5xx, "5xx answers"],
    [t.status4xx, "4xx answers"],
    [t.statusOther, "1xx/3xx answers"],
    [t.errors, "connection errors"],
    [graphql, "answers with GraphQL errors"],
    [t.wrong, "wrong answers"],
  ];
  return counted.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
}

export function renderSoakReport(r: SoakResults): string {
  const o = r.options;
  return [
    `# Soak: ${o.quick ? "quick run" : "full run"}`,
    "",
    `${r.environment}. Finished in ${r.seconds.toFixed(0)} s.`,
    "",
    `This project's server on each store, ${companies(o.companies)} companies, ${o.connections} connections ` +
      `for ${o.durationSeconds} s. Requests go back to back, each the next of this mix, round and round over all connections: ${r.mix.join(", ")}.`,
    "",
    soakTable(r.rows),
    "",
    "sent: requests written (some still unanswered when the time ran out); errors / timeouts: connection " +
      "errors and requests unanswered after 60 s; GraphQL errors: answers carrying `errors`, by " +
      "`extensions.code`; wrong: answers without errors that differ from the reference answer, which was " +
      "checked against the dataset (and, on Neo4j, is the memory store's answer). p50/p99 over every answer. " +
      "RSS: the server process's resident memory once loaded, before any request; its peak sampled every 2 s; at the end.",
    "",
    ...r.rows.flatMap((row) => notes(row, r.mix)),
  ].join("\n");
}

/** One row per store: answers by status, errors, wrong answers, throughput, p50 and p99, memory. */
export function soakTable(rows: readonly SoakRow[]): string {
  return markdownTable(HEADER, rows.map(cells));
}

const HEADER = [
  "store",
  "sent",
  "answered",
  "2xx",
  "4xx",
  "5xx",
  "errors / timeouts",
  "GraphQL errors",
  "wrong",
  "req/s",
  "p50 ms",
  "p99 ms",
  "RSS start",
  "RSS peak",
  "RSS end",
];

function cells(row: SoakRow): string[] {
  if (!row.outcome.ok) return [row.store, ...HEADER.slice(1).map(() => "—")];
  const { tally: t, rss } = row.outcome;
  const count = (n: number) => n.toLocaleString("en");
  const codes = Object.entries(t.graphqlErrors).map(([code, n]) => `${code} ${count(n)}`);
  return [
    row.store,
    count(t.sent),
    count(t.answered),
    count(t.status2xx),
    count(t.status4xx),
    count(t.status5xx),
    `${count(t.errors)} / ${count(t.timeouts)}`,
    codes.length > 0 ? codes.join(", ") : "0",
    count(t.wrong),
    t.requestsPerSec.toFixed(0),
    ms(t.p50),
    ms(t.p99),
    mb(rss.start),
    mb(rss.peak),
    mb(rss.end),
  ];
}

function notes(row: SoakRow, mix: readonly string[]): string[] {
  // A start failure's message spans lines (a stack trace): kept as a block of its own.
  if (!row.outcome.ok) return [`- **${row.store} FAILED**:`, "", "```text", row.outcome.error, "```", ""];
  const problems = soakProblems(row);
  const lines = problems.length > 0 ? [`- **${row.store} FAILED**: ${problems.join("; ")}`] : [];
  const t = row.outcome.tally;
  const answered = mix.map((name) => `${name} ${(t.answeredByRequest[name] ?? 0).toLocaleString("en")}`);
  const latency = mix.map((name) => {
    const figures = t.latencyByRequest[name];
    return figures ? `${name} ${ms(figures.p50)} / ${ms(figures.p99)}` : `${name} —`;
  });
  return [
    ...lines,
    `- ${row.store}, answers by request: ${answered.join(", ")}`,
    `- ${row.store}, p50 / p99 ms by request: ${latency.join(", ")}`,
    ...t.wrongSamples.map((sample) => `- ${row.store}, a wrong answer: \`${sample.replaceAll("`", "'")}\``),
  ];
}
