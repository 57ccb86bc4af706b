import { Arg, Args, Int, Resolver, Root, Subscription } from "type-graphql";
import type { Change } from "../../domain/batch";
import { changeStream } from "../batch-writes";
import type { Context } from "../context";
import { type RelationshipChange, relationshipChanges } from "../relationship-changes";
import { ChangeType } from "../types/batch.type";
import { RelationshipChangeType, RelationshipsChangedArgs } from "../types/relationship-change.type";

@Resolver()
export class ChangeSubscriptionResolver {
  @Subscription(() => ChangeType, {
    description:
      "The change feed live, over WebSocket (graphql-transport-ws): every change after `since`, then each new one in commit order. A client that reconnects with the last seq it saw misses nothing and gets nothing twice.",
    subscribe: ({ args, context }) => changeStream(context as Context, (args as { since: number }).since),
  })
  changes(
    @Root() change: Change,
    @Arg("since", () => Int, { description: "The last seq the client has seen (0: from the start)." }) _since: number,
  ): Change {
    return change;
  }

  @Subscription(() => RelationshipChangeType, {
    description:
      "Each relationship a write touches, as it reads after the write (amount, agreement, claims), once per batch, in commit order; only those with one of `companies` at either end, of `kinds`, about `product`, when given. Over WebSocket, like `changes`.",
    subscribe: ({ args, context }) => relationshipChanges(context as Context, args as RelationshipsChangedArgs),
  })
  relationshipsChanged(
    @Root() change: RelationshipChange,
    @Args(() => RelationshipsChangedArgs) _args: RelationshipsChangedArgs,
  ): RelationshipChange {
    return change;
  }
}
