/**
 * Vitest globalSetup: one real Neo4j for the whole run, and the helpers test files use to reach it.
 *
 * - NEO4J_URI set: that server is used, but only with NEO4J_TEST_ALLOW_CLEAR=1, because the tests
 *   clear the database (Community Edition has a single user database, so there is no scratch one).
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
    /** Bolt URI of the Neo4j the tests may clear, or null when Neo4j tests must skip. */
    neo4jUri: string | null;
    /** Folder for the lock that serializes test files using the shared server. */
    neo4jLockDir: string | null;
  }
}

const LOCK_WAIT_MS = 20 * 60_000;

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.NEO4J_URI;
  if (external) {
    if (process.env.NEO4J_TEST_ALLOW_CLEAR !== "1") {
      throw new Error(
        [
          `NEO4J_URI is set (${redact(external)}), and the Neo4j tests clear the database they use.`,
          "Refusing to run them against it. Either unset NEO4J_URI (a private Neo4j is then started for",
          "the tests), or set NEO4J_TEST_ALLOW_CLEAR=1 if that database may be wiped.",
        ].join("\n"),
      );
    }
    const lockDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-neo4j-lock-"));
    project.provide("neo4jUri", external);
    project.provide("neo4jLockDir", lockDir);
    return async () => fs.rmSync(lockDir, { recursive: true, force: true });
  }

  // Imported here so that test files importing this module do not load the launcher.
  const { javaToolchainAvailable, startLocalNeo4j } = await import("../../neo4j/launcher");
  const toolchain = javaToolchainAvailable();
  if (!toolchain.ok) {
    if (process.env.CI) {
      throw new Error(`The Neo4j test tier is mandatory in CI but cannot run: ${toolchain.why}`);
    }
    const bar = "!".repeat(78);
    console.warn(
      [
        "",
        bar,
        "!!  NEO4J TESTS ARE SKIPPED",
        `!!  ${toolchain.why}`,
        "!!  The Neo4j store is NOT being tested. Install a JDK >= 17 and Maven, or set NEO4J_URI",
        "!!  (with NEO4J_TEST_ALLOW_CLEAR=1) to a Neo4j 5 server the tests may wipe.",
        bar,
        "",
      ].join("\n"),
    );
    project.provide("neo4jUri", null);
    project.provide("neo4jLockDir", null);
    return undefined;
  }

  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cg-neo4j-"));
  const started = Date.now();
  let server: Awaited<ReturnType<typeof startLocalNeo4j>>;
  try {
    server = await startLocalNeo4j({
      dataDir: path.join(root, "data"),
      port: 0,
      // Build progress is worth seeing (the first build downloads Neo4j); server logs are not.
      log: (line) => {
        if (/launcher|maven|mvn|download/i.test(line) && !/^\d{4}-\d{2}-\d{2}/.test(line))
          console.log(`[neo4j] ${line}`);
      },
    });
  } catch (err) {
    fs.rmSync(root, { recursive: true, force: true });
    throw err;
  }
  console.log(`[neo4j] test server at ${server.uri} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const lockDir = path.join(root, "lock");
  fs.mkdirSync(lockDir);
  project.provide("neo4jUri", server.uri);
  project.provide("neo4jLockDir", lockDir);

  return async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}

/**
 * The URI of the Neo4j the tests may clear, or null when Neo4j tests must skip. Called while a test
 * file is being collected (top level or a describe body), it also makes that file (or describe)
 * wait for and hold the shared-server lock.
 */
export function neo4jTestUri(): string | null {
  const uri = inject("neo4jUri");
  const lockDir = inject("neo4jLockDir");
  if (uri && lockDir) {
    try {
      beforeAll(() => acquireLock(lockDir), LOCK_WAIT_MS);
      afterAll(releaseLock);
    } catch {
      // Called from inside a running test or hook, where hooks cannot be added: the caller's own
      // hooks already hold the lock.
    }
  }
  return uri;
}

/** Connection settings for the test server (credentials from NEO4J_USER/NEO4J_PASSWORD when external). */
export function neo4jTestConfig(): Neo4jConfig | null {
  const uri = neo4jTestUri();
  if (!uri) return null;
  const external = process.env.NEO4J_URI === uri;
  return {
    uri,
    user: (external && process.env.NEO4J_USER) || "neo4j",
    password: (external && process.env.NEO4J_PASSWORD) || null,
    database: (external && process.env.NEO4J_DATABASE) || null,
  };
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

function redact(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/)[^@/]*@/i, "$1");
}
