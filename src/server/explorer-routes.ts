/**
 * The graph explorer: a static page and one script, bundled from its TypeScript sources
 * (src/explorer) by esbuild on the first request, with Cytoscape.js and Observable Plot from the
 * installed packages. Everything it loads is same-origin, so it works offline; it talks only to the
 * public GraphQL endpoint (HTTP and WebSocket).
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import express from "express";
import { getOnly } from "./transport";

const explorerFile = (file: string) => fileURLToPath(new URL(`../explorer/${file}`, import.meta.url));

// Same-origin only; cytoscape writes inline styles on its container, hence 'unsafe-inline' for styles.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * The explorer's script: its modules, the domain's rules they import and the drawing libraries, as
 * one file. Built in memory (a second or two): a fresh clone needs no build step.
 */
async function bundleExplorer(): Promise<string> {
  const result = await build({
    entryPoints: [explorerFile("main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/**
 * The bundle, built when the script is first asked for and kept for the process: servers that never
 * serve the explorer (most test servers) never build it. A failed build is tried again next time.
 */
let bundled: Promise<string> | null = null;
function explorerScript(): Promise<string> {
  bundled ??= bundleExplorer().catch((err: unknown) => {
    bundled = null;
    throw err;
  });
  return bundled;
}

/** Mount at `/explorer`: the page at `/explorer`, its script and style sheet at `/explorer/<name>`. */
export function explorerRouter(): express.Router {
  const router = express.Router();
  getOnly(router, "/", (_req, res, next) => {
    res.set("Content-Security-Policy", CSP).type("text/html; charset=utf-8");
    res.sendFile(explorerFile("explorer.html"), { maxAge: 0 }, (err) => err && next(err));
  });
  getOnly(router, "/explorer.css", (_req, res, next) => {
    res.type("text/css; charset=utf-8");
    res.sendFile(explorerFile("explorer.css"), { maxAge: "1h" }, (err) => err && next(err));
  });
  getOnly(router, "/explorer.js", (_req, res, next) => {
    // A failed build answers 500 through the error policy.
    explorerScript().then(
      (text) => res.type("text/javascript; charset=utf-8").set("Cache-Control", "no-cache").send(text),
      next,
    );
  });
  return router;
}
