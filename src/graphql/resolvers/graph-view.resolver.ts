import type { GraphQLResolveInfo } from "graphql";
import { Arg, Directive, Ctx, ID, Info, Int, Query, Resolver } from "type-graphql";
import { ANALYTICS_HINT } from "../cache-hints";
import { LocalDateResolver } from "graphql-scalars";
import { buyerSupplierMatrix } from "../../analytics/buyer-supplier-matrix";
import { relationshipGraph } from "../../analytics/relationship-graph";
import { GRAPH_DEPTH, GRAPH_LIMIT, MATRIX_TOP, rangeText } from "../../domain/bounds";
import type { RelationshipKind, RelationshipStatus } from "../../domain/entities";
import type { Period } from "../../domain/money";
import { storeAt } from "../claim-reads";
import type { Context } from "../context";
import { requireId } from "../arguments";
import { PeriodEnum, RelationshipKindEnum, StatusEnum } from "../types/enums";
import { BuyerSupplierMatrixType, RelationshipGraphType } from "../types/graph-view.type";

@Resolver()
export class GraphViewResolver {
  @Directive(ANALYTICS_HINT)
  @Query(() => RelationshipGraphType, {
    description: `Nodes and edges around the centres, breadth-first, deduplicated, with stable ids. depth ${GRAPH_DEPTH.min}..${GRAPH_DEPTH.max}, limit (nodes) ${GRAPH_LIMIT.min}..${GRAPH_LIMIT.max}.`,
  })
  relationshipGraph(
    @Arg("centers", () => [ID]) centers: string[],
    @Arg("depth", () => Int, {
      nullable: true,
      defaultValue: GRAPH_DEPTH.default,
      description: "Hops from the centres.",
    })
    depth: number | null,
    @Arg("kinds", () => [RelationshipKindEnum], { nullable: true, description: "Only these kinds (all when omitted)." })
    kinds: RelationshipKind[] | null,
    @Arg("asOf", () => LocalDateResolver, { nullable: true, description: "Only relationships in force on this day." })
    asOf: string | null,
    @Arg("knownAt", () => LocalDateResolver, {
      nullable: true,
      description: "Record time: the graph as its claims stood that day (not withdrawn by then).",
    })
    knownAt: string | null,
    @Arg("limit", () => Int, {
      nullable: true,
      defaultValue: GRAPH_LIMIT.default,
      description: "At most this many nodes.",
    })
    limit: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relationshipGraph(storeAt(ctx, info, { asOf, knownAt }), {
      centers: centers.map((c) => requireId(c, "center")),
      depth,
      kinds,
      asOf,
      limit,
    });
  }

  @Directive(ANALYTICS_HINT)
  @Query(() => BuyerSupplierMatrixType, {
    description:
      "Who buys from whom among up to 100 companies (or the top ones by spend), with summed spend per pair and product; one-off totals apart.",
  })
  buyerSupplierMatrix(
    @Arg("companies", () => [ID], {
      nullable: true,
      description: "The companies of the matrix (each must exist); leave out to take the `top` ones by spend.",
    })
    companies: string[] | null,
    @Arg("top", () => Int, {
      nullable: true,
      description: `When no companies are named: the ones with the most yearly US$ spend through them, as buyer or supplier ${rangeText(MATRIX_TOP)}.`,
    })
    top: number | null,
    @Arg("product", () => ID, { nullable: true, description: "Only purchases of this product." })
    product: string | null,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("knownAt", () => LocalDateResolver, {
      nullable: true,
      description: "Record time: the graph as its claims stood that day (not withdrawn by then).",
    })
    knownAt: string | null,
    @Arg("period", () => PeriodEnum, {
      nullable: true,
      defaultValue: "MONTH",
      description: "Every amount is put on this period.",
    })
    period: Period | null,
    @Arg("status", () => [StatusEnum], {
      nullable: true,
      description: "Only relationships with one of these statuses (all when omitted).",
    })
    status: RelationshipStatus[] | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return buyerSupplierMatrix(storeAt(ctx, info, { asOf, knownAt }), {
      companies: (companies ?? []).map((c) => requireId(c, "company")),
      top,
      productId: product ? requireId(product, "product") : null,
      asOf,
      period,
      statuses: status,
    });
  }
}
