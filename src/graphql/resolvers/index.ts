import type { ClassType, NonEmptyArray } from "type-graphql";
import { MoneyResolver, QuantityResolver, ShareResolver } from "./amount.resolver";
import { CompanyResolver } from "./company.resolver";
import { EvidenceResolver, MetricResolver } from "./evidence.resolver";
import { PersonResolver, ProductResolver } from "./product.resolver";
import { QueryResolver } from "./query.resolver";
import {
  BuyRelationshipResolver,
  CompanyLinkResolver,
  PersonLinkResolver,
  ProductLinkResolver,
  RelationshipResolver,
} from "./relationship.resolver";
import { GraphViewResolver } from "./graph-view.resolver";
import {
  AnalyticsResolver,
  ChurnSimulationResolver,
  ConcentrationReportResolver,
  CustomerShareResolver,
  FlowHopResolver,
  FlowPathReportResolver,
  FlowPathResolver,
  RevenueFlowReportResolver,
  RevenueFlowResolver,
  RiskHopResolver,
  RiskPathReportResolver,
  RiskPathResolver,
  StatedShareResolver,
  StatedTotalResolver,
} from "./analytics.resolver";

export const resolvers: NonEmptyArray<ClassType> = [
  QueryResolver,
  CompanyResolver,
  ProductResolver,
  PersonResolver,
  RelationshipResolver,
  BuyRelationshipResolver,
  CompanyLinkResolver,
  ProductLinkResolver,
  PersonLinkResolver,
  EvidenceResolver,
  MetricResolver,
  MoneyResolver,
  ShareResolver,
  QuantityResolver,
  GraphViewResolver,
  AnalyticsResolver,
  RevenueFlowReportResolver,
  RevenueFlowResolver,
  StatedShareResolver,
  StatedTotalResolver,
  ConcentrationReportResolver,
  CustomerShareResolver,
  RiskHopResolver,
  FlowHopResolver,
  RiskPathResolver,
  RiskPathReportResolver,
  FlowPathResolver,
  FlowPathReportResolver,
  ChurnSimulationResolver,
];
