/**
 * The graph explorer: a static page that talks only to the public GraphQL endpoint and draws with
 * Cytoscape.js. Like the IDE, everything it loads is same-origin (cytoscape comes from the installed
 * package), so it works offline.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { getOnly } from "../transport";

const require = createRequire(import.meta.url);

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * A file of an installed package, found where Node would look for the package. Not through
 * require.resolve: a package's `exports` map names its entry points, not its browser builds.
 */
function packageFile(name: string, file: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = path.join(dir, name, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name}/${file} is not installed (run npm install)`);
}

/** URL file name -> absolute path and content type. Only these files are served. */
const SCRIPT = "text/javascript; charset=utf-8";
const OWN_SCRIPTS = ["dom", "api", "graph", "line", "sources", "url", "views"].map((part) => `explorer-${part}.js`);
const ASSETS = {
  "explorer.js": { file: here("./explorer.js"), type: SCRIPT },
  ...Object.fromEntries(OWN_SCRIPTS.map((name) => [name, { file: here(`./${name}`), type: SCRIPT }])),
  "explorer.css": { file: here("./explorer.css"), type: "text/css; charset=utf-8" },
  // The browser builds of installed packages, in the order the page loads them.
  "cytoscape.min.js": { file: packageFile("cytoscape", "dist/cytoscape.min.js"), type: SCRIPT },
  "layout-base.js": { file: packageFile("layout-base", "layout-base.js"), type: SCRIPT },
  "cose-base.js": { file: packageFile("cose-base", "cose-base.js"), type: SCRIPT },
  "cytoscape-fcose.js": { file: packageFile("cytoscape-fcose", "cytoscape-fcose.js"), type: SCRIPT },
  "d3.min.js": { file: packageFile("d3", "dist/d3.min.js"), type: SCRIPT },
  "plot.umd.min.js": { file: packageFile("@observablehq/plot", "dist/plot.umd.min.js"), type: SCRIPT },
} satisfies Record<string, { file: string; type: string }>;

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
