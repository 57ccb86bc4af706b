/**
 * The reads that matter at scale, on the database a bulk import filled: the nested read on the
 * servers over Neo4j (this project, the Neo4j GraphQL Library, and the Cypher floor; the servers
 * over plain objects would have to hold the whole graph), the hubs, and competitiveRiskPaths at the
 * most connected suppliers with how much of their customers each search covered.
 */
import { performance } from "node:perf_hooks";
import { competitiveRiskPaths } from "../src/analytics";
import type { Dataset } from "../src/domain/dataset";
import type { RiskSearchCoverage } from "../src/analytics/risk-paths/risk-path";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import type { Neo4jConfig } from "../src/store/neo4j/neo4j-config";
import { startLocalNeo4j } from "../neo4j/launcher";
import { comparePeers, summary } from "./compare-peers";
import type { MeasuredRows } from "./memory";
import type { LoadSettings } from "./options";
import { PEERS } from "./peers";
import { ms } from "./table";
import { expectedNestedIds, type NestedReadGraph } from "./workloads";

/** Hubs asked for, and how many of them (the biggest suppliers) competitiveRiskPaths is run at. */
const HUBS = 10;
const RISK_SUPPLIERS = 3;
const RISK_DEPTH = 4;

/**
 * What the nested read's check needs of a graph that streams past and is never held: the company
 * ids and the ends of the purchases.
 */
export class NestedReadSample implements NestedReadGraph {
  readonly companies: { readonly id: string }[] = [];
  readonly relationships: NestedReadGraph["relationships"][number][] = [];

  /** The parts, unchanged, noting what the check needs as they pass. */
  *tap(parts: Iterable<Dataset>): Generator<Dataset> {
    for (const part of parts) {
      for (const company of part.companies) this.companies.push({ id: company.id });
      for (const r of part.relationships) {
        if (r.kind === "BUYS_FROM") this.relationships.push({ id: r.id, kind: r.kind, from: r.from, to: r.to });
      }
      yield part;
    }
  }
}

export interface ScaleReads {
  readonly rows: MeasuredRows;
  /** A server that did not start or answered wrongly. */
  readonly failed: boolean;
}

/** Starts the bundled server on `dataDir` (stopped) and measures the reads on it; stops it again. */
export async function readsAtScale(
  dataDir: string,
  graph: NestedReadGraph,
  settings: { readonly seed: number; readonly companies: number; readonly load: LoadSettings },
  at: string,
): Promise<ScaleReads> {
  const server = await startLocalNeo4j({ dataDir, port: 0 });
  try {
    const neo4j: Neo4jConfig = { uri: server.uri, user: "neo4j", password: null, database: null };
    const peers = PEERS.filter((peer) => peer.backend === "Neo4j");
    const results = await comparePeers(
      { seed: settings.seed, companies: settings.companies, neo4j, apoc: false },
      expectedNestedIds(graph),
      settings.load,
      peers,
    );
    const rows: MeasuredRows = results.map((result) => [
      `${at}: nested read, ${result.peer.label}`,
      result.outcome.ok ? summary(result.outcome.measured) : `FAILED: ${result.outcome.error}`,
    ]);
    const store = await Neo4jStore.connect(neo4j);
    try {
      rows.push(...(await hubsAndRiskPaths(store, at)));
    } finally {
      await store.close();
    }
    return { rows, failed: results.some((result) => !result.outcome.ok) };
  } finally {
    await server.stop();
  }
}

/** `hubs` (the API's mostConnected), then competitiveRiskPaths at the first hubs, each run twice (cold, warm). */
async function hubsAndRiskPaths(store: Neo4jStore, at: string): Promise<MeasuredRows> {
  const hubs = await twice(() => store.mostConnected(["Company"], HUBS));
  const top = hubs.answer.map((hub) => `${hub.node.id} (${hub.relationships})`).join(", ");
  const rows: MeasuredRows = [[`${at}: hubs, ${HUBS} companies`, `${hubs.timing}; ${top}`]];
  for (const hub of hubs.answer.slice(0, RISK_SUPPLIERS)) {
    const run = await twice(() =>
      competitiveRiskPaths(store, { companyId: hub.node.id, maxDepth: RISK_DEPTH, first: 10 }),
    );
    rows.push([
      `${at}: competitiveRiskPaths depth ${RISK_DEPTH}, ${hub.node.id}`,
      `${run.timing}; ${run.answer.totalCount} paths; ${describeCoverage(run.answer.coverage)}`,
    ]);
  }
  return rows;
}

async function twice<T>(work: () => Promise<T>): Promise<{ answer: T; timing: string }> {
  const cold = performance.now();
  await work();
  const warm = performance.now();
  const answer = await work();
  const done = performance.now();
  return { answer, timing: `${ms(warm - cold)} ms cold, ${ms(done - warm)} ms warm` };
}

function describeCoverage(coverage: RiskSearchCoverage): string {
  const revenue = coverage.revenueExplored;
  const range =
    revenue === null
      ? null
      : revenue.low === revenue.high
        ? percent(revenue.low)
        : `${percent(revenue.low)} to ${percent(revenue.high)}`;
  const share = range === null ? "revenue share unknown" : `${range} of the revenue`;
  const customers = `${coverage.customersExplored.toLocaleString("en")} of ${coverage.customersTotal.toLocaleString("en")} customers`;
  // The reason's first sentence says what was left out; the rest explains the revenue share, given here.
  const reason = coverage.reason?.split(": ")[0];
  return `coverage ${customers}, ${share}${reason ? ` (${reason})` : ""}`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}
