/**
 * `npm run bench -- soak` (`--quick`: 10 s per store): this project's server, in its own process as
 * in the comparison, on the embedded store and then on a private Neo4j, each holding the same
 * generated graph, under a long mixed load (soak-mix.ts) at 50 connections. It counts answers by
 * HTTP status, GraphQL errors by code and wrong answers, and reads the server's memory before,
 * during and after. Like the rest of the benchmark it asserts no time: the run fails only on a 4xx,
 * a 5xx, a connection error, a GraphQL error or a wrong answer (a timeout is reported, not failed).
 */
import { generateDataset } from "../seed/generator";
import type { Dataset } from "../src/domain/dataset";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { describeEnvironment } from "./environment";
import { loadIntoNeo4j } from "./neo4j-load";
import type { SoakOptions } from "./options";
import type { ServerSettings } from "./peer-server";
import { startPrivateNeo4j } from "./private-neo4j";
import { writeResults } from "./results-file";
import { type ServerProcess, startServerProcess } from "./server-process";
import type { ServerName } from "./serve";
import { type Reference, soakLoad, type SoakTally } from "./soak-load";
import { type SoakRequest, soakMix } from "./soak-mix";
import { renderSoakReport, type RssReadings, type SoakRow, soakProblems } from "./soak-report";
import { companies } from "./table";

const RSS_EVERY_MS = 2_000;

interface Soak {
  readonly options: SoakOptions;
  readonly mix: readonly SoakRequest[];
  /** The memory store's checked answers, which the Neo4j store must give too. */
  readonly against: readonly Reference[] | null;
}

interface StoreSoak {
  readonly row: SoakRow;
  readonly references: readonly Reference[] | null;
}

export async function runSoak(options: SoakOptions): Promise<number> {
  const started = Date.now();
  const environment = describeEnvironment([options.companies], options.seed);
  console.log(environment);
  const { rows, mix } = await soakStores(options);
  const report = renderSoakReport({
    options,
    environment,
    rows,
    mix,
    seconds: (Date.now() - started) / 1000,
  });
  await writeResults(options.resultsFile, report);
  return soakFailed(rows) ? 1 : 0;
}

/** Each store's row (memory, then Neo4j), and the names of the requests in the mix. */
export async function soakStores(options: SoakOptions): Promise<{ rows: SoakRow[]; mix: string[] }> {
  const dataset = generateDataset({ seed: options.seed, companies: options.companies });
  const mix = soakMix(dataset);
  const settings: ServerSettings = { seed: options.seed, companies: options.companies, neo4j: null, apoc: false };
  const memory = await soakStore("memory", "project-memory", settings, { options, mix, against: null });
  const neo4j = await soakNeo4j(dataset, settings, { options, mix, against: memory.references });
  return { rows: [memory.row, neo4j.row], mix: mix.map((r) => r.name) };
}

/** Whether a store failed the soak (see soakProblems), said on stderr. */
export function soakFailed(rows: readonly SoakRow[]): boolean {
  const failed = rows.filter((row) => soakProblems(row).length > 0);
  if (failed.length > 0) console.error(`\nThe soak failed on ${failed.map((r) => r.store).join(" and ")}; see above.`);
  return failed.length > 0;
}

/** The same graph loaded into a private Neo4j (as `npm run seed` loads it), then the soak on it. */
async function soakNeo4j(dataset: Dataset, settings: ServerSettings, soak: Soak): Promise<StoreSoak> {
  let neo4j: Awaited<ReturnType<typeof startPrivateNeo4j>> | undefined;
  try {
    neo4j = await startPrivateNeo4j([]);
    const store = await Neo4jStore.connect(neo4j.config);
    try {
      const loaded = await loadIntoNeo4j(store, dataset);
      console.log(`[neo4j] loaded ${companies(dataset.companies.length)} companies in ${loaded.totalMs.toFixed(0)} ms`);
    } finally {
      await store.close();
    }
    return await soakStore("Neo4j", "project-neo4j", { ...settings, neo4j: neo4j.config }, soak);
  } catch (err) {
    return failedStore("Neo4j", err);
  } finally {
    await neo4j?.stop();
  }
}

async function soakStore(store: string, name: ServerName, settings: ServerSettings, soak: Soak): Promise<StoreSoak> {
  const { connections, durationSeconds } = soak.options;
  console.log(`\n== ${store}: ${connections} connections for ${durationSeconds} s ==`);
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(name, settings);
    const start = await server.rss();
    const references = await referenceAnswers(server.url, soak.mix, soak.against);
    const { tally, peak } = await sampleRss(server, soakLoad(server.url, references, soak.options));
    const end = await server.rss();
    const rss: RssReadings = { start, peak: Math.max(start, peak, end), end };
    const row: SoakRow = { store, outcome: { ok: true, tally, rss } };
    const problems = soakProblems(row);
    console.log(`  ${summary(tally)}${problems.length > 0 ? `; FAILED: ${problems.join("; ")}` : ""}`);
    console.log(`  p50 / p99 ms by request: ${byRequest(tally)}`);
    return { row, references };
  } catch (err) {
    return failedStore(store, err);
  } finally {
    await server?.stop();
  }
}

function failedStore(store: string, err: unknown): StoreSoak {
  const error = err instanceof Error ? err.message : String(err);
  console.log(`  ${store} FAILED: ${error}`);
  return { row: { store, outcome: { ok: false, error } }, references: null };
}

/**
 * Each request once, before the load: its answer must have no errors and pass its check against the
 * dataset, and on Neo4j be the memory store's answer to the character. It becomes the reference.
 */
async function referenceAnswers(
  url: string,
  mix: readonly SoakRequest[],
  against: readonly Reference[] | null,
): Promise<Reference[]> {
  const references: Reference[] = [];
  for (const request of mix) {
    const answer = await checkedAnswer(url, request, against?.find((r) => r.name === request.name)?.answer ?? null);
    references.push({ name: request.name, body: request.body, answer });
  }
  return references;
}

async function checkedAnswer(url: string, request: SoakRequest, memoryAnswer: string | null): Promise<string> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: request.body });
  const answer = await res.text();
  const fail = (why: string) => new Error(`${request.name}: ${why}: ${answer.slice(0, 300)}`);
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    throw fail(`HTTP ${res.status}, not JSON`);
  }
  if (res.status !== 200 || parsed.errors !== undefined) throw fail(`HTTP ${res.status}`);
  const problem = request.check(parsed.data);
  if (problem) throw fail(problem);
  if (memoryAnswer !== null && memoryAnswer !== answer) {
    throw fail(`differs from the memory store's answer ${differenceAt(memoryAnswer, answer)}`);
  }
  return answer;
}

function differenceAt(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i} (memory: ${JSON.stringify(a.slice(i, i + 80))}, here: ${JSON.stringify(b.slice(i, i + 80))})`;
}

/** The server's highest RSS while `load` runs, read every RSS_EVERY_MS (a reading that fails is skipped). */
async function sampleRss(server: ServerProcess, load: Promise<SoakTally>): Promise<{ tally: SoakTally; peak: number }> {
  let done = false;
  const finished = load.finally(() => (done = true));
  let peak = 0;
  while (!done) {
    await Promise.race([finished.catch(() => {}), new Promise((resolve) => setTimeout(resolve, RSS_EVERY_MS))]);
    if (!done) peak = Math.max(peak, await server.rss().catch(() => 0));
  }
  return { tally: await finished, peak };
}

function byRequest(t: SoakTally): string {
  return Object.entries(t.latencyByRequest)
    .map(([name, figures]) => `${name} ${figures.p50.toFixed(0)} / ${figures.p99.toFixed(0)}`)
    .join(", ");
}

function summary(t: SoakTally): string {
  const codes = Object.entries(t.graphqlErrors).map(([code, n]) => `${code} ${n}`);
  return (
    `${t.answered} answered of ${t.sent} sent, ${t.requestsPerSec.toFixed(0)} req/s, p50 ${t.p50} ms, p99 ${t.p99} ms; ` +
    `2xx ${t.status2xx}, 4xx ${t.status4xx}, 5xx ${t.status5xx}, errors ${t.errors}, timeouts ${t.timeouts}, ` +
    `GraphQL errors ${codes.length > 0 ? codes.join(", ") : 0}, wrong ${t.wrong}`
  );
}
