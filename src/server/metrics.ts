import type express from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { StoreObserver } from "../store/observed-store";

/**
 * The numbers an operator watches, served at GET /metrics in Prometheus' text format. One
 * registry per server (not prom-client's global one), so that several servers in one process
 * (the tests) keep their own counts.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from a request's arrival to its answer being sent, by route.",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: "api_errors_total",
    help: "Errors answered to clients (GraphQL errors and HTTP route errors), by code.",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  private readonly storeCalls = new Histogram({
    name: "store_call_duration_seconds",
    help: "Time each store call took, by store, port method and outcome.",
    labelNames: ["store", "method", "outcome"] as const,
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: "rate_limited_total",
    help: "Requests refused because their client had spent its budget of query cost.",
    registers: [this.registry],
  });

  private readonly busy = new Counter({
    name: "graphql_operations_refused_total",
    help: "GraphQL requests refused with SERVER_BUSY: every place to run and to wait in line was taken.",
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The admission line's state, read at each scrape (see admission.ts). */
  watchAdmission(line: { readonly running: number; readonly waiting: number }): void {
    this.sampled("graphql_operations_running", "GraphQL operations over HTTP executing now.", () => line.running);
    this.sampled(
      "graphql_operations_queued",
      "GraphQL operations over HTTP waiting in line for a place to execute.",
      () => line.waiting,
    );
  }

  /** A gauge whose value is read when Prometheus scrapes, not kept up to date in between. */
  private sampled(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  refusedBusy(): void {
    this.busy.inc();
  }

  answered(route: string, method: string, status: number, seconds: number): void {
    this.requests.inc({ route, method, status: String(status) });
    this.latency.observe({ route }, seconds);
  }

  errorAnswered(code: string): void {
    this.errors.inc({ code });
  }

  limited(): void {
    this.rateLimited.inc();
  }

  /** Feeds store call latency (see observed-store.ts); writes are passed on to `wrote`. */
  storeObserver(storeName: string, wrote: () => void): StoreObserver {
    return {
      called: (method, seconds, failed) =>
        this.storeCalls.observe({ store: storeName, method, outcome: failed ? "error" : "ok" }, seconds),
      wrote,
    };
  }

  /** GET /metrics. */
  async handler(_req: express.Request, res: express.Response): Promise<void> {
    res.type(this.registry.contentType).send(await this.registry.metrics());
  }
}
