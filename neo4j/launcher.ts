/**
 * Starts a real Neo4j 5.26 Community server (embedded in a small Java program, see
 * neo4j/src/main/java/companygraph/neo4j/Neo4jLauncher.java) without Docker.
 *
 * Requirements: Java >= 17 and Maven (the first start runs `mvn package` in neo4j/, which downloads
 * Neo4j from Maven Central into ~/.m2 and copies the jars to neo4j/target/lib; later starts reuse
 * them).
 *
 * The Java child keeps its stdin connected to this process through a pipe and stops when that pipe
 * closes, so it never outlives the Node process, even one killed with SIGKILL.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const NEO4J_DIR = path.dirname(fileURLToPath(import.meta.url));
const TARGET_DIR = path.join(NEO4J_DIR, "target");
const LIB_DIR = path.join(TARGET_DIR, "lib");
const LAUNCHER_JAR = path.join(TARGET_DIR, "neo4j-launcher.jar");
const POM = path.join(NEO4J_DIR, "pom.xml");
const JAVA_SRC_DIR = path.join(NEO4J_DIR, "src");
const BUILD_LOCK = path.join(TARGET_DIR, ".build-lock");
const MAIN_CLASS = "companygraph.neo4j.Neo4jLauncher";
const READY_PREFIX = "NEO4J_READY ";

const JVM_FLAGS = [
  "-XX:+ExitOnOutOfMemoryError",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "-Dio.netty.tryReflectionSetAccessible=true",
];

/**
 * Memory defaults: enough for the API and for `npm run seed` of a 100,000-company dataset, whose
 * batched load keeps the heap flat. Both are limits the JVM and Neo4j grow into, not reservations.
 */
const MEMORY_SETTINGS = {
  heap: { variable: "NEO4J_HEAP", fallback: "1g", min: 256 * 2 ** 20 },
  pageCache: { variable: "NEO4J_PAGECACHE", fallback: "512m", min: 8 * 2 ** 20 },
  // The offline importer's caches, off the heap; it needs about 1 GiB whatever the size.
  importer: { variable: "NEO4J_IMPORT_MEMORY", fallback: "2g", min: 512 * 2 ** 20 },
} as const;
const SIZE_UNITS: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 20_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const STDERR_TAIL_LINES = 40;

export interface StartLocalNeo4jOptions {
  /** Folder holding the server's data and logs (created if missing). One server per folder. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 or undefined picks a free port. */
  port?: number;
  /** When set, authentication is enabled and user `neo4j` gets this password; otherwise auth is off. */
  password?: string;
  /** Receives build output and the server's log lines (stderr). */
  log?: (line: string) => void;
  /** How long to wait for the server to accept Bolt connections (default 120 s). */
  startTimeoutMs?: number;
  /**
   * Plugin jars, for the benchmark's APOC only (see the bench-apoc profile in pom.xml): copied into
   * the server's plugins folder (`<dataDir>/plugins`, where Neo4j looks for procedures) and put on
   * the classpath. Tests and `npm run neo4j` pass none.
   */
  plugins?: readonly string[];
}

export interface LocalNeo4j {
  /** e.g. `bolt://127.0.0.1:7687` */
  uri: string;
  /** The Java process id. */
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after 20 s) and resolves once the process has exited. */
  stop(): Promise<void>;
  /** Settles when the Java process exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The bundled server's folder: NEO4J_DATA_DIR, else .neo4j-data in the repository root. */
export function localDataDir(): string {
  return path.resolve(process.env.NEO4J_DATA_DIR || path.join(NEO4J_DIR, "..", ".neo4j-data"));
}

function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  if (home) {
    const candidate = path.join(home, "bin", process.platform === "win32" ? "java.exe" : "java");
    if (fs.existsSync(candidate)) return candidate;
  }
  return "java";
}

function mvnCommand(): string {
  return process.platform === "win32" ? "mvn.cmd" : "mvn";
}

/** Parses the major version out of `java -version` output (`"17.0.15"` -> 17, `"1.8.0_392"` -> 8). */
function parseJavaMajorVersion(output: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

function checkJava(): { ok: boolean; why?: string } {
  const java = javaCommand();
  const r = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 30_000 });
  if (r.error) {
    return { ok: false, why: `Java not found (${java}: ${r.error.message}); install a JDK >= 17 or set JAVA_HOME` };
  }
  const out = `${r.stderr ?? ""}${r.stdout ?? ""}`;
  const major = parseJavaMajorVersion(out);
  if (major === undefined) {
    return {
      ok: false,
      why: `cannot read the Java version from \`${java} -version\`: ${out.trim().split("\n")[0] ?? ""}`,
    };
  }
  if (major < 17) {
    return { ok: false, why: `Java ${major} found, Neo4j 5.26 needs Java >= 17 (set JAVA_HOME to a newer JDK)` };
  }
  return { ok: true };
}

function checkMaven(): { ok: boolean; why?: string } {
  const r = spawnSync(mvnCommand(), ["-v"], { encoding: "utf8", timeout: 60_000 });
  if (r.error || r.status !== 0) {
    const reason = r.error ? r.error.message : `exit code ${r.status}`;
    return { ok: false, why: `Maven not found (mvn -v: ${reason}); install Maven 3.8+` };
  }
  return { ok: true };
}

/** Checks that `java -version` reports Java >= 17 and that `mvn -v` works. */
export function javaToolchainAvailable(): { ok: boolean; why?: string } {
  const java = checkJava();
  if (!java.ok) return java;
  return checkMaven();
}

function mtimeMs(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestMtimeUnder(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtimeUnder(p) : mtimeMs(p));
  }
  return newest;
}

type BuildState = "ok" | "missing" | "stale-pom" | "stale-source";

function buildState(): BuildState {
  if (!fs.existsSync(LIB_DIR) || !fs.existsSync(LAUNCHER_JAR)) return "missing";
  const jarTime = mtimeMs(LAUNCHER_JAR);
  if (mtimeMs(POM) > jarTime) return "stale-pom";
  if (newestMtimeUnder(JAVA_SRC_DIR) > jarTime) return "stale-source";
  return "ok";
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function lockOwnerAlive(): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(BUILD_LOCK, "pid"), "utf8"));
  } catch {
    return false; // no owner recorded (its process died right after mkdir)
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Cross-process lock (mkdir is atomic) so parallel test workers do not run Maven concurrently. */
async function withBuildLock<T>(log: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(TARGET_DIR, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      fs.writeFileSync(path.join(BUILD_LOCK, "pid"), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const lockAge = Date.now() - mtimeMs(BUILD_LOCK);
      if (lockAge > BUILD_TIMEOUT_MS || (lockAge > 2_000 && !lockOwnerAlive())) {
        fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        log("waiting for another process to finish building the Neo4j launcher...");
        announced = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function runMaven(log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mvnCommand(), ["-q", "-B", "-Dstyle.color=never", "package", "-DskipTests"], {
      cwd: NEO4J_DIR,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tail: string[] = [];
    const onLine = (line: string) => {
      // eslint-disable-next-line no-control-regex
      const clean = line.replace(/\u001b\[[0-9;]*m/g, "");
      if (!clean.trim()) return;
      log(clean);
      tail.push(clean);
      if (tail.length > STDERR_TAIL_LINES) tail.shift();
    };
    readline.createInterface({ input: child.stdout! }).on("line", onLine);
    readline.createInterface({ input: child.stderr! }).on("line", onLine);
    const timer = setTimeout(() => child.kill("SIGKILL"), BUILD_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot run Maven: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `building the Neo4j launcher failed (mvn package in ${NEO4J_DIR}: ${signal ?? `exit code ${code}`})` +
              (tail.length ? `\n${tail.join("\n")}` : ""),
          ),
        );
    });
  });
}

let buildInProcess: Promise<void> | undefined;

/**
 * Builds neo4j/ with Maven unless target/lib and the launcher jar exist and are newer than pom.xml
 * and the Java sources. Safe to call concurrently (in-process and across processes).
 */
function ensureNeo4jBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (buildState() === "ok") return Promise.resolve();
  buildInProcess ??= withBuildLock(log, async () => {
    const state = buildState(); // another process may have built it while we waited
    if (state === "ok") return;
    const mvn = checkMaven();
    if (!mvn.ok) throw new Error(mvn.why);
    if (state === "stale-pom") {
      // dependency versions may have changed: drop jars that would otherwise linger on the classpath
      fs.rmSync(LIB_DIR, { recursive: true, force: true });
    }
    log(
      state === "missing"
        ? "building the Neo4j launcher (first run downloads Neo4j from Maven Central, this takes a few minutes)..."
        : "rebuilding the Neo4j launcher...",
    );
    const started = Date.now();
    await runMaven(log);
    if (!fs.existsSync(LAUNCHER_JAR) || !fs.existsSync(LIB_DIR)) {
      throw new Error(`Maven finished but ${LAUNCHER_JAR} or ${LIB_DIR} is missing`);
    }
    log(`Neo4j launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }).finally(() => {
    buildInProcess = undefined;
  });
  return buildInProcess;
}

/**
 * The Java command, flags and class path of the bundled Neo4j, built first if needed: what its
 * offline tools (the importer) run on.
 */
export async function neo4jJava(log: (line: string) => void = () => {}): Promise<readonly string[]> {
  const java = checkJava();
  if (!java.ok) throw new Error(java.why);
  await ensureNeo4jBuilt(log);
  return [javaCommand(), ...JVM_FLAGS, "-cp", [LAUNCHER_JAR, path.join(LIB_DIR, "*")].join(path.delimiter)];
}

/**
 * A memory setting from its environment variable (unset or empty: the default): digits and a unit
 * k, m or g (`768m`, `2g`), in bytes. Anything else, or less than the minimum, is refused in one
 * line naming the variable.
 */
function memorySize(setting: keyof typeof MEMORY_SETTINGS): number {
  const { variable, fallback, min } = MEMORY_SETTINGS[setting];
  const raw = process.env[variable] || fallback;
  const m = /^\s*(\d+)\s*([kmg])\s*$/i.exec(raw);
  const bytes = m ? Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]! : NaN;
  if (!(bytes >= min)) {
    throw new Error(
      `${variable} must be a size such as 768m or 2g, at least ${min / 2 ** 20}m; got ${JSON.stringify(raw)}`,
    );
  }
  return bytes;
}

/**
 * The heap and page cache a server gets, and the importer's memory, in bytes, from NEO4J_HEAP,
 * NEO4J_PAGECACHE and NEO4J_IMPORT_MEMORY; throws on a bad value.
 */
export function neo4jMemory(): { heap: number; pageCache: number; importer: number } {
  return { heap: memorySize("heap"), pageCache: memorySize("pageCache"), importer: memorySize("importer") };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", onExit);
  });
}

/** Copies the jars into `<dataDir>/plugins` and returns their paths there. */
function installPlugins(dataDir: string, jars: readonly string[]): string[] {
  if (jars.length === 0) return [];
  const pluginsDir = path.join(dataDir, "plugins");
  fs.mkdirSync(pluginsDir, { recursive: true });
  return jars.map((jar) => {
    const target = path.join(pluginsDir, path.basename(jar));
    fs.copyFileSync(jar, target);
    return target;
  });
}

/**
 * Starts a Neo4j server on 127.0.0.1 and resolves once it accepts Bolt connections.
 * Rejects (with the end of the server's stderr) if it cannot start, e.g. when the data folder is
 * already used by another server or the port is taken.
 */
export async function startLocalNeo4j(opts: StartLocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid Neo4j port: ${opts.port}`);
  }
  const { heap, pageCache } = neo4jMemory();
  const java = checkJava();
  if (!java.ok) throw new Error(java.why);
  await ensureNeo4jBuilt(log);

  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });

  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_EXIT_ON_STDIN_EOF: "true" };
  delete env.NEO4J_DATA_DIR;
  delete env.NEO4J_PORT;
  if (opts.password) env.NEO4J_PASSWORD = opts.password;
  else delete env.NEO4J_PASSWORD;

  const plugins = installPlugins(dataDir, opts.plugins ?? []);
  const classpath = [LAUNCHER_JAR, path.join(LIB_DIR, "*"), ...plugins].join(path.delimiter);
  const child = spawn(
    javaCommand(),
    [
      `-Xms${Math.min(heap, 128 * 2 ** 20) / 2 ** 10}k`,
      `-Xmx${heap / 2 ** 10}k`,
      ...JVM_FLAGS,
      "-cp",
      classpath,
      MAIN_CLASS,
      ...["--data-dir", dataDir, "--port", String(port), "--pagecache", String(pageCache)],
    ],
    {
      cwd: dataDir,
      env,
      // stdin stays an open pipe: the server stops when it closes, i.e. when this process dies.
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  // Writing is never needed; ignore EPIPE if the child is gone.
  child.stdin!.on("error", () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: null, signal: null }));
  });

  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    log(line);
  });

  const describeFailure = (what: string): Error => {
    const errorLine = [...stderrTail].reverse().find((l) => l.startsWith("NEO4J_ERROR "));
    const headline = errorLine ? `${what}: ${errorLine.slice("NEO4J_ERROR ".length)}` : what;
    return new Error(`${headline}\n--- Neo4j stderr (last lines) ---\n${stderrTail.join("\n")}`);
  };

  const uri = await new Promise<string>((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(() => reject(describeFailure(`Neo4j did not become ready within ${timeoutMs / 1000} s`)));
    }, timeoutMs);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!settled && line.startsWith(READY_PREFIX)) {
        finish(() => resolve(line.slice(READY_PREFIX.length).trim()));
      } else {
        log(line);
      }
    });
    child.on("error", (err) => finish(() => reject(new Error(`cannot start Java: ${err.message}`))));
    // 'close' (not 'exit') so that stderr has been read completely
    child.on("close", (code, signal) =>
      finish(() => reject(describeFailure(`Neo4j exited before it was ready (${signal ?? `exit code ${code}`})`))),
    );
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      if (await waitForExit(child, STOP_GRACE_MS)) return;
      log(`Neo4j did not stop within ${STOP_GRACE_MS / 1000} s, killing it`);
      child.kill("SIGKILL");
      await waitForExit(child, 10_000);
    })();
    return stopping;
  };

  return { uri, pid: child.pid!, stop, exited };
}
