import { Repeater } from "@graphql-yoga/subscription";
import { checkIds } from "../analytics/relationship-graph";
import { MAX_CENTERS } from "../domain/bounds";
import type { Change } from "../domain/batch";
import type { Relationship } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { RelationshipFilter } from "../store/graph-store";
import { matchesIdentity } from "../store/relationship-filter";
import { checkSince } from "./batch-writes";
import { type Context, readAfresh } from "./context";
import type { RelationshipsChangedArgs } from "./types/relationship-change.type";

/** A relationship a write touched, as it reads now (null: every claim about it is withdrawn). */
export interface RelationshipChange {
  readonly seq: number;
  readonly batchKey: string;
  readonly relationshipId: string;
  readonly relationship: Relationship | null;
}

type IdentityFilter = Pick<RelationshipFilter, "kinds" | "productIds" | "counterpartIds">;

function filterOf(args: RelationshipsChangedArgs): IdentityFilter {
  const listed = (name: string, ids: readonly string[] | null | undefined) =>
    ids && ids.length > 0 ? checkIds(name, ids, MAX_CENTERS) : [];
  return {
    kinds: args.kinds ?? [],
    counterpartIds: listed("companies", args.companies),
    productIds: listed("product", args.product),
  };
}

/**
 * Subscription.relationshipsChanged: the change feed after `since` (the next write when omitted),
 * each relationship a batch touched given once per batch, read after the write, when it passes the
 * filter. It follows the feed (store/change-feed.ts), so it is in commit order and learns of writes
 * through other servers as the feed does.
 */
export async function relationshipChanges(
  ctx: Context,
  args: RelationshipsChangedArgs,
): Promise<AsyncIterableIterator<RelationshipChange>> {
  const filter = filterOf(args);
  const { feed } = ctx;
  if (!feed) throw new BadInputError("subscriptions are served over WebSocket, on the server's GraphQL path");
  const since = args.since === null || args.since === undefined ? await feed.head() : checkSince(args.since);
  return new Repeater<RelationshipChange>(async (push, stop) => {
    const changes = feed.changesAfter(since);
    void stop.then(() => changes.return?.());
    const told = new TouchedInBatch();
    for (let next = await changes.next(); !next.done; next = await changes.next()) {
      if (!told.first(next.value)) continue;
      const touched = await touchedView(ctx, next.value, filter);
      if (touched === undefined) continue;
      readAfresh(ctx);
      await push(touched);
    }
    stop();
  });
}

/** Remembers which relationships the current batch touched already: a batch's changes follow one another. */
class TouchedInBatch {
  private batchKey = "";
  private relationshipIds = new Set<string>();

  first(change: Change): boolean {
    if (change.batchKey !== this.batchKey) {
      this.batchKey = change.batchKey;
      this.relationshipIds = new Set();
    }
    if (this.relationshipIds.has(change.relationshipId)) return false;
    this.relationshipIds.add(change.relationshipId);
    return true;
  }
}

/** The relationship the change touched as it reads now, or undefined when the filter leaves it out. */
async function touchedView(
  ctx: Context,
  change: Change,
  filter: IdentityFilter,
): Promise<RelationshipChange | undefined> {
  const [relationship = null] = await ctx.store.relationshipsByIds([change.relationshipId]);
  const identity =
    relationship ?? (await ctx.store.withdrawnRelationships({ ids: [change.relationshipId] })).at(0) ?? null;
  if (identity === null || !matchesIdentity(identity, filter)) return undefined;
  return { seq: change.seq, batchKey: change.batchKey, relationshipId: change.relationshipId, relationship };
}
