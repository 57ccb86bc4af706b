import type { ClassType, NonEmptyArray } from "type-graphql";
import { amountResolvers } from "./amount.resolver";
import { AnalyticsResolver } from "./analytics.resolver";
import { BatchResolver } from "./batch.resolver";
import { ClaimQueryResolver, ClaimResolver } from "./claim.resolver";
import { CompanyResolver } from "./company.resolver";
import { DiffResolver } from "./diff.resolver";
import { DerivationResolver, EvidenceResolver, MetricResolver, SourceResolver } from "./evidence.resolver";
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
  AgreementResolver,
} from "./relationship.resolver";
import { reportFieldResolvers } from "./report-fields.resolver";
import { ChangeSubscriptionResolver } from "./subscription.resolver";

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
  DerivationResolver,
  AgreementResolver,
  ClaimResolver,
  ClaimQueryResolver,
  BatchResolver,
  ChangeSubscriptionResolver,
  MetricResolver,
  GraphViewResolver,
  AnalyticsResolver,
  DiffResolver,
  ...amountResolvers,
  ...reportFieldResolvers,
];
