import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { ClassType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import {
  type ChurnSimulation,
  type ConcentrationReport,
  competitiveRiskPaths,
  customerConcentration,
  type CustomerShare,
  type FlowPath,
  type FlowPathReport,
  flowPaths,
  type PathHop,
  type RevenueFlow,
  type RevenueFlowReport,
  revenueFlows,
  type RiskPath,
  type RiskPathKind,
  type RiskPathReport,
  simulateChurn,
  type StatedShare,
  type StatedTotal,
} from "../../analytics";
import type { Evidence, GraphNode, Relationship } from "../../domain/entities";
import type { Period } from "../../domain/money";
import { DEFAULT_SHARE_THRESHOLD, PATH_DEPTH, PATH_FIRST, rangeText } from "../../domain/bounds";
import type { Direction } from "../../store/graph-store";
import type { Context } from "../context";
import { loadPresent, requireId } from "../reads";
import {
  ChurnSimulationType,
  ConcentrationReportType,
  CustomerShareType,
  FlowHopType,
  FlowPathReportType,
  FlowPathType,
  RevenueFlowReportType,
  RevenueFlowType,
  RiskHopType,
  RiskPathKindEnum,
  RiskPathReportType,
  RiskPathType,
  StatedShareType,
  StatedTotalType,
} from "../types/analytics.type";
import { CompanyType, ProductType } from "../types/company.type";
import { EntityType } from "../types/entity.type";
import { DirectionEnum, PeriodEnum } from "../types/enums";
import { EvidenceType } from "../types/evidence.type";
import { RelationshipType } from "../types/relationship.type";

const optionalId = (id: string | null | undefined, what: string) => (id ? requireId(id, what) : null);

function node(ctx: Context, id: string | null): Promise<GraphNode | null> | null {
  return id === null ? null : ctx.loaders.node.load(id);
}

function nodes(ctx: Context, ids: readonly string[]): Promise<GraphNode[]> {
  return loadPresent(ctx.loaders.node, ids);
}

function evidence(ctx: Context, ids: readonly string[]): Promise<Evidence[]> {
  return loadPresent(ctx.loaders.evidence, ids);
}

@Resolver()
export class AnalyticsResolver {
  @Query(() => RevenueFlowReportType, {
    description:
      "Money into (IN) or out of (OUT) a company, per counterparty or corporate group, with stated and computed shares.",
  })
  revenueFlows(
    @Arg("company", () => ID) company: string,
    @Arg("product", () => ID, { nullable: true }) product: string | null,
    @Arg("direction", () => DirectionEnum, { defaultValue: "IN", description: "IN or OUT." }) direction: Direction,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("rollUpGroups", () => Boolean, { defaultValue: false, description: "Sum counterparties by ultimate parent." })
    rollUpGroups: boolean,
    @Arg("period", () => PeriodEnum, { defaultValue: "MONTH", description: "What every amount is re-expressed per." })
    period: Period,
    @Ctx() ctx: Context,
  ): Promise<RevenueFlowReport> {
    return revenueFlows(ctx.store, {
      companyId: requireId(company, "company"),
      productId: optionalId(product, "product"),
      direction: direction as "IN" | "OUT",
      asOf,
      rollUpGroups,
      period,
    });
  }

  @Query(() => ConcentrationReportType, {
    description: "Top-customer share, HHI and coverage of a supplier's line, with intervals.",
  })
  customerConcentration(
    @Arg("company", () => ID) company: string,
    @Arg("product", () => ID, { nullable: true }) product: string | null,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("threshold", () => Float, {
      defaultValue: DEFAULT_SHARE_THRESHOLD,
      description: "Customer share (0..1] above which a customer is flagged.",
    })
    threshold: number,
    @Arg("rollUpGroups", () => Boolean, { defaultValue: false }) rollUpGroups: boolean,
    @Ctx() ctx: Context,
  ): Promise<ConcentrationReport> {
    return customerConcentration(ctx.store, {
      companyId: requireId(company, "company"),
      productId: optionalId(product, "product"),
      asOf,
      threshold,
      rollUpGroups,
    });
  }

  @Query(() => RiskPathReportType, {
    description: "Ranked chains of relationships that put a supplier's revenue at risk, explained.",
  })
  competitiveRiskPaths(
    @Arg("company", () => ID) company: string,
    @Arg("kinds", () => [RiskPathKindEnum], { nullable: true, description: "Only these kinds (all when omitted)." })
    kinds: RiskPathKind[] | null,
    @Arg("maxDepth", () => Int, {
      defaultValue: PATH_DEPTH.default,
      description: `Longest path, in relationships ${rangeText(PATH_DEPTH)}.`,
    })
    maxDepth: number,
    @Arg("first", () => Int, {
      defaultValue: PATH_FIRST.default,
      description: `How many paths to return ${rangeText(PATH_FIRST)}.`,
    })
    first: number,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("threshold", () => Float, {
      defaultValue: DEFAULT_SHARE_THRESHOLD,
      description: "Customer share above which concentration is a risk.",
    })
    threshold: number,
    @Ctx() ctx: Context,
  ): Promise<RiskPathReport> {
    return competitiveRiskPaths(ctx.store, {
      companyId: requireId(company, "company"),
      kinds,
      maxDepth,
      first,
      asOf,
      threshold,
    });
  }

  @Query(() => FlowPathReportType, { description: "Multi-hop paths money flows along, from one company to another." })
  flowPaths(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxDepth", () => Int, {
      defaultValue: PATH_DEPTH.default,
      description: `Longest path, in relationships ${rangeText(PATH_DEPTH)}.`,
    })
    maxDepth: number,
    @Arg("first", () => Int, {
      defaultValue: PATH_FIRST.default,
      description: `How many paths to return ${rangeText(PATH_FIRST)}.`,
    })
    first: number,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<FlowPathReport> {
    return flowPaths(ctx.store, { fromId: requireId(from, "from"), toId: requireId(to, "to"), maxDepth, first, asOf });
  }

  @Query(() => ChurnSimulationType, {
    description: "A supplier's line and concentration if the given customers leave.",
  })
  simulateChurn(
    @Arg("company", () => ID) company: string,
    @Arg("lostCustomers", () => [ID]) lostCustomers: string[],
    @Arg("product", () => ID, { nullable: true }) product: string | null,
    @Arg("asOf", () => LocalDateResolver, { nullable: true }) asOf: string | null,
    @Arg("rollUpGroups", () => Boolean, {
      defaultValue: false,
      description: "A group's company stands for itself and its subsidiaries.",
    })
    rollUpGroups: boolean,
    @Ctx() ctx: Context,
  ): Promise<ChurnSimulation> {
    return simulateChurn(ctx.store, {
      companyId: requireId(company, "company"),
      lostCustomerIds: lostCustomers.map((id) => requireId(id, "lostCustomers")),
      productId: optionalId(product, "product"),
      asOf,
      rollUpGroups,
    });
  }
}

@Resolver(() => RevenueFlowReportType)
export class RevenueFlowReportResolver {
  @FieldResolver(() => CompanyType)
  company(@Root() r: RevenueFlowReport, @Ctx() ctx: Context) {
    return node(ctx, r.companyId);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() r: RevenueFlowReport, @Ctx() ctx: Context) {
    return node(ctx, r.productId);
  }
}

@Resolver(() => RevenueFlowType)
export class RevenueFlowResolver {
  @FieldResolver(() => CompanyType, { description: "The counterparty; when rolled up, the top company of its group." })
  counterparty(@Root() f: RevenueFlow, @Ctx() ctx: Context) {
    return node(ctx, f.counterpartyId);
  }

  @FieldResolver(() => [CompanyType], { description: "Companies of the group behind the flow." })
  members(@Root() f: RevenueFlow, @Ctx() ctx: Context) {
    return nodes(ctx, f.memberIds);
  }

  @FieldResolver(() => [ProductType])
  products(@Root() f: RevenueFlow, @Ctx() ctx: Context) {
    return nodes(ctx, f.productIds);
  }

  @FieldResolver(() => [RelationshipType])
  relationships(@Root() f: RevenueFlow, @Ctx() ctx: Context): Promise<Relationship[]> {
    return loadPresent(ctx.loaders.relationship, f.relationshipIds);
  }

  @FieldResolver(() => [EvidenceType], { description: "Evidence of the relationships and of the stated share." })
  evidence(@Root() f: RevenueFlow, @Ctx() ctx: Context) {
    return evidence(ctx, f.evidenceIds);
  }
}

@Resolver(() => StatedShareType)
export class StatedShareResolver {
  @FieldResolver(() => [EvidenceType])
  evidence(@Root() s: StatedShare, @Ctx() ctx: Context) {
    return evidence(ctx, s.evidenceIds);
  }
}

@Resolver(() => StatedTotalType)
export class StatedTotalResolver {
  @FieldResolver(() => [EvidenceType])
  evidence(@Root() s: StatedTotal, @Ctx() ctx: Context) {
    return evidence(ctx, s.evidenceIds);
  }
}

@Resolver(() => ConcentrationReportType)
export class ConcentrationReportResolver {
  @FieldResolver(() => CompanyType)
  company(@Root() r: ConcentrationReport, @Ctx() ctx: Context) {
    return node(ctx, r.companyId);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() r: ConcentrationReport, @Ctx() ctx: Context) {
    return node(ctx, r.productId);
  }

  @FieldResolver(() => CompanyType, { nullable: true, description: "The customer ranked first by amount." })
  topCustomer(@Root() r: ConcentrationReport, @Ctx() ctx: Context) {
    return node(ctx, r.topCustomerId);
  }
}

@Resolver(() => CustomerShareType)
export class CustomerShareResolver {
  @FieldResolver(() => CompanyType)
  customer(@Root() c: CustomerShare, @Ctx() ctx: Context) {
    return node(ctx, c.customerId);
  }

  @FieldResolver(() => [CompanyType])
  members(@Root() c: CustomerShare, @Ctx() ctx: Context) {
    return nodes(ctx, c.memberIds);
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() c: CustomerShare, @Ctx() ctx: Context) {
    return evidence(ctx, c.evidenceIds);
  }
}

/** Risk hops and money hops resolve their ends, relationship and evidence the same way. */
function hopResolver(target: ClassType) {
  @Resolver(() => target)
  class HopResolver {
    @FieldResolver(() => ID, { description: "Where the relationship's arrow starts." })
    fromId(@Root() h: PathHop): string {
      return h.from;
    }

    @FieldResolver(() => ID, { description: "Where the relationship's arrow ends." })
    toId(@Root() h: PathHop): string {
      return h.to;
    }

    @FieldResolver(() => EntityType, { description: "Where the relationship's arrow starts." })
    from(@Root() h: PathHop, @Ctx() ctx: Context) {
      return node(ctx, h.from);
    }

    @FieldResolver(() => EntityType, { description: "Where the relationship's arrow ends." })
    to(@Root() h: PathHop, @Ctx() ctx: Context) {
      return node(ctx, h.to);
    }

    @FieldResolver(() => RelationshipType)
    relationship(@Root() h: PathHop, @Ctx() ctx: Context) {
      return ctx.loaders.relationship.load(h.relationshipId);
    }

    @FieldResolver(() => [EvidenceType])
    evidence(@Root() h: PathHop, @Ctx() ctx: Context) {
      return evidence(ctx, h.evidenceIds);
    }
  }
  return HopResolver;
}

export const RiskHopResolver = hopResolver(RiskHopType);
export const FlowHopResolver = hopResolver(FlowHopType);

@Resolver(() => RiskPathType)
export class RiskPathResolver {
  @FieldResolver(() => CompanyType)
  supplier(@Root() p: RiskPath, @Ctx() ctx: Context) {
    return node(ctx, p.supplierId);
  }

  @FieldResolver(() => ProductType, { description: "The product of the revenue line at risk." })
  product(@Root() p: RiskPath, @Ctx() ctx: Context) {
    return node(ctx, p.productId);
  }

  @FieldResolver(() => CompanyType, { nullable: true })
  customer(@Root() p: RiskPath, @Ctx() ctx: Context) {
    return node(ctx, p.customerId);
  }

  @FieldResolver(() => [EntityType], { description: "The path's nodes in order." })
  nodes(@Root() p: RiskPath, @Ctx() ctx: Context) {
    return nodes(ctx, p.nodeIds);
  }

  @FieldResolver(() => [EvidenceType], { description: "Evidence of every hop, context included." })
  evidence(@Root() p: RiskPath, @Ctx() ctx: Context) {
    return evidence(ctx, p.evidenceIds);
  }
}

@Resolver(() => RiskPathReportType)
export class RiskPathReportResolver {
  @FieldResolver(() => CompanyType)
  company(@Root() r: RiskPathReport, @Ctx() ctx: Context) {
    return node(ctx, r.companyId);
  }
}

@Resolver(() => FlowPathType)
export class FlowPathResolver {
  @FieldResolver(() => [EntityType])
  nodes(@Root() p: FlowPath, @Ctx() ctx: Context) {
    return nodes(ctx, p.nodeIds);
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() p: FlowPath, @Ctx() ctx: Context) {
    return evidence(ctx, p.evidenceIds);
  }
}

@Resolver(() => FlowPathReportType)
export class FlowPathReportResolver {
  @FieldResolver(() => CompanyType)
  from(@Root() r: FlowPathReport, @Ctx() ctx: Context) {
    return node(ctx, r.fromId);
  }

  @FieldResolver(() => CompanyType)
  to(@Root() r: FlowPathReport, @Ctx() ctx: Context) {
    return node(ctx, r.toId);
  }
}

@Resolver(() => ChurnSimulationType)
export class ChurnSimulationResolver {
  @FieldResolver(() => CompanyType)
  company(@Root() c: ChurnSimulation, @Ctx() ctx: Context) {
    return node(ctx, c.companyId);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() c: ChurnSimulation, @Ctx() ctx: Context) {
    return node(ctx, c.productId);
  }

  @FieldResolver(() => [CompanyType])
  lostCustomers(@Root() c: ChurnSimulation, @Ctx() ctx: Context) {
    return nodes(ctx, c.lostCustomerIds);
  }
}
