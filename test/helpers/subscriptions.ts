import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TestServer } from "./http-server";

/** Subscription.changes over WebSocket, with the graphql-ws client a frontend uses. */

const CHANGES = `subscription ($since: Int!) { changes(since: $since) { seq kind claimId batchKey } }`;

export interface FeedChange {
  seq: number;
  kind: string;
  claimId: string;
  batchKey: string;
}

export function wsClient(server: TestServer, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: server.url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** A subscription's changes as they arrive, and a way to wait until enough have. */
export function subscribe(client: Client, since: number) {
  return streamOf<FeedChange>(client, { query: CHANGES, variables: { since } }, "changes");
}

/** What one subscription's root field gives, as it arrives, and a way to wait until enough has. */
export function streamOf<T>(
  client: Client,
  payload: { query: string; variables?: Record<string, unknown> },
  field: string,
) {
  const received: T[] = [];
  const errors: unknown[] = [];
  let wake: () => void = () => {};
  const stop = client.subscribe<Record<string, T>>(payload, {
    next: (result) => {
      if (result.errors) errors.push(...result.errors);
      if (result.data) received.push(result.data[field]!);
      wake();
    },
    error: (err) => {
      errors.push(err);
      wake();
    },
    complete: () => wake(),
  });
  return {
    received,
    errors,
    stop,
    /** Resolves once `done` holds of what arrived, or rejects with the first error. */
    async until(done: (items: readonly T[]) => boolean): Promise<T[]> {
      while (!done(received)) {
        if (errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(errors[0])}`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return [...received];
    },
  };
}
