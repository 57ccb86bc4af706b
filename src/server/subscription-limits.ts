import { DomainError } from "../domain/errors";
import type { SubscriptionConfig } from "./config";

/** A connection as graphql-ws keeps it: its subscriptions by id, one being subscribed included. */
interface Holder {
  readonly subscriptions: Readonly<Record<string, unknown>>;
}

/**
 * How many subscriptions each connection and each client (over all its connections, see clientOf)
 * hold at once. The count is what graphql-ws holds at the moment asked: a subscription counts from
 * its subscribe message until it ends, however it ends (completed by either side, failed, or its
 * connection closed), so nothing here has to be released.
 */
export class SubscriptionLimits {
  private readonly connectionsOf = new Map<string, Set<Holder>>();

  constructor(private readonly config: Pick<SubscriptionConfig, "perConnection" | "perClient">) {}

  opened(client: string, connection: Holder): void {
    const connections = this.connectionsOf.get(client) ?? new Set();
    connections.add(connection);
    this.connectionsOf.set(client, connections);
  }

  closed(client: string, connection: Holder): void {
    const connections = this.connectionsOf.get(client);
    connections?.delete(connection);
    if (connections?.size === 0) this.connectionsOf.delete(client);
  }

  /** Why the subscription the connection is being asked for is refused (RATE_LIMITED), or null. */
  refusal(client: string, connection: Holder): DomainError | null {
    const { perConnection, perClient } = this.config;
    if (held(connection) > perConnection)
      return limited(`a connection may hold at most ${perConnection} subscriptions at once`, perConnection);
    let total = 0;
    for (const other of this.connectionsOf.get(client) ?? []) total += held(other);
    if (total > perClient) return limited(`a client may hold at most ${perClient} subscriptions at once`, perClient);
    return null;
  }
}

function held(connection: Holder): number {
  return Object.keys(connection.subscriptions).length;
}

function limited(message: string, max: number): DomainError {
  return new DomainError("RATE_LIMITED", message, { max });
}
