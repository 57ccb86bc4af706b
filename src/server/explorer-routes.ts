/**
 * The graph explorer: a static page and one script, bundled from its TypeScript sources
 * (src/explorer) by esbuild when the server starts, with Cytoscape.js and Observable Plot from the
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
 * one file. Built in memory, once per server (well under a second): a fresh clone needs no build step.
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

/** Mount at `/explorer`: the page at `/explorer`, its script and style sheet at `/explorer/<name>`. */
export function explorerRouter(): express.Router {
  const router = express.Router();
  // Started with the server; the first request for the script waits for it, a failure answers 500.
  const script = bundleExplorer();
  script.catch(() => undefined);
  getOnly(router, "/", (_req, res, next) => {
    res.set("Content-Security-Policy", CSP).type("text/html; charset=utf-8");
    res.sendFile(explorerFile("explorer.html"), { maxAge: 0 }, (err) => err && next(err));
  });
  getOnly(router, "/explorer.css", (_req, res, next) => {
    res.type("text/css; charset=utf-8");
    res.sendFile(explorerFile("explorer.css"), { maxAge: "1h" }, (err) => err && next(err));
  });
  getOnly(router, "/explorer.js", (_req, res, next) => {
    script.then((text) => res.type("text/javascript; charset=utf-8").set("Cache-Control", "no-cache").send(text), next);
  });
  return router;
}
