import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Evidence, Metric, Person, Product } from "../../domain/entities";
import type { Context } from "../context";
import { evidenceByIds, linksOf, relationshipFilter } from "../reads";
import { RelationshipArgs } from "../types/args";
import { PersonType, ProductType } from "../types/company.type";
import { CompanyLinkConnection, ProductLinkConnection } from "../types/connections";
import { EvidenceType } from "../types/evidence.type";
import { MetricType } from "../types/metric.type";

@Resolver(() => ProductType)
export class ProductResolver {
  @FieldResolver(() => CompanyLinkConnection, { description: "Companies that offer this product." })
  offeredBy(@Root() p: Product, @Args(() => RelationshipArgs) args: RelationshipArgs, @Ctx() ctx: Context) {
    return linksOf(ctx, p.id, relationshipFilter(args, ["OFFERS"], "IN"), args);
  }

  @FieldResolver(() => ProductLinkConnection, { description: "Products this one is built on (its upstream)." })
  builtOn(@Root() p: Product, @Args(() => RelationshipArgs) args: RelationshipArgs, @Ctx() ctx: Context) {
    return linksOf(ctx, p.id, relationshipFilter(args, ["BUILT_ON"], "OUT"), args);
  }

  @FieldResolver(() => ProductLinkConnection, { description: "Products built on this one (its downstream)." })
  usedIn(@Root() p: Product, @Args(() => RelationshipArgs) args: RelationshipArgs, @Ctx() ctx: Context) {
    return linksOf(ctx, p.id, relationshipFilter(args, ["BUILT_ON"], "IN"), args);
  }

  @FieldResolver(() => CompanyLinkConnection, { description: "Companies that use this product as a model." })
  usedBy(@Root() p: Product, @Args(() => RelationshipArgs) args: RelationshipArgs, @Ctx() ctx: Context) {
    return linksOf(ctx, p.id, relationshipFilter(args, ["USES_MODEL"], "IN"), args);
  }

  @FieldResolver(() => [MetricType])
  metrics(@Root() p: Product, @Ctx() ctx: Context): Promise<Metric[]> {
    return ctx.loaders.metrics.load(p.id);
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() p: Product, @Ctx() ctx: Context): Promise<Evidence[]> {
    return evidenceByIds(ctx, p.evidenceIds);
  }
}

@Resolver(() => PersonType)
export class PersonResolver {
  @FieldResolver(() => CompanyLinkConnection, { description: "Companies this person leads, with the role." })
  leads(@Root() p: Person, @Args(() => RelationshipArgs) args: RelationshipArgs, @Ctx() ctx: Context) {
    return linksOf(ctx, p.id, relationshipFilter(args, ["LEADS"], "OUT"), args);
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() p: Person, @Ctx() ctx: Context): Promise<Evidence[]> {
    return evidenceByIds(ctx, p.evidenceIds);
  }
}
