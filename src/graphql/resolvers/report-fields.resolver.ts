import type { GraphQLResolveInfo } from "graphql";
import { type ClassType, Ctx, FieldResolver, ID, Info, Resolver, Root } from "type-graphql";
import type {
  ChurnSimulation,
  ConcentrationReport,
  CustomerShare,
  FlowPath,
  FlowPathReport,
  PathHop,
  RevenueFlow,
  RiskPath,
  RiskPathReport,
} from "../../analytics";

import type { Context } from "../context";
import { evidenceByIds, nodeById, nodesByIds, relationshipAt, relationshipsAt } from "../reads";
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
  RiskPathReportType,
  RiskPathType,
  StatedShareType,
  StatedTotalType,
} from "../types/analytics.type";
import { CompanyType, ProductType } from "../types/company.type";
import { EntityType } from "../types/entity.type";
import { EvidenceType } from "../types/evidence.type";
import { RelationshipType } from "../types/relationship.type";

/*
 * Analytics reports hold ids; these resolvers turn them into nodes, relationships and evidence
 * through the request's loaders, so a report's nested fields batch like any other read.
 */

/** Every part of a report that cites evidence resolves it the same way. */
function evidenceResolver(target: ClassType, description?: string) {
  @Resolver(() => target)
  class EvidenceFieldResolver {
    @FieldResolver(() => [EvidenceType], { description })
    evidence(@Root() cited: { evidenceIds: readonly string[] }, @Ctx() ctx: Context) {
      return evidenceByIds(ctx, cited.evidenceIds);
    }
  }
  return EvidenceFieldResolver;
}

/** Reports about one company's revenue line resolve the company and the line's product alike. */
function lineReportResolver(target: ClassType) {
  @Resolver(() => target)
  class LineReportResolver {
    @FieldResolver(() => CompanyType)
    company(@Root() report: { companyId: string }, @Ctx() ctx: Context) {
      return nodeById(ctx, report.companyId);
    }

    @FieldResolver(() => ProductType, { nullable: true })
    product(@Root() report: { productId: string | null }, @Ctx() ctx: Context) {
      return nodeById(ctx, report.productId);
    }
  }
  return LineReportResolver;
}

/** Risk hops and money hops resolve their ends and relationship the same way. */
function hopResolver(target: ClassType) {
  @Resolver(() => target)
  class HopResolver {
    @FieldResolver(() => ID, { description: "Where the relationship's arrow starts." })
    fromId(@Root() hop: PathHop): string {
      return hop.from;
    }

    @FieldResolver(() => ID, { description: "Where the relationship's arrow ends." })
    toId(@Root() hop: PathHop): string {
      return hop.to;
    }

    @FieldResolver(() => EntityType, { description: "Where the relationship's arrow starts." })
    from(@Root() hop: PathHop, @Ctx() ctx: Context) {
      return nodeById(ctx, hop.from);
    }

    @FieldResolver(() => EntityType, { description: "Where the relationship's arrow ends." })
    to(@Root() hop: PathHop, @Ctx() ctx: Context) {
      return nodeById(ctx, hop.to);
    }

    @FieldResolver(() => RelationshipType)
    relationship(@Root() hop: PathHop, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return relationshipAt(ctx, info, hop.relationshipId);
    }
  }
  return HopResolver;
}

@Resolver(() => RevenueFlowType)
class RevenueFlowResolver {
  @FieldResolver(() => CompanyType, { description: "The counterparty; when rolled up, the top company of its group." })
  counterparty(@Root() flow: RevenueFlow, @Ctx() ctx: Context) {
    return nodeById(ctx, flow.counterpartyId);
  }

  @FieldResolver(() => [CompanyType], { description: "Companies of the group behind the flow." })
  members(@Root() flow: RevenueFlow, @Ctx() ctx: Context) {
    return nodesByIds(ctx, flow.memberIds);
  }

  @FieldResolver(() => [ProductType])
  products(@Root() flow: RevenueFlow, @Ctx() ctx: Context) {
    return nodesByIds(ctx, flow.productIds);
  }

  @FieldResolver(() => [RelationshipType], { description: "As known at the report's record time." })
  relationships(@Root() flow: RevenueFlow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return relationshipsAt(ctx, info, flow.relationshipIds);
  }
}

@Resolver(() => ConcentrationReportType)
class ConcentrationReportResolver {
  @FieldResolver(() => CompanyType, { nullable: true, description: "The customer ranked first by amount." })
  topCustomer(@Root() report: ConcentrationReport, @Ctx() ctx: Context) {
    return nodeById(ctx, report.topCustomerId);
  }
}

@Resolver(() => CustomerShareType)
class CustomerShareResolver {
  @FieldResolver(() => CompanyType)
  customer(@Root() share: CustomerShare, @Ctx() ctx: Context) {
    return nodeById(ctx, share.customerId);
  }

  @FieldResolver(() => [CompanyType])
  members(@Root() share: CustomerShare, @Ctx() ctx: Context) {
    return nodesByIds(ctx, share.memberIds);
  }
}

@Resolver(() => RiskPathType)
class RiskPathResolver {
  @FieldResolver(() => CompanyType)
  supplier(@Root() path: RiskPath, @Ctx() ctx: Context) {
    return nodeById(ctx, path.supplierId);
  }

  @FieldResolver(() => ProductType, { description: "The product of the revenue line at risk." })
  product(@Root() path: RiskPath, @Ctx() ctx: Context) {
    return nodeById(ctx, path.productId);
  }

  @FieldResolver(() => CompanyType, { nullable: true })
  customer(@Root() path: RiskPath, @Ctx() ctx: Context) {
    return nodeById(ctx, path.customerId);
  }

  @FieldResolver(() => [EntityType], { description: "The path's nodes in order." })
  nodes(@Root() path: RiskPath, @Ctx() ctx: Context) {
    return nodesByIds(ctx, path.nodeIds);
  }
}

@Resolver(() => RiskPathReportType)
class RiskPathReportResolver {
  @FieldResolver(() => CompanyType)
  company(@Root() report: RiskPathReport, @Ctx() ctx: Context) {
    return nodeById(ctx, report.companyId);
  }
}

@Resolver(() => FlowPathType)
class FlowPathResolver {
  @FieldResolver(() => [EntityType])
  nodes(@Root() path: FlowPath, @Ctx() ctx: Context) {
    return nodesByIds(ctx, path.nodeIds);
  }
}

@Resolver(() => FlowPathReportType)
class FlowPathReportResolver {
  @FieldResolver(() => CompanyType)
  from(@Root() report: FlowPathReport, @Ctx() ctx: Context) {
    return nodeById(ctx, report.fromId);
  }

  @FieldResolver(() => CompanyType)
  to(@Root() report: FlowPathReport, @Ctx() ctx: Context) {
    return nodeById(ctx, report.toId);
  }
}

@Resolver(() => ChurnSimulationType)
class ChurnSimulationResolver {
  @FieldResolver(() => [CompanyType])
  lostCustomers(@Root() simulation: ChurnSimulation, @Ctx() ctx: Context) {
    return nodesByIds(ctx, simulation.lostCustomerIds);
  }
}

/** Every resolver of report fields, for the schema. */
export const reportFieldResolvers = [
  lineReportResolver(RevenueFlowReportType),
  lineReportResolver(ConcentrationReportType),
  lineReportResolver(ChurnSimulationType),
  RevenueFlowResolver,
  ConcentrationReportResolver,
  CustomerShareResolver,
  RiskPathResolver,
  RiskPathReportResolver,
  FlowPathResolver,
  FlowPathReportResolver,
  ChurnSimulationResolver,
  hopResolver(RiskHopType),
  hopResolver(FlowHopType),
  evidenceResolver(RevenueFlowType, "Evidence of the relationships and of the stated share."),
  evidenceResolver(StatedShareType),
  evidenceResolver(StatedTotalType),
  evidenceResolver(CustomerShareType),
  evidenceResolver(RiskPathType, "Evidence of every hop, context included."),
  evidenceResolver(FlowPathType),
  evidenceResolver(RiskHopType),
  evidenceResolver(FlowHopType),
] as const;
