/** What the embedded store holding a generated graph costs in memory, measured in this process. */
import v8 from "node:v8";
import vm from "node:vm";
import { generateDataset } from "../seed/generator";
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
