/** What the embedded store holding a generated graph costs in memory, measured in this process. */
import v8 from "node:v8";
import vm from "node:vm";
import { performance } from "node:perf_hooks";
import { generateDataset, generateParts } from "../seed/generator";
import { MemoryStore } from "../src/store/memory/memory-store";
import { timed } from "./stats";
import { companies, mb, ms } from "./table";

/** [measured, value] rows. */
export type MeasuredRows = [string, string][];

const gc: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
})();

function settledMemory(): NodeJS.MemoryUsage {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
}

/** Run it before anything else fills the heap; the store is released when this returns. */
export async function memoryFootprint(seed: number, size: number): Promise<MeasuredRows> {
  const before = settledMemory();
  const store = new MemoryStore();
  const generatedAndLoaded = await timed(() => store.load(generateDataset({ seed, companies: size })));
  const after = settledMemory();
  const counts = await store.counts();
  const at = `${companies(size)} companies`;
  return [
    [`${at}: memory store, heap used by the loaded graph`, mb(after.heapUsed - before.heapUsed)],
    [`${at}: memory store, RSS growth / RSS total`, `${mb(after.rss - before.rss)} / ${mb(after.rss)}`],
    [
      `${at}: memory store, generate + load`,
      `${ms(generatedAndLoaded)} ms (${counts.relationships} relationships, ${counts.evidence} evidence)`,
    ],
  ];
}

/** Of the heap's limit, what a loaded store may fill before the next part is not tried. */
const HEAP_FILL_LIMIT = 0.8;

/**
 * The embedded store filled a generated part at a time (the graph is never held twice), up to
 * `size` companies or until the store fills HEAP_FILL_LIMIT of the heap (node's
 * --max-old-space-size): its load time and resident memory, or the size at which it stopped.
 */
export async function memoryStoreAtScale(seed: number, size: number): Promise<MeasuredRows> {
  const before = settledMemory();
  const heapLimit = v8.getHeapStatistics().heap_size_limit;
  const store = new MemoryStore();
  let loaded = 0;
  let loadMs = 0;
  let full = false;
  const started = performance.now();
  for (const part of generateParts({ seed, companies: size })) {
    loadMs += await timed(() => store.load(part));
    loaded += part.companies.length;
    if (process.memoryUsage().heapUsed > HEAP_FILL_LIMIT * heapLimit) {
      full = true;
      break;
    }
  }
  const wholeMs = performance.now() - started;
  const after = settledMemory();
  const counts = await store.counts();
  const at = `${companies(size)} companies`;
  const held = `${companies(loaded)} companies (${counts.relationships.toLocaleString("en")} relationships, ${counts.claims.toLocaleString("en")} claims)`;
  return [
    [
      `${at}: memory store, what fits`,
      full
        ? `stopped at ${held}: the store filled ${(HEAP_FILL_LIMIT * 100).toFixed(0)}% of a ${mb(heapLimit)} heap`
        : `all of it, ${held}, in a ${mb(heapLimit)} heap`,
    ],
    [`${at}: memory store, heap used / RSS total`, `${mb(after.heapUsed - before.heapUsed)} / ${mb(after.rss)}`],
    [`${at}: memory store, load`, `${ms(loadMs)} ms loading (${ms(wholeMs)} ms with generating the parts)`],
  ];
}
