import { loadSeed, shippedBatches } from "../../seed/loader";
import { DomainError } from "../domain/errors";
import type { MemoryStore } from "../store/memory/memory-store";
import { recordBatch } from "../store/record-batch";
import type { Config } from "./config";
import { documentFolder } from "./held-texts";
import type { Logger } from "./logger";

/**
 * The embedded store as `npm start` serves it: the article's dataset, every batch its journal
 * acknowledged, then the shipped reports recorded through the write path (once: their key is
 * the hash of their files, so a journal that holds them already records nothing more).
 */
export async function fillEmbeddedStore(
  store: MemoryStore,
  config: Pick<Config, "journalPath" | "documentsDir">,
  logger: Logger,
): Promise<void> {
  const report = await store.load(loadSeed());
  logger.info({ ...report }, "embedded store loaded from the seed");
  const replayed = store.replayJournal();
  logger.info({ batches: replayed.batches, journal: config.journalPath }, "recorded batches replayed");
  if (replayed.tornTail !== null)
    logger.warn(
      { journal: config.journalPath, bytes: replayed.tornTail.length },
      "the journal ends in a torn line (a write cut short, never acknowledged); skipped",
    );
  for (const batch of shippedBatches()) {
    try {
      const receipt = await recordBatch(store, batch, documentFolder(config.documentsDir));
      logger.info({ key: receipt.key, claims: receipt.claimIds.length }, "shipped dataset recorded");
    } catch (err) {
      // Files changed after an earlier version was recorded: serve what the journal holds.
      if (!(err instanceof DomainError) || err.code !== "BAD_USER_INPUT") throw err;
      logger.warn(
        { key: batch.key, reason: err.message },
        "a shipped dataset could not be recorded; serving without it",
      );
    }
  }
}
