import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import { boundedInt, HUBS_FIRST, rangeText } from "../../domain/bounds";
import type { NodeKind } from "../../domain/entities";
import type { Context } from "../context";
import { pageRequest, relationshipFilter, requireId } from "../arguments";
import { companiesPage, nodeOfKind, relationshipAt, searchPage } from "../reads";
import { clockOf } from "../clock";
import { LocalDateResolver } from "graphql-scalars";
import { AnyRelationshipArgs, CompaniesArgs, PageArgs } from "../types/args";
import { CompanyType, PersonType, ProductType } from "../types/company.type";
import { toConnection } from "../types/connection.type";
import { CompanyConnection, ProductConnection, RelationshipConnection } from "../types/connections";
import { EntityType } from "../types/entity.type";
import { NodeKindEnum } from "../types/enums";
import { EvidenceType } from "../types/evidence.type";
import { RelationshipType } from "../types/relationship.type";
import { HubType, SearchConnectionType } from "../types/search.type";
import { StoreInfoType } from "../types/store-info.type";

@Resolver()
export class QueryResolver {
  @Query(() => CompanyType, {
    nullable: true,
    description: 'A company by id (a slug such as "microsoft"); null when unknown.',
  })
  company(@Arg("id", () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfKind(ctx, "Company", id, info);
  }

  @Query(() => CompanyConnection, { description: "Companies ordered by id, optionally filtered." })
  async companies(
    @Args(() => CompaniesArgs) args: CompaniesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const filter = { kind: args.kind ?? null, country: args.country ?? null };
    return toConnection(await companiesPage(ctx, info, filter, pageRequest(ctx, args)));
  }

  @Query(() => ProductType, { nullable: true })
  product(@Arg("id", () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfKind(ctx, "Product", id, info);
  }

  @Query(() => ProductConnection)
  async products(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.store.listProducts(pageRequest(ctx, args)));
  }

  @Query(() => PersonType, { nullable: true })
  person(@Arg("id", () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeOfKind(ctx, "Person", id, info);
  }

  @Query(() => EntityType, { nullable: true, description: "Any node by id." })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.node.load(requireId(id));
  }

  @Query(() => SearchConnectionType, {
    description: "Names and aliases, case- and accent-insensitive, best match first.",
  })
  search(
    @Arg("text", () => String) text: string,
    @Arg("kinds", () => [NodeKindEnum], { nullable: true, description: "Only these kinds of node (all when omitted)." })
    kinds: NodeKind[] | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return searchPage(ctx, text, kinds ?? [], args);
  }

  @Query(() => [HubType], {
    description: `The most connected nodes (companies by default), most relationships first: where to start looking at a graph. first ${rangeText(HUBS_FIRST)}.`,
  })
  hubs(
    @Arg("kinds", () => [NodeKindEnum], { defaultValue: ["Company"], description: "Only these kinds of node." })
    kinds: NodeKind[],
    @Arg("first", () => Int, { defaultValue: HUBS_FIRST.default }) first: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.store.mostConnected(kinds, boundedInt("first", first, HUBS_FIRST));
  }

  @Query(() => RelationshipType, {
    nullable: true,
    description:
      "A relationship by id, as known at knownAt (now by default): one withdrawn since is still shown at a record time before its withdrawal.",
  })
  relationship(
    @Arg("id", () => ID) id: string,
    @Arg("knownAt", () => LocalDateResolver, { nullable: true, description: "Record time (see Relationship.knownAt)." })
    knownAt: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relationshipAt(ctx, info, requireId(id), { knownAt });
  }

  @Query(() => RelationshipConnection, { description: "Relationships across the whole graph, ordered by id." })
  async relationships(
    @Args(() => AnyRelationshipArgs) args: AnyRelationshipArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const filter = relationshipFilter(args, null, "BOTH", clockOf(ctx, info, args));
    return toConnection(await ctx.store.listRelationships(filter, pageRequest(ctx, args)));
  }

  @Query(() => EvidenceType, { nullable: true })
  evidence(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.evidence.load(requireId(id));
  }

  @Query(() => StoreInfoType)
  async storeInfo(@Ctx() ctx: Context) {
    return { store: ctx.store.name, ...(await ctx.store.counts()) };
  }
}
