import type { ClassType, NonEmptyArray } from "type-graphql";
import { amountResolvers } from "./amount.resolver";
import { AnalyticsResolver } from "./analytics.resolver";
import { BatchResolver } from "./batch.resolver";
import { ClaimQueryResolver, ClaimResolver } from "./claim.resolver";
import { CompanyResolver } from "./company.resolver";
import { EvidenceResolver, MetricResolver, SourceResolver } from "./evidence.resolver";
import { GraphViewResolver } from "./graph-view.resolver";
import { PersonResolver, ProductResolver } from "./product.resolver";
import { QueryResolver } from "./query.resolver";
import {
  BuyRelationshipResolver,
  CompanyLinkResolver,
  FactResolver,
  PersonLinkResolver,
  ProductLinkResolver,
  RelationshipResolver,
} from "./relationship.resolver";
import { reportFieldResolvers } from "./report-fields.resolver";

export const resolvers: NonEmptyArray<ClassType> = [
  QueryResolver,
  CompanyResolver,
  ProductResolver,
  PersonResolver,
  FactResolver,
  RelationshipResolver,
  BuyRelationshipResolver,
  CompanyLinkResolver,
  ProductLinkResolver,
  PersonLinkResolver,
  EvidenceResolver,
  SourceResolver,
  ClaimResolver,
  ClaimQueryResolver,
  BatchResolver,
  MetricResolver,
  GraphViewResolver,
  AnalyticsResolver,
  ...amountResolvers,
  ...reportFieldResolvers,
];
