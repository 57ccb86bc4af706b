/**
 * The graph explorer: a static page that talks only to the public GraphQL endpoint and draws with
 * Cytoscape.js. Like the IDE, everything it loads is same-origin (cytoscape comes from the installed
 * package), so it works offline.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import express from "express";
import { getOnly } from "../transport";

const require = createRequire(import.meta.url);

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** URL file name -> absolute path and content type. Only these files are served. */
const ASSETS = {
  "explorer.js": { file: here("./explorer.js"), type: "text/javascript; charset=utf-8" },
  "explorer.css": { file: here("./explorer.css"), type: "text/css; charset=utf-8" },
  // cytoscape's `exports` map names its browser build (and not its package.json), so resolve it directly.
  "cytoscape.min.js": {
    file: require.resolve("cytoscape/dist/cytoscape.min.js"),
    type: "text/javascript; charset=utf-8",
  },
} as const satisfies Record<string, { file: string; type: string }>;

// Same-origin only; cytoscape writes inline styles on its container, hence 'unsafe-inline' for styles.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** Mount at `/explorer`: the page at `/explorer`, its files at `/explorer/<name>`. */
export function explorerRouter(): express.Router {
  const router = express.Router();
  getOnly(router, "/", (_req, res, next) => {
    res.set("Content-Security-Policy", CSP).type("text/html; charset=utf-8");
    res.sendFile(here("./explorer.html"), { maxAge: 0 }, (err) => err && next(err));
  });
  for (const [name, { file, type }] of Object.entries(ASSETS)) {
    getOnly(router, `/${name}`, (_req, res, next) => {
      res.type(type);
      res.sendFile(file, { maxAge: "1h" }, (err) => err && next(err));
    });
  }
  return router;
}
