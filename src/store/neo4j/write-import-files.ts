import os from "node:os";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { Piscina } from "piscina";
import type { Dataset } from "../../domain/dataset";
import { DomainError, type ErrorCode } from "../../domain/errors";
import { type ImportFiles, mergePartFiles, type PartFiles } from "./import-files";
import type { PartOutcome, PartTask } from "./import-files-worker";

/**
 * Writes the import files of the dataset's parts into `folder` (which must exist), one part per
 * thread at once: turning records into CSV is most of a bulk load's own work, and it is the same
 * for every part, so it spreads over every processor while the parts keep coming (generated, or
 * read from files, on this thread). At most two parts per thread are on their way at a time, so a
 * million companies are never held at once.
 */
export async function writeImportFiles(
  parts: Iterable<Dataset>,
  folder: string,
  threads = os.availableParallelism(),
): Promise<ImportFiles> {
  const pool = new Piscina<PartTask, PartOutcome>({
    filename: new URL("./import-files-worker.ts", import.meta.url).href,
    // The worker is TypeScript, like every entry point here; tsx compiles it in the thread too.
    execArgv: ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href],
    minThreads: 1,
    maxThreads: Math.max(1, threads),
  });
  const written: Promise<PartFiles>[] = [];
  const pending = new Set<Promise<unknown>>();
  try {
    let index = 0;
    for (const part of parts) {
      while (pending.size >= 2 * pool.maxThreads) await Promise.race(pending);
      const task = pool.run({ part, folder, index: index++ }).then(accepted);
      const settled: Promise<void> = task.then(
        () => void pending.delete(settled),
        () => void pending.delete(settled),
      );
      pending.add(settled);
      written.push(task);
    }
    return mergePartFiles(await Promise.all(written));
  } finally {
    // Every part is waited for, failed or not, before the pool goes: no thread writes into a folder being removed.
    await Promise.allSettled(written);
    await pool.destroy();
  }
}

function accepted(outcome: PartOutcome): PartFiles {
  if ("written" in outcome) return outcome.written;
  throw new DomainError(outcome.refused.code as ErrorCode, outcome.refused.message);
}
