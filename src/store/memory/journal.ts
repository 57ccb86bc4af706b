import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { PreparedBatch } from "../../domain/batch";
import { DomainError } from "../../domain/errors";
import { highFromNullable, highOrNull } from "../../domain/interval";
import { WriterLock } from "./writer-lock";

/**
 * The embedded store's durability: every batch it acknowledges is first appended to this file as
 * one JSON line and flushed to the disk (fsync), then replayed over the seed at the next start. A
 * process killed while writing leaves at most a torn last line, which the replay reports and
 * skips: that batch was never acknowledged. Each line also holds the seq its batch's changes were
 * given, so that a replay can prove it gives them the same ones (see MemoryStore.replayJournal).
 */
export class Journal {
  /**
   * `lock`: the data folder's writer lock, held by the one process that appends (see
   * writer-lock.ts); none for a reader (an export), which replays but never writes, not even the
   * cut of a torn line that the writer may be appending right now.
   */
  constructor(
    readonly path: string,
    readonly lock: WriterLock | null = null,
  ) {}

  /** Opens the journal of the one writer: fails, naming the holder, when another process writes it. */
  static forWriter(path: string, writer: string): Journal {
    return new Journal(path, WriterLock.acquire(dirname(path), writer));
  }

  /**
   * `firstSeq`: the seq of the batch's first change (the next seq when it makes none). A reader's
   * journal writes nothing: what a reader records (the shipped reports an export fills in) lives
   * in its memory only, and the writer records the same when it starts.
   */
  append(batch: PreparedBatch, firstSeq: number): void {
    if (!this.lock) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, "a");
    try {
      const entry: JournalEntry = { ...batch, firstSeq };
      writeSync(fd, `${JSON.stringify(entry, keepInfinity)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The batches written, in order, and the torn last line if the file ended in one, which is cut
   * off so that the next append starts on a line of its own.
   */
  recover(): { batches: JournalEntry[]; tornTail: string | null } {
    if (!existsSync(this.path)) return { batches: [], tornTail: null };
    const text = readFileSync(this.path, "utf8");
    const lines = text.split("\n");
    // A complete file ends with a newline, so its last piece is empty.
    const last = lines.pop()!;
    const batches = lines.map((line, index) => ({
      ...parseLine(line, `${this.path}:${index + 1}`),
      line: index + 1,
    }));
    if (last !== "" && this.lock)
      truncateSync(this.path, Buffer.byteLength(text, "utf8") - Buffer.byteLength(last, "utf8"));
    return { batches, tornTail: last === "" ? null : last };
  }
}

/**
 * One acknowledged batch as the journal holds it. `firstSeq` is absent from lines written before
 * seqs were journaled; `line` is where it stands in the file, for messages.
 */
export type JournalEntry = PreparedBatch & { readonly firstSeq?: number; readonly line?: number };

function parseLine(line: string, where: string): JournalEntry {
  try {
    return withLaterRecords(JSON.parse(line, restoreInfinity) as JournalEntry);
  } catch {
    // Only the last line can be torn by a crash; one in the middle means the file was damaged.
    throw new DomainError("INTERNAL", `the journal is damaged at ${where}: not a JSON line`);
  }
}

/**
 * A line written before derivations could be recorded has none; its sources had no derivations
 * either. Every line then replays the same way.
 */
function withLaterRecords(entry: JournalEntry): JournalEntry {
  const { records } = entry;
  return {
    ...entry,
    records: {
      ...records,
      derivations: records.derivations ?? [],
      sources: records.sources.map((source) => ({ ...source, derivations: source.derivations ?? [] })),
    },
  };
}

/**
 * JSON has no Infinity: an amount's unbounded `high` is written as null and read back as
 * unbounded, by the domain's own conversions (domain/interval.ts). Lines written before, with the
 * string "Infinity", still read the same.
 */
function keepInfinity(key: string, value: unknown): unknown {
  return key === "high" && typeof value === "number" ? highOrNull({ high: value }) : value;
}

function restoreInfinity(key: string, value: unknown): unknown {
  if (key !== "high" || (value !== null && value !== "Infinity")) return value;
  return highFromNullable(null);
}
