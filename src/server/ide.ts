/**
 * Self-hosted GraphiQL for the server's own GraphQL endpoint.
 *
 * Apollo's default landing page (Sandbox / Explorer) loads its code from
 * Apollo's CDN, so it is blank on machines without internet access. Instead
 * we serve GraphiQL's UMD build, plus the React UMD builds it expects as
 * globals, straight from the installed packages, and render a small HTML page
 * through Apollo's `renderLandingPage` hook. The page references nothing but
 * same-origin URLs (GraphiQL's CSS inlines its fonts as data: URLs).
 */
import { createRequire } from "node:module";
import path from "node:path";
import express from "express";
import { getOnly } from "./transport";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

const require = createRequire(import.meta.url);

/** Absolute path of a file inside an installed package, given the package's
 * resolved `package.json`: the UMD files are not in the packages' `exports`
 * maps, and this works wherever node_modules happens to live. */
function packageFile(packageJson: string, file: string): string {
  return path.join(path.dirname(packageJson), file);
}

/** URL file name -> absolute path. Only these files are served: mounting
 * express.static on a package directory would expose the whole package. */
const ASSETS = {
  "react.production.min.js": packageFile(require.resolve("react/package.json"), "umd/react.production.min.js"),
  "react-dom.production.min.js": packageFile(
    require.resolve("react-dom/package.json"),
    "umd/react-dom.production.min.js",
  ),
  "graphiql.min.js": packageFile(require.resolve("graphiql/package.json"), "graphiql.min.js"),
  "graphiql.min.css": packageFile(require.resolve("graphiql/package.json"), "graphiql.min.css"),
} as const satisfies Record<string, string>;

/** Router serving the IDE's static files; mount it at the `assetsPrefix` given
 * to {@link ideLandingPagePlugin}, e.g. `app.use('/ide-assets', ideAssetsRouter())`. */
export function ideAssetsRouter(): express.Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(ASSETS)) {
    getOnly(router, `/${name}`, (_req, res, next) => {
      res.type(name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
      // File names are not versioned, so cache for a day and let ETag /
      // Last-Modified revalidate after a package upgrade, rather than `immutable`.
      res.sendFile(file, { maxAge: "1d" }, (err) => err && next(err));
    });
  }
  return router;
}

export interface IdeLandingPageOptions {
  /** URL GraphiQL sends operations to, e.g. `/graphql`. */
  endpoint: string;
  /** URL path where {@link ideAssetsRouter} is mounted, e.g. `/ide-assets`. */
  assetsPrefix: string;
  title?: string;
  /** Shown in the query editor on first visit (GraphiQL then remembers the
   * user's last query in localStorage). */
  defaultQuery?: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that is safe inside an inline <script>: `<` is escaped so a value
 * containing `</script>` cannot end the script element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

function renderIdeHtml(opts: IdeLandingPageOptions): string {
  const prefix = opts.assetsPrefix.replace(/\/+$/, "");
  const asset = (name: keyof typeof ASSETS): string => escapeHtml(`${prefix}/${name}`);
  const title = escapeHtml(opts.title ?? "GraphiQL");
  const config = { url: opts.endpoint, defaultQuery: opts.defaultQuery ?? "" };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset("graphiql.min.css")}">
<style>html, body { height: 100%; margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL...</div>
<noscript>GraphiQL needs JavaScript.</noscript>
<script src="${asset("react.production.min.js")}"></script>
<script src="${asset("react-dom.production.min.js")}"></script>
<script src="${asset("graphiql.min.js")}"></script>
<script>
(function () {
  var config = ${scriptJson(config)};
  var fetcher = GraphiQL.createFetcher({ url: config.url });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: config.defaultQuery })
  );
})();
</script>
</body>
</html>
`;
}

/**
 * Serves the GraphiQL page to browsers that GET the GraphQL endpoint with
 * `Accept: text/html`. Apollo installs its CDN-backed landing page implicitly
 * and drops it as soon as another plugin implements `renderLandingPage`, so
 * this plugin alone replaces it; `ApolloServerPluginLandingPageDisabled` is
 * not needed (it would only stop the default being installed at all).
 * GraphiQL loads the schema by introspection, so the server needs
 * `introspection: true` where the IDE is enabled (Apollo turns it off when
 * NODE_ENV=production).
 */
export function ideLandingPagePlugin<TContext extends BaseContext = BaseContext>(
  opts: IdeLandingPageOptions,
): ApolloServerPlugin<TContext> {
  const html = renderIdeHtml(opts);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
