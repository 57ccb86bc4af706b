import cors from "cors";
import type express from "express";

/** Which other origins' pages may call the API (see the README's configuration table). */
export interface CorsConfig {
  /** Exact origins, e.g. `https://app.example.com` or `http://localhost:3000`. */
  readonly origins: readonly string[];
  /** Development only: any http://localhost or http://127.0.0.1 port, for dev servers. */
  readonly anyLocalPort: boolean;
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d{1,5}$/;

/**
 * CORS for the routes a frontend on its own origin calls (GraphQL and the exports), by the `cors`
 * middleware: an allowed origin's preflight is answered 204 with the methods and headers the API
 * takes, its requests get Access-Control-Allow-Origin (and may carry an Authorization header, so
 * writes work); any other origin gets no CORS header at all, and the browser keeps its page out.
 * Apollo's CSRF prevention still applies to every request that is not a preflight.
 */
export function corsMiddleware(config: CorsConfig): express.RequestHandler {
  const allowed = new Set(config.origins);
  return cors({
    origin: (origin, callback) =>
      callback(
        null,
        origin !== undefined && (allowed.has(origin) || (config.anyLocalPort && LOCAL_ORIGIN.test(origin))),
      ),
    methods: ["GET", "POST"],
    allowedHeaders: [
      "content-type",
      "authorization",
      "apollo-require-preflight",
      "x-apollo-operation-name",
      "graph-bookmark",
      "x-request-id",
    ],
    exposedHeaders: ["x-request-id", "retry-after", "content-disposition"],
    credentials: true,
    maxAge: 600,
  });
}

/** CORS_ORIGINS as origins, or the entries that are not one. */
export function parseOrigins(text: string): { origins: string[]; invalid: string[] } {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const invalid = entries.filter((entry) => !isOrigin(entry));
  return { origins: entries.filter(isOrigin), invalid };
}

function isOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === entry;
  } catch {
    return false;
  }
}
