import { Arg, Directive, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { LIVE_HINT } from "../cache-hints";
import type { Receipt } from "../../domain/batch";
import { recordClaims, retractClaim, changesPage } from "../batch-writes";
import type { Context } from "../context";
import { ChangeConnection } from "../types/connections";
import { ChangesArgs, ReceiptType, RecordBatchInput } from "../types/batch.type";

@Resolver()
export class BatchResolver {
  @Mutation(() => ReceiptType, {
    description:
      "Records sources, evidence, the companies, products and people they name, relationships and claims, all or nothing (role editor or admin). A claim that corrects another names it in `supersedes`.",
  })
  recordBatch(@Arg("input", () => RecordBatchInput) input: RecordBatchInput, @Ctx() ctx: Context): Promise<Receipt> {
    return recordClaims(ctx, input);
  }

  @Mutation(() => ReceiptType, {
    description: "Withdraws a claim, with a reason (role admin). The claim stays, marked.",
  })
  retractClaim(
    @Arg("claim", () => ID) claim: string,
    @Arg("reason", () => String) reason: string,
    @Arg("key", () => String, { description: "Unique per retraction: a retry records nothing more." }) key: string,
    @Ctx() ctx: Context,
  ): Promise<Receipt> {
    return retractClaim(ctx, { key, retractions: [{ claim, reason }], records: null });
  }

  @Directive(LIVE_HINT)
  @Query(() => ChangeConnection, {
    description:
      "Recorded, superseded and retracted claims in commit order, after `since`: how a client stays in sync.",
  })
  changes(@Args(() => ChangesArgs) args: ChangesArgs, @Ctx() ctx: Context) {
    return changesPage(ctx, args);
  }
}
