import type { GraphQLResolveInfo } from "graphql";
import { Arg, Directive, Args, Ctx, Float, ID, Info, Query, Resolver } from "type-graphql";
import { ANALYTICS_HINT } from "../cache-hints";
import { LocalDateResolver } from "graphql-scalars";
import {
  type ChurnSimulation,
  type ConcentrationReport,
  competitiveRiskPaths,
  customerConcentration,
  type FlowPathReport,
  flowPaths,
  type RevenueFlowReport,
  revenueFlows,
  type RiskPathKind,
  type RiskPathReport,
  simulateChurn,
} from "../../analytics";
import type { Period } from "../../domain/money";
import { DEFAULT_SHARE_THRESHOLD } from "../../domain/bounds";
import type { Direction } from "../../store/graph-store";
import { storeAt } from "../claim-reads";
import type { Context } from "../context";
import { requireId } from "../arguments";
import {
  ChurnSimulationType,
  ConcentrationReportType,
  FlowPathReportType,
  RevenueFlowReportType,
  RiskPathKindEnum,
  RiskPathReportType,
} from "../types/analytics.type";
import { DirectionEnum, PeriodEnum } from "../types/enums";
import { PathSearchArgs } from "../types/args";

const KNOWN_AT = "Record time: answer from the claims the graph held that day (not withdrawn by then).";

const optionalId = (id: string | null | undefined, what: string) => (id ? requireId(id, what) : null);

@Resolver()
export class AnalyticsResolver {
  @Directive(ANALYTICS_HINT)
  @Query(() => RevenueFlowReportType, {
    description:
      "Money into (IN) or out of (OUT) a company, per counterparty or corporate group, with stated and computed shares.",
  })
  revenueFlows(
    @Arg("company", () => ID) company: string,
    @Arg("product", () => ID, { nullable: true }) product: string | null,
    @Arg("direction", () => DirectionEnum, { defaultValue: "IN", description: "IN or OUT." }) direction: Direction,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("knownAt", () => LocalDateResolver, { nullable: true, description: KNOWN_AT })
    knownAt: string | null,
    @Arg("rollUpGroups", () => Boolean, { defaultValue: false, description: "Sum counterparties by ultimate parent." })
    rollUpGroups: boolean,
    @Arg("period", () => PeriodEnum, { defaultValue: "MONTH", description: "What every amount is re-expressed per." })
    period: Period,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RevenueFlowReport> {
    return revenueFlows(storeAt(ctx, info, { asOf, knownAt }), {
      companyId: requireId(company, "company"),
      productId: optionalId(product, "product"),
      direction: direction as "IN" | "OUT",
      asOf,
      rollUpGroups,
      period,
    });
  }

  @Directive(ANALYTICS_HINT)
  @Query(() => ConcentrationReportType, {
    description: "Top-customer share, HHI and coverage of a supplier's line, with intervals.",
  })
  customerConcentration(
    @Arg("company", () => ID) company: string,
    @Arg("product", () => ID, { nullable: true }) product: string | null,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("knownAt", () => LocalDateResolver, { nullable: true, description: KNOWN_AT })
    knownAt: string | null,
    @Arg("threshold", () => Float, {
      defaultValue: DEFAULT_SHARE_THRESHOLD,
      description: "Customer share (0..1] above which a customer is flagged.",
    })
    threshold: number,
    @Arg("rollUpGroups", () => Boolean, { defaultValue: false }) rollUpGroups: boolean,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConcentrationReport> {
    return customerConcentration(storeAt(ctx, info, { asOf, knownAt }), {
      companyId: requireId(company, "company"),
      productId: optionalId(product, "product"),
      asOf,
      threshold,
      rollUpGroups,
    });
  }

  @Directive(ANALYTICS_HINT)
  @Query(() => RiskPathReportType, {
    description: "Ranked chains of relationships that put a supplier's revenue at risk, explained.",
  })
  competitiveRiskPaths(
    @Arg("company", () => ID) company: string,
    @Arg("kinds", () => [RiskPathKindEnum], { nullable: true, description: "Only these kinds (all when omitted)." })
    kinds: RiskPathKind[] | null,
    @Args(() => PathSearchArgs) search: PathSearchArgs,
    @Arg("threshold", () => Float, {
      defaultValue: DEFAULT_SHARE_THRESHOLD,
      description: "Customer share above which concentration is a risk.",
    })
    threshold: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RiskPathReport> {
    const { knownAt, ...bounds } = search;
    return competitiveRiskPaths(storeAt(ctx, info, { asOf: bounds.asOf, knownAt }), {
      companyId: requireId(company, "company"),
      kinds,
      ...bounds,
      threshold,
    });
  }

  @Directive(ANALYTICS_HINT)
  @Query(() => FlowPathReportType, { description: "Multi-hop paths money flows along, from one company to another." })
  flowPaths(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Args(() => PathSearchArgs) search: PathSearchArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FlowPathReport> {
    const { knownAt, ...bounds } = search;
    return flowPaths(storeAt(ctx, info, { asOf: bounds.asOf, knownAt }), {
      fromId: requireId(from, "from"),
      toId: requireId(to, "to"),
      ...bounds,
    });
  }

  @Directive(ANALYTICS_HINT)
  @Query(() => ChurnSimulationType, {
    description: "A supplier's line and concentration if the given customers leave.",
  })
  simulateChurn(
    @Arg("company", () => ID) company: string,
    @Arg("lostCustomers", () => [ID]) lostCustomers: string[],
    @Arg("product", () => ID, { nullable: true }) product: string | null,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("knownAt", () => LocalDateResolver, { nullable: true, description: KNOWN_AT })
    knownAt: string | null,
    @Arg("rollUpGroups", () => Boolean, {
      defaultValue: false,
      description: "A group's company stands for itself and its subsidiaries.",
    })
    rollUpGroups: boolean,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ChurnSimulation> {
    return simulateChurn(storeAt(ctx, info, { asOf, knownAt }), {
      companyId: requireId(company, "company"),
      lostCustomerIds: lostCustomers.map((id) => requireId(id, "lostCustomers")),
      productId: optionalId(product, "product"),
      asOf,
      rollUpGroups,
    });
  }
}
