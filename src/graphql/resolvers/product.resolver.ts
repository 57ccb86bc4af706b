import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Evidence, Metric, Person, Product } from "../../domain/entities";
import type { Context } from "../context";
import { evidenceByIds, linksOf } from "../reads";
import { LIST_FIELDS } from "../list-fields";
import { RelationshipArgs } from "../types/args";
import { PersonType, ProductType } from "../types/company.type";
import { CompanyLinkConnection, ProductLinkConnection } from "../types/connections";
import { EvidenceType } from "../types/evidence.type";
import { MetricType } from "../types/metric.type";

@Resolver(() => ProductType)
export class ProductResolver {
  @FieldResolver(() => CompanyLinkConnection, { description: "Companies that offer this product." })
  offeredBy(
    @Root() p: Product,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, p, { spec: LIST_FIELDS.Product.offeredBy, info });
  }

  @FieldResolver(() => ProductLinkConnection, { description: "Products this one is built on (its upstream)." })
  builtOn(
    @Root() p: Product,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, p, { spec: LIST_FIELDS.Product.builtOn, info });
  }

  @FieldResolver(() => ProductLinkConnection, { description: "Products built on this one (its downstream)." })
  usedIn(
    @Root() p: Product,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, p, { spec: LIST_FIELDS.Product.usedIn, info });
  }

  @FieldResolver(() => CompanyLinkConnection, { description: "Companies that use this product as a model." })
  usedBy(
    @Root() p: Product,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, p, { spec: LIST_FIELDS.Product.usedBy, info });
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
  leads(
    @Root() p: Person,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, p, { spec: LIST_FIELDS.Person.leads, info });
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() p: Person, @Ctx() ctx: Context): Promise<Evidence[]> {
    return evidenceByIds(ctx, p.evidenceIds);
  }
}
