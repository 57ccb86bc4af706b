import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Company, Evidence, Metric } from "../../domain/entities";
import type { Context } from "../context";
import { evidenceByIds, linksOf, parentOf, relationshipsOf, ultimateParentOf } from "../reads";
import { LIST_FIELDS } from "../list-fields";
import { AnyRelationshipArgs, ClockArgsType, RelationshipArgs } from "../types/args";
import { clockOf } from "../clock";
import { CompanyType } from "../types/company.type";
import {
  BuyRelationshipConnection,
  CompanyLinkConnection,
  PersonLinkConnection,
  ProductLinkConnection,
  RelationshipConnection,
} from "../types/connections";
import { DirectionEnum } from "../types/enums";
import { EvidenceType } from "../types/evidence.type";
import { MetricType } from "../types/metric.type";
import type { Direction } from "../../store/graph-store";

/*
 * Lists declare their arguments for the schema (type-graphql checks them); what they mean is
 * translated once, by the plan the list reads its page from (see graphql/plan/).
 */
@Resolver(() => CompanyType)
export class CompanyResolver {
  @FieldResolver(() => BuyRelationshipConnection, { description: "Who buys from this company (money flows in)." })
  customers(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relationshipsOf(ctx, c, { spec: LIST_FIELDS.Company.customers, info });
  }

  @FieldResolver(() => BuyRelationshipConnection, { description: "Who this company buys from (money flows out)." })
  suppliers(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relationshipsOf(ctx, c, { spec: LIST_FIELDS.Company.suppliers, info });
  }

  @FieldResolver(() => CompanyType, {
    nullable: true,
    description: "The parent company on asOf: the owner in force that day (a planned or former owner is not a parent).",
  })
  parent(
    @Root() c: Company,
    @Args(() => ClockArgsType) clock: ClockArgsType,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return parentOf(ctx, c.id, clockOf(ctx, info, clock));
  }

  @FieldResolver(() => CompanyType, {
    description:
      "The top of the corporate group on asOf, following parents as `parent` defines them (the company itself when it has none).",
  })
  ultimateParent(
    @Root() c: Company,
    @Args(() => ClockArgsType) clock: ClockArgsType,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ultimateParentOf(ctx, c.id, clockOf(ctx, info, clock));
  }

  @FieldResolver(() => CompanyLinkConnection)
  subsidiaries(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, c, { spec: LIST_FIELDS.Company.subsidiaries, info });
  }

  @FieldResolver(() => CompanyLinkConnection, {
    description: "Competitors, whichever side the relationship was recorded on.",
  })
  competitors(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, c, { spec: LIST_FIELDS.Company.competitors, info });
  }

  @FieldResolver(() => CompanyLinkConnection)
  partners(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, c, { spec: LIST_FIELDS.Company.partners, info });
  }

  @FieldResolver(() => ProductLinkConnection, { description: "Products this company offers." })
  products(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, c, { spec: LIST_FIELDS.Company.products, info });
  }

  @FieldResolver(() => ProductLinkConnection, { description: "Products (models) this company uses, and for what." })
  modelsUsed(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, c, { spec: LIST_FIELDS.Company.modelsUsed, info });
  }

  @FieldResolver(() => PersonLinkConnection, { description: "People who lead this company, with their role." })
  people(
    @Root() c: Company,
    @Args(() => RelationshipArgs) _args: RelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return linksOf(ctx, c, { spec: LIST_FIELDS.Company.people, info });
  }

  @FieldResolver(() => RelationshipConnection, { description: "Every relationship of this company, filtered." })
  relationships(
    @Root() c: Company,
    @Args(() => AnyRelationshipArgs) _args: AnyRelationshipArgs,
    @Arg("direction", () => DirectionEnum, { defaultValue: "BOTH" }) direction: Direction,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relationshipsOf(ctx, c, { spec: { kinds: null, direction }, info });
  }

  @FieldResolver(() => [MetricType], { description: "Figures and events about this company." })
  metrics(@Root() c: Company, @Ctx() ctx: Context): Promise<Metric[]> {
    return ctx.loaders.metrics.load(c.id);
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() c: Company, @Ctx() ctx: Context): Promise<Evidence[]> {
    return evidenceByIds(ctx, c.evidenceIds);
  }
}
