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
  const received: FeedChange[] = [];
  const errors: unknown[] = [];
  let wake: () => void = () => {};
  const stop = client.subscribe<{ changes: FeedChange }>(
    { query: CHANGES, variables: { since } },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) received.push(result.data.changes);
        wake();
      },
      error: (err) => {
        errors.push(err);
        wake();
      },
      complete: () => wake(),
    },
  );
  return {
    received,
    errors,
    stop,
    /** Resolves once `done` holds of what arrived, or rejects with the first error. */
    async until(done: (changes: readonly FeedChange[]) => boolean): Promise<FeedChange[]> {
      while (!done(received)) {
        if (errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(errors[0])}`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return [...received];
    },
  };
}
