/**
 * A whole-graph export in a process of its own, so that its resident memory is the export's and
 * the store's alone: loads a generated graph into the embedded store, then writes the whole graph
 * as GraphML to a file, sampling RSS as it goes, and reports to its parent.
 */
import "../src/server/runtime-env";
import { createWriteStream, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkWholeGraph, writeWholeGraph } from "../src/analytics/exports/whole-graph";
import { graphmlWriter } from "../src/analytics/graph-export";
import { writableSink } from "../src/server/writable-sink";
import { MemoryStore } from "../src/store/memory/memory-store";
import { generateDataset } from "../seed/generator";

export const EXPORT_CHILD_ENTRY = fileURLToPath(import.meta.url);

export interface ExportSettings {
  readonly seed: number;
  readonly companies: number;
  readonly file: string;
}

export interface ExportMeasure {
  readonly elements: number;
  readonly rssBefore: number;
  readonly peakRss: number;
  readonly ms: number;
  readonly bytes: number;
}

const SAMPLE_MS = 10;

async function measure(settings: ExportSettings): Promise<ExportMeasure> {
  const store = new MemoryStore();
  await store.load(generateDataset({ seed: settings.seed, companies: settings.companies }));
  const counts = await store.counts();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), SAMPLE_MS);
  const started = performance.now();
  const file = createWriteStream(settings.file);
  await writeWholeGraph(store, checkWholeGraph({}), graphmlWriter(), writableSink(file));
  await new Promise<void>((done, failed) => file.once("error", failed).end(() => done()));
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    elements: counts.companies + counts.products + counts.people + counts.relationships,
    rssBefore,
    peakRss,
    ms,
    bytes: statSync(settings.file).size,
  };
}

if (process.argv[1] === EXPORT_CHILD_ENTRY && process.send) {
  const settings = JSON.parse(process.argv[2]!) as ExportSettings;
  measure(settings).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send!({ ok: false, message: String(err) }, () => process.exit(1)),
  );
}
