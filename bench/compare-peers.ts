/**
 * The nested read on every peer for one graph size: start the server in its own process, check that
 * its answer has exactly the expected ids in the expected order, then time it one request at a time
 * and under concurrent load, and read its memory. A peer that fails to start or answers wrongly is
 * reported, not timed, and makes the run fail.
 */
import { sequentialLatency, postJson, type Throughput, throughputUnderLoad } from "./load-generator";
import type { LoadSettings } from "./options";
import type { ServerSettings } from "./peer-server";
import { type Peer, PEERS } from "./peers";
import { type ServerProcess, startServerProcess } from "./server-process";
import type { Stats } from "./stats";
import { type NestedIds, nestedIdsText } from "./workloads";

export interface PeerMeasurement {
  readonly throughput: Throughput;
  readonly sequential: Stats;
  /** Resident memory of the server's process after the load. */
  readonly rss: number;
  readonly note: string | null;
}

export interface PeerResult {
  readonly size: number;
  readonly peer: Peer;
  readonly outcome:
    { readonly ok: true; readonly measured: PeerMeasurement } | { readonly ok: false; readonly error: string };
}

/** Every peer by default; `peers` picks some (those over Neo4j alone, when the graph is too big to hold). */
export async function comparePeers(
  settings: ServerSettings,
  expected: readonly NestedIds[],
  load: LoadSettings,
  peers: readonly Peer[] = PEERS,
): Promise<PeerResult[]> {
  const results: PeerResult[] = [];
  for (const peer of peers) {
    process.stdout.write(`  ${peer.label}: `);
    const outcome = await measurePeer(peer, settings, nestedIdsText(expected), load).then(
      (measured) => ({ ok: true as const, measured }),
      (err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }),
    );
    console.log(outcome.ok ? summary(outcome.measured) : `FAILED: ${outcome.error}`);
    results.push({ size: settings.companies, peer, outcome });
  }
  return results;
}

async function measurePeer(
  peer: Peer,
  settings: ServerSettings,
  expectedIds: string,
  load: LoadSettings,
): Promise<PeerMeasurement> {
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(peer.server, settings);
    await checkAnswer(peer, server.url, expectedIds);
    const sequential = await sequentialLatency(server.url, peer.body, load);
    const throughput = await throughputUnderLoad(server.url, peer.body, load);
    if (throughput.failures > 0) {
      throw new Error(`${throughput.failures} of ${throughput.requests} requests failed under load`);
    }
    return { throughput, sequential, rss: await server.rss(), note: server.note ?? null };
  } finally {
    await server?.stop();
  }
}

/** Throws, naming the first company whose ids differ, unless the answer is exactly the expected one. */
async function checkAnswer(peer: Peer, url: string, expectedIds: string): Promise<void> {
  const answered = nestedIdsText(peer.idsOf(await postJson(url, peer.body)));
  if (answered === expectedIds) return;
  const got = answered.split("\n");
  const want = expectedIds.split("\n");
  const differs = want.findIndex((line, i) => got[i] !== line);
  const at = differs < 0 ? want.length : differs;
  throw new Error(
    `wrong answer (ids by company, line ${at + 1} of ${want.length}): expected ${want[at] ?? "nothing"}, got ${got[at] ?? "nothing"}`,
  );
}

export function summary(m: PeerMeasurement): string {
  const t = m.throughput;
  return (
    `${t.requestsPerSec.toFixed(1)} req/s (p50 ${t.p50} ms, p99 ${t.p99} ms), ` +
    `sequential median ${m.sequential.median.toFixed(1)} ms` +
    (t.timeouts > 0 ? `, ${t.timeouts} timeouts` : "") +
    (m.note ? ` [${m.note}]` : "")
  );
}
