import { existsSync, mkdirSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { generateDataset } from "../../seed/generator";
import { loadSeed } from "../../seed/loader";
import { fillEmbeddedStore } from "../../src/server/embedded-store";
import { createLogger } from "../../src/server/logger";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { startTestServer, type TestServer } from "./http-server";

// Browser tests are mandatory in CI; on a developer machine without Chromium they are skipped, loudly.
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True when the browser tier must be skipped (no Chromium, not in CI); says so loudly. */
export function skipBrowserTier(what: string): boolean {
  const skip = !HAVE_CHROMIUM && !process.env.CI;
  if (skip) {
    console.warn(
      `\n${"!".repeat(78)}\n!! SKIPPING ${what}: no Chromium at ${CHROMIUM}.\n!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH. In CI (CI set) this test fails instead.\n${"!".repeat(78)}\n`,
    );
  }
  return skip;
}

export interface BrowserSession {
  server: TestServer;
  origin: string;
  page: Page;
  /** Requests the page made to anything but this machine; checked empty after each test. */
  external: string[];
  pageErrors: string[];
}

/**
 * Registers the hooks of a browser test: a server on the seeded memory store, one Chromium for
 * the file, a fresh context per test, and the checks that the page stayed offline and did not throw.
 */
export function useBrowserSession(
  viewport: { width: number; height: number },
  options: {
    /**
     * "article": the article's dataset alone; "shipped": as `npm start` serves it, with the shipped
     * reports; `{ generatedCompanies }`: a synthetic graph of that many companies (seed/generator.ts).
     */
    data?: "article" | "shipped" | { generatedCompanies: number };
    /** The server's environment, read when it starts (after the hooks registered before this call). */
    env?: () => Record<string, string>;
  } = {},
): BrowserSession {
  const session = { external: [], pageErrors: [] } as unknown as BrowserSession;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM)
      throw new Error(
        `Chromium not found at ${CHROMIUM} and CI is set: the browser tests are mandatory there. Install chromium or set CHROMIUM_PATH.`,
      );
    const store = new MemoryStore();
    if (options.data === "shipped")
      await fillEmbeddedStore(store, { journalPath: "(none)", documentsDir: null }, createLogger("silent"));
    else if (typeof options.data === "object")
      await store.load(generateDataset({ seed: 7, companies: options.data.generatedCompanies }));
    else await store.load(loadSeed());
    session.server = await startTestServer(store, options.env?.() ?? {});
    session.origin = `http://127.0.0.1:${session.server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync("test-output", { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await session.server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport });
    session.page = await context.newPage();
    session.external = [];
    session.pageErrors = [];
    session.page.on("request", (req) => {
      const url = new URL(req.url());
      if (["http:", "https:", "ws:", "wss:"].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname))
        session.external.push(req.url());
    });
    session.page.on("pageerror", (err) => session.pageErrors.push(err.message));
  });
  afterEach(async () => {
    await context?.close();
    expect(session.external, "the page must not reach outside localhost").toEqual([]);
    expect(session.pageErrors, "the page must not throw").toEqual([]);
  });
  return session;
}
