import { ConnectionType } from "./connection.type";
import { ChangeType } from "./batch.type";
import { ClaimType } from "./claim.type";
import { CompanyType, ProductType } from "./company.type";
import { RelationshipDiffType } from "./diff.type";
import { SourceType } from "./evidence.type";
import {
  BuyRelationshipType,
  CompanyLinkType,
  PersonLinkType,
  ProductLinkType,
  RelationshipType,
} from "./relationship.type";

export const CompanyConnection = ConnectionType("Company", () => CompanyType);
export const ProductConnection = ConnectionType("Product", () => ProductType);
export const RelationshipConnection = ConnectionType("Relationship", () => RelationshipType);
export const BuyRelationshipConnection = ConnectionType("BuyRelationship", () => BuyRelationshipType);
export const CompanyLinkConnection = ConnectionType("CompanyLink", () => CompanyLinkType);
export const ProductLinkConnection = ConnectionType("ProductLink", () => ProductLinkType);
export const PersonLinkConnection = ConnectionType("PersonLink", () => PersonLinkType);
export const ChangeConnection = ConnectionType("Change", () => ChangeType);
export const ClaimConnection = ConnectionType("Claim", () => ClaimType);
export const SourceConnection = ConnectionType("Source", () => SourceType);
export const RelationshipDiffConnection = ConnectionType("RelationshipDiff", () => RelationshipDiffType);
