import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { clockOf } from "../clock";
import type { Claim } from "../../domain/claims";
import type { Evidence, Relationship } from "../../domain/entities";
import type { Money } from "../../domain/money";
import { claimsPage, conflictsPage, sourcesPage } from "../claim-reads";
import type { Context } from "../context";
import { evidenceByIds, relationshipAt } from "../reads";
import { MoneyType } from "../types/amount.type";
import { ClaimsArgs, ConflictsArgs, SourcesArgs } from "../types/args";
import { ClaimType } from "../types/claim.type";
import { ClaimConnection, RelationshipConnection, SourceConnection } from "../types/connections";
import { EvidenceType, SourceType } from "../types/evidence.type";
import { RelationshipType } from "../types/relationship.type";

@Resolver(() => ClaimType)
export class ClaimResolver {
  @FieldResolver(() => RelationshipType, {
    nullable: true,
    description:
      "The relationship the claim is about, at the record time this answer reads (null while no claim about it is counted then).",
  })
  relationship(@Root() c: Claim, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Relationship | null> {
    return relationshipAt(ctx, info, c.relationshipId);
  }

  @FieldResolver(() => SourceType)
  source(@Root() c: Claim, @Ctx() ctx: Context) {
    return ctx.loaders.source.load(c.sourceId);
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: "The amount this source gives, as an interval." })
  amount(@Root() c: Claim): Money | null {
    return c.amount;
  }

  @FieldResolver(() => [EvidenceType], { description: "Quotes (or own-words statements) the claim rests on." })
  evidence(@Root() c: Claim, @Ctx() ctx: Context): Promise<Evidence[]> {
    return evidenceByIds(ctx, c.evidenceIds);
  }
}

@Resolver()
export class ClaimQueryResolver {
  @Query(() => ClaimConnection, {
    description: "Claims ordered by id: those counted at knownAt (now by default), optionally with withdrawn ones.",
  })
  claims(@Args(() => ClaimsArgs) args: ClaimsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return claimsPage(ctx, args, clockOf(ctx, info, args));
  }

  @Query(() => SourceConnection, { description: "The sources the graph's claims come from, ordered by id." })
  sources(@Args(() => SourcesArgs) args: SourcesArgs, @Ctx() ctx: Context) {
    return sourcesPage(ctx, args);
  }

  @Query(() => RelationshipConnection, {
    description:
      "Relationships whose claims disagree on the amount, as known at knownAt, ranked by how far apart the claims are (agreement.gap).",
  })
  conflicts(@Args(() => ConflictsArgs) args: ConflictsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return conflictsPage(ctx, args, clockOf(ctx, info, args));
  }
}
