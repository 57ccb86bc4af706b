import { AsyncResource } from "node:async_hooks";
import type express from "express";
import PQueue from "p-queue";
import { DeadlineExceededError, ServerBusyError } from "../domain/errors";
import { currentRequest, remainingMs } from "../store/request-scope";

/** How many GraphQL operations over HTTP execute at once, and how many may wait for a place. */
export interface AdmissionConfig {
  readonly maxConcurrent: number;
  /** Operations waiting in line beyond those running; one more is refused with SERVER_BUSY. */
  readonly maxQueued: number;
}

/**
 * The defaults, chosen by measurement on 2 cores with Neo4j (the soak, `npm run bench -- soak`: 50
 * connections, a mix of 7 requests; and the nested read at 10 connections):
 *
 * - maxConcurrent 8: with all 50 running at once, the risk paths' p99 was 4.9-6.3 s, 2.5-4x that of
 *   the other requests, and the soak's p99 3.7-5.1 s. With 4 or 8 running, every request's p99 was
 *   within 1.1-1.5x of the others' and the soak's p99 2.2-2.9 s at a comparable load of the machine
 *   (3.6-4.6 s in two runs under a heavier one: it is shared, load average 8-11 on 2 cores, so
 *   absolute figures vary twofold between runs); 16 let the tail come back (risk paths 1.6x the
 *   others). 8 rather than 4: the nested read's req/s at 10 connections on Neo4j was 30-33 with 8,
 *   22-26 with 4 and 20-34 unbounded, in the same hour.
 * - maxQueued 500: at the soak's rate on Neo4j (about 90 answers a second), the 500th in line waits
 *   about 5.5 s, within the default REQUEST_TIMEOUT_MS of 10 s; a longer line would mostly hold
 *   requests that time out while waiting, which a refusal with Retry-After serves better.
 */
export const ADMISSION_DEFAULTS: AdmissionConfig = { maxConcurrent: 8, maxQueued: 500 };

/** What a refused client is told to wait before it tries again (the line moves in well under that). */
const RETRY_AFTER_SECONDS = 1;

/** Why a request left the line before its turn: its client went away, so nobody is to be answered. */
class ClientGone extends Error {}

/**
 * Admission control in front of GraphQL execution. With every operation running at once, each one
 * shares the event loop and the database's threads with all the others, so one that makes several
 * store round trips in turn is slowed at each of them; bounding how many run at once (a FIFO
 * queue, p-queue) turns that sharing into waiting in line, and each runs with little contention.
 *
 * A queued request's time counts towards its deadline (REQUEST_TIMEOUT_MS, from its arrival): if
 * the deadline passes while it waits it is answered DEADLINE_EXCEEDED and never runs; a request
 * whose client disconnects leaves the line. Only the GraphQL route over HTTP goes through here:
 * /health and /metrics must answer however busy the server is, subscriptions run over WebSocket,
 * and a download (/export) streams for as long as its client reads, which would hold a place for
 * that long (EXPORT_MAX_ELEMENTS and the deadline bound it instead).
 */
export class Admission {
  private readonly queue: PQueue;

  constructor(
    private readonly config: AdmissionConfig,
    /** Told of every request refused because the line was full (the metrics count them). */
    private readonly refused: () => void = () => {},
  ) {
    this.queue = new PQueue({ concurrency: config.maxConcurrent });
  }

  /** Operations executing now. */
  get running(): number {
    return this.queue.pending;
  }

  /** Operations waiting for a place. */
  get waiting(): number {
    return this.queue.size;
  }

  /**
   * `handler` (Apollo's) run when a place is free; it holds the place until it has answered, even
   * if the client went away meanwhile (its work goes on until then).
   */
  admit(handler: express.RequestHandler): express.RequestHandler {
    return (req, res, next) => {
      if (this.running >= this.config.maxConcurrent && this.waiting >= this.config.maxQueued) {
        this.refused();
        return next(new ServerBusyError(RETRY_AFTER_SECONDS, this.config));
      }
      const wait = waitInLine(res);
      // p-queue starts a task from whichever task ended before it: the task is bound to this
      // request's own asynchronous context (its scope: deadline, bookmarks, request id).
      const run = AsyncResource.bind(async () => {
        wait.over();
        await handler(req, res, next);
      });
      this.queue.add(run, { signal: wait.signal }).catch((err: unknown) => {
        if (!(err instanceof ClientGone)) next(err);
      });
    };
  }
}

/**
 * The signal that takes a request out of the line: at its deadline (DEADLINE_EXCEEDED) or when its
 * client disconnects. `over()` once it runs: from then on nothing aborts it, so that p-queue never
 * gives its place away while it still executes.
 */
function waitInLine(res: express.Response): { signal: AbortSignal; over: () => void } {
  const controller = new AbortController();
  const scope = currentRequest();
  let timer: NodeJS.Timeout | undefined;
  const over = () => {
    clearTimeout(timer);
    res.off("close", gone);
  };
  const leave = (reason: Error) => {
    over();
    controller.abort(reason);
  };
  const gone = () => leave(new ClientGone());
  res.once("close", gone);
  try {
    const leftMs = scope ? remainingMs(scope) : null;
    if (leftMs !== null) timer = setTimeout(() => leave(new DeadlineExceededError(scope!.timeoutMs ?? 0)), leftMs);
  } catch (err) {
    leave(err as Error);
  }
  return { signal: controller.signal, over };
}
