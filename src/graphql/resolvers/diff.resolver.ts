import { Args, Ctx, Directive, Query, Resolver } from "type-graphql";
import { ANALYTICS_HINT } from "../cache-hints";
import { diffPage } from "../claim-reads";
import type { Context } from "../context";
import { RelationshipDiffConnection } from "../types/connections";
import { DiffArgs } from "../types/diff.type";

@Resolver()
export class DiffResolver {
  @Directive(ANALYTICS_HINT)
  @Query(() => RelationshipDiffConnection, {
    description:
      "What changed between two record times: the relationships that appeared, were withdrawn, or whose amount, status or agreement changed, each as known at both, ordered by id.",
  })
  diff(@Args(() => DiffArgs) args: DiffArgs, @Ctx() ctx: Context) {
    return diffPage(ctx, args);
  }
}
