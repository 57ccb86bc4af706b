/**
 * Vitest globalSetup of the tiers that reach a database: one real Neo4j for the whole run, and the
 * helpers test files use to reach it.
 *
 * - NEO4J_URI set: that server is used, but only with NEO4J_TEST_ALLOW_CLEAR=1, because the tests
 *   clear the database (see neo4j/scratch.ts, shared with the benchmark).
 * - otherwise, with Java >= 17 and Maven: a private server on a free port and a temporary data folder,
 *   stopped and removed at the end.
 * - otherwise: in CI the run fails (the Neo4j tier is mandatory there); locally a loud warning is
 *   printed and Neo4j test files skip themselves (`describe.skipIf(!neo4jTestUri())`).
 *
 * Every test file that uses the shared server holds a file lock from its first to its last hook, so
 * files that clear and load the database never interleave even though vitest runs files in parallel.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import type { TestProject } from "vitest/node";
import type { Neo4jConfig } from "../../src/store/neo4j/neo4j-config";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection settings of the Neo4j the tests may clear, or null when Neo4j tests must skip. */
    neo4jConfig: Neo4jConfig | null;
    /** Folder for the lock that serializes test files using the shared server. */
    neo4jLockDir: string | null;
  }
}

const LOCK_WAIT_MS = 20 * 60_000;

/** What one run's projects share: the server (or null when Neo4j tests skip) and the lock folder. */
interface SharedNeo4j {
  config: Neo4jConfig | null;
  lockDir: string | null;
  stop: () => Promise<void>;
}

/**
 * Every project that lists this setup (conformance, e2e) calls it; the first starts the server and
 * the others reuse it, so a whole run starts one Neo4j, and its test files share one lock. Kept on
 * globalThis because each project loads this file through its own module runner; the last teardown
 * stops the server.
 */
const SHARED = Symbol.for("company-graph.test-neo4j");
type SharedSlot = { users: number; neo4j: Promise<SharedNeo4j> };
const registry = globalThis as typeof globalThis & { [SHARED]?: SharedSlot };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const slot = (registry[SHARED] ??= { users: 0, neo4j: startShared() });
  slot.users++;
  const shared = await slot.neo4j;
  project.provide("neo4jConfig", shared.config);
  project.provide("neo4jLockDir", shared.lockDir);
  return async () => {
    if (--slot.users > 0) return;
    delete registry[SHARED];
    await shared.stop();
  };
}

async function startShared(): Promise<SharedNeo4j> {
  // Imported here so that test files importing this module do not load the launcher.
  const { Neo4jToolchainMissingError, startScratchNeo4j } = await import("../../neo4j/scratch");
  let server: Awaited<ReturnType<typeof startScratchNeo4j>>;
  try {
    server = await startScratchNeo4j({
      allowClearEnv: "NEO4J_TEST_ALLOW_CLEAR",
      log: (line) => console.log(`[neo4j] ${line}`),
    });
  } catch (err) {
    if (!(err instanceof Neo4jToolchainMissingError)) throw err;
    if (process.env.CI) {
      throw new Error(`The Neo4j test tier is mandatory in CI but cannot run: ${err.message}`, { cause: err });
    }
    warnSkipped(err.message);
    return { config: null, lockDir: null, stop: async () => {} };
  }
  const lockDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-neo4j-lock-"));
  return {
    config: server.config,
    lockDir,
    stop: async () => {
      await server.stop();
      fs.rmSync(lockDir, { recursive: true, force: true });
    },
  };
}

function warnSkipped(why: string): void {
  const bar = "!".repeat(78);
  console.warn(
    [
      "",
      bar,
      "!!  NEO4J TESTS ARE SKIPPED",
      `!!  ${why}`,
      "!!  The Neo4j store is NOT being tested. Install a JDK >= 17 and Maven, or set NEO4J_URI",
      "!!  (with NEO4J_TEST_ALLOW_CLEAR=1) to a Neo4j 5 server the tests may wipe.",
      bar,
      "",
    ].join("\n"),
  );
}

/**
 * The URI of the Neo4j the tests may clear, or null when Neo4j tests must skip. Called while a test
 * file is being collected (top level or a describe body), it also makes that file (or describe)
 * wait for and hold the shared-server lock.
 */
export function neo4jTestUri(): string | null {
  return neo4jTestConfig()?.uri ?? null;
}

/**
 * Connection settings for the test server (credentials from NEO4J_USER/NEO4J_PASSWORD when external),
 * or null when Neo4j tests must skip; takes the shared-server lock as neo4jTestUri does.
 */
export function neo4jTestConfig(): Neo4jConfig | null {
  const config = inject("neo4jConfig");
  const lockDir = inject("neo4jLockDir");
  if (config && lockDir) {
    try {
      beforeAll(() => acquireLock(lockDir), LOCK_WAIT_MS);
      afterAll(releaseLock);
    } catch {
      // Called from inside a running test or hook, where hooks cannot be added: the caller's own
      // hooks already hold the lock.
    }
  }
  return config;
}

// Reentrant within one module instance: several describes of one file may each ask for the lock.
let held: { lock: string; token: string; depth: number } | null = null;

/** mkdir is atomic across processes; a lock whose owner process died is taken over. */
async function acquireLock(dir: string): Promise<void> {
  if (held) {
    held.depth++;
    return;
  }
  const lock = path.join(dir, "held");
  const token = `${process.pid} ${Math.random().toString(36).slice(2)}`;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "owner"), token);
      held = { lock, token, depth: 1 };
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (ownerIsDead(lock)) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function releaseLock(): void {
  if (!held || --held.depth > 0) return;
  const { lock, token } = held;
  held = null;
  try {
    if (fs.readFileSync(path.join(lock, "owner"), "utf8") === token) fs.rmSync(lock, { recursive: true, force: true });
  } catch {
    // already gone
  }
}

function ownerIsDead(lock: string): boolean {
  let owner: string;
  try {
    owner = fs.readFileSync(path.join(lock, "owner"), "utf8");
  } catch {
    // No owner yet: just created (alive), or its creator died right after mkdir (old).
    try {
      return Date.now() - fs.statSync(lock).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  const pid = Number(owner.split(" ")[0]);
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
