/** The results of a run as one Markdown document: printed at the end, and written to bench/results/. */
import type { PeerResult } from "./compare-peers";
import type { MeasuredRows } from "./memory";
import type { BenchOptions, SoakOptions } from "./options";
import { type SoakRow, soakTable } from "./soak-report";
import type { TimingRow } from "./store-workloads";
import { companies, markdownTable, mb, ms } from "./table";
import { NESTED_READ, PAGE } from "./workloads";

export interface BenchResults {
  readonly options: BenchOptions;
  /** Where and when it ran: Node, CPUs, load average. */
  readonly environment: string;
  readonly peers: readonly PeerResult[];
  readonly timings: readonly TimingRow[];
  readonly loadAndMemory: MeasuredRows;
  /** Rows `companies, workload, statements, db hits, rows`. */
  readonly plans: readonly string[][];
  /** This project's server on each store under the soak's mixed load. */
  readonly soak: { readonly options: SoakOptions; readonly rows: readonly SoakRow[]; readonly mix: readonly string[] };
  readonly seconds: number;
}

export function renderReport(r: BenchResults): string {
  return [
    `# Benchmark: ${r.options.quick ? "quick run (times not comparable)" : "full run"}`,
    "",
    `${r.environment}. Finished in ${r.seconds.toFixed(0)} s.`,
    "",
    `## ${NESTED_READ}: this project and its peers`,
    "",
    peerTable(r.peers),
    "",
    ...peerNotes(r),
    "",
    "## In-process timings",
    "",
    timingTable(r.timings),
    "",
    "median and p95 in ms; each ratio is median / median of the named baseline, measured in this run. " +
      "flowPaths: money paths between customer>supplier pairs several hops apart (walk = level by level " +
      "through the store port, pushdown = one Cypher statement). riskPaths: competitiveRiskPaths, maxDepth 4.",
    "",
    "## Neo4j work per request (PROFILE)",
    "",
    markdownTable(["companies", "workload", "statements", "db hits", "rows returned"], r.plans),
    "",
    "Every statement a workload sends, run once more under PROFILE; db hits are Neo4j's count of storage " +
      "accesses, which unlike times does not depend on the machine or its load.",
    "",
    `## Soak: ${companies(r.soak.options.companies)} companies, ${r.soak.options.connections} connections for ${r.soak.options.durationSeconds} s`,
    "",
    soakTable(r.soak.rows),
    "",
    `This project's server in its own process on each store, every connection sending the mix back to back: ${r.soak.mix.join(", ")}. ` +
      "p50 / p99 over every answer; wrong: an answer that differs from the reference checked against the dataset " +
      "(on Neo4j, the memory store's answer). `npm run bench -- soak` runs it alone and lists its answers by request.",
    "",
    "## Load and memory",
    "",
    markdownTable(["measured", "value"], r.loadAndMemory),
    "",
  ].join("\n");
}

function peerTable(results: readonly PeerResult[]): string {
  const header = ["companies", "server", "backend", "req/s", "p50 ms", "p99 ms", "seq. median ms", "seq. p95 ms"];
  const rows = results.map((r) => {
    const start = [companies(r.size), r.peer.label, r.peer.backend];
    if (!r.outcome.ok) return [...start, "FAILED", "—", "—", "—", "—", "—", "—"];
    const { throughput: t, sequential: s, rss } = r.outcome.measured;
    const figures = [perSecond(t.requestsPerSec), ms(t.p50), ms(t.p99), ms(s.median), ms(s.p95)];
    return [...start, ...figures, versusFloor(r, results), mb(rss)];
  });
  return markdownTable([...header, "req/s vs floor", "server RSS"], rows);
}

function perSecond(rate: number): string {
  return rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
}

/** Throughput as a share of the floor's for the same backend and size. */
function versusFloor(r: PeerResult, results: readonly PeerResult[]): string {
  if (r.peer.floor === null) return "floor";
  const floor = results.find((f) => f.size === r.size && f.peer.server === r.peer.floor);
  if (!floor?.outcome.ok || !r.outcome.ok) return "—";
  return `${(r.outcome.measured.throughput.requestsPerSec / floor.outcome.measured.throughput.requestsPerSec).toFixed(2)}x`;
}

function peerNotes(r: BenchResults): string[] {
  const load = r.options.load;
  const notes = [
    `- The nested read: a page of ${PAGE} companies, the first 10 customers of each with spend, the first 10 suppliers of each customer (ids, names, spend), lists ordered by relationship id. Before any timing, every server's answer is reduced to its ids in order and must equal the answer computed from the dataset.`,
    `- req/s, p50, p99: autocannon, ${load.connections} connections for ${load.durationSeconds} s. seq.: ${load.sequentialRequests} requests one after the other, after ${load.warmupRequests} untimed ones.`,
    "- Each server runs in its own Node process (started with tsx, NODE_ENV=production); the load generator runs in the benchmark's process. All share the machine with Neo4j.",
    "- Floors: for Neo4j, one hand-written Cypher statement behind node:http; for memory, graphql-http over plain objects with plain resolvers. req/s vs floor = req/s / the floor's req/s (same backend, same size). server RSS: the server's process after the load.",
    "- Neo4j GraphQL Library: the same nodes and relationships described with `@node` and `@relationship(properties:)`; connections sorted by `edge: { id: ASC }`, so its lists have our order. Served by Apollo Server on Express like this project.",
  ];
  const said = new Set<string>();
  for (const p of r.peers) {
    const note = p.outcome.ok ? p.outcome.measured.note : null;
    if (note && !said.has(`${p.peer.label}: ${note}`)) said.add(`${p.peer.label}: ${note}`);
  }
  for (const note of said) notes.push(`- ${note}.`);
  for (const p of r.peers) {
    const timeouts = p.outcome.ok ? p.outcome.measured.throughput.timeouts : 0;
    if (timeouts > 0)
      notes.push(`- ${companies(p.size)} companies, ${p.peer.label}: ${timeouts} requests timed out under load.`);
  }
  for (const p of r.peers) {
    if (p.outcome.ok) continue;
    notes.push(`- FAILED at ${companies(p.size)} companies, ${p.peer.label}: ${firstLine(p.outcome.error)}`);
  }
  return notes;
}

function timingTable(rows: readonly TimingRow[]): string {
  return markdownTable(
    ["companies", "workload", "variant", "median", "p95", "runs", "vs baseline"],
    rows.map((r) => [
      companies(r.size),
      r.workload,
      r.variant,
      ms(r.stats.median),
      ms(r.stats.p95),
      String(r.stats.runs),
      r.versus,
    ]),
  );
}

/** An error's first line (a failed start carries the child's stack trace, printed in full during the run). */
function firstLine(text: string): string {
  return text.split("\n")[0]!.slice(0, 300);
}
