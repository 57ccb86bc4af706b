import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { DomainError } from "../../domain/errors";

/**
 * One writer per data folder: the embedded store's journal numbers the change feed by the order of
 * its lines, so a second process appending to it (an import while the server runs) would give two
 * batches one seq. The writer holds `writer.lock` there for as long as it runs; the file names it
 * (pid, host, url once it serves, start time). A lock left by a process that is gone (SIGKILL, a
 * crash) is stale and taken over.
 */

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly startedAt: string;
  readonly url: string | null;
}

const LOCK_FILE = "writer.lock";

export class WriterLock {
  private constructor(
    private readonly path: string,
    private holder: Holder,
  ) {}

  /** Takes the folder's lock, or fails naming the process that holds it. */
  static acquire(dir: string, command: string): WriterLock {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, LOCK_FILE);
    const holder: Holder = {
      pid: process.pid,
      host: hostname(),
      command,
      startedAt: new Date().toISOString(),
      url: null,
    };
    // Twice at most: the second try follows the removal of a stale lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (createWith(path, holder)) return new WriterLock(path, holder);
      const current = readHolder(path);
      if (current && isAlive(current)) throw new DomainError("INTERNAL", heldMessage(dir, current));
      removeIfUnchanged(path, current);
    }
    throw new DomainError("INTERNAL", `${dir}: cannot take the writer lock ${path}; another process keeps taking it`);
  }

  /** Adds the url the holder serves at, so that a refused writer can be told where to send its batch. */
  servingAt(url: string): void {
    this.holder = { ...this.holder, url };
    // Replaced in one step, so that a process reading it never sees half a file.
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.holder));
    renameSync(temporary, this.path);
  }

  release(): void {
    if (readHolder(this.path)?.pid === this.holder.pid) unlinkSync(this.path);
  }
}

/**
 * Creates the lock file with its content in one step (a link of a finished temporary file), so
 * that no other process ever reads a half-written lock and takes it for a stale one.
 */
function createWith(path: string, holder: Holder): boolean {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(holder));
  try {
    linkSync(temporary, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    unlinkSync(temporary);
  }
}

function readHolder(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Holder;
  } catch {
    return null;
  }
}

/** Whether the holding process still runs (on another host it cannot be checked: it counts as running). */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes a stale lock unless another process replaced it meanwhile. */
function removeIfUnchanged(path: string, stale: Holder | null): void {
  const now = readHolder(path);
  if (JSON.stringify(now) !== JSON.stringify(stale)) return;
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

function heldMessage(dir: string, holder: Holder): string {
  const where = holder.url ? `serving at ${holder.url}` : "not serving yet";
  return (
    `${dir} is held by another writer: ${holder.command} (pid ${holder.pid}, ${where}, since ${holder.startedAt}). ` +
    "One process writes a data folder at a time, or seqs would be given twice: stop it first, or send the batch to the running server through its API (recordBatch)"
  );
}
