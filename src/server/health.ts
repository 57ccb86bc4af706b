import { Router } from "express";
import type { GraphStore } from "../store/graph-store";
import type { ErrorReporter } from "./error-policy";
import { getOnly } from "./transport";

/**
 * GET /health says which dependency is down (always 200 when the process itself is fine, so it can
 * be read); GET /ready answers 503 while the store cannot serve queries, for load balancers.
 */
export function healthRouter(store: GraphStore, reportError: ErrorReporter): Router {
  const router = Router();
  const check = async () => {
    try {
      await store.ping();
      return { ok: true as const, store: { name: store.name, status: "up" as const } };
    } catch (err) {
      // An outage names itself (STORE_UNAVAILABLE); anything else is logged and masked like any request.
      const { message } = reportError(err, "store health check");
      return { ok: false as const, store: { name: store.name, status: "down" as const, error: message } };
    }
  };
  getOnly(router, "/health", async (_req, res) => {
    const result = await check();
    res.status(200).json({ status: result.ok ? "ok" : "degraded", dependencies: { store: result.store } });
  });
  getOnly(router, "/ready", async (_req, res) => {
    const result = await check();
    res.status(result.ok ? 200 : 503).json({ ready: result.ok, store: result.store });
  });
  return router;
}
