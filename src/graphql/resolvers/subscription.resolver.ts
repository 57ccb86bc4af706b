import { Arg, Int, Resolver, Root, Subscription } from "type-graphql";
import type { Change } from "../../domain/batch";
import { changeStream } from "../batch-writes";
import type { Context } from "../context";
import { ChangeType } from "../types/batch.type";

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
}
