import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { DateSpan, Evidence, RelationshipStatus } from "../../domain/entities";
import type { Money } from "../../domain/money";
import { partOf, type RelationshipRow } from "../../domain/relationship-parts";
import { claimsOfRelationship, evidenceOf, fusionOf, periodsOf } from "../claim-reads";
import type { EvidenceEntry } from "../../domain/evidence-entries";
import type { OriginVoice } from "../../domain/fusion";
import type { Context } from "../context";
import { ClaimListArgs } from "../types/args";
import { AgreementType, ClaimVerdictType, EvidenceEntryType, OriginVoiceType } from "../types/claim.type";
import { ClaimConnection } from "../types/connections";
import { endOf, type Link, nodeAt, nodeById } from "../reads";
import { MoneyType } from "../types/amount.type";
import { CompanyType, PersonType, ProductType } from "../types/company.type";
import { EntityType } from "../types/entity.type";
import { DateSpanType, EvidenceType } from "../types/evidence.type";
import {
  BuyRelationshipType,
  CompanyLinkType,
  FactType,
  PersonLinkType,
  ProductLinkType,
  RelationshipType,
} from "../types/relationship.type";

/** Fields every view of an edge answers the same way, from its claims. */
@Resolver(() => FactType)
export class FactResolver {
  @FieldResolver(() => AgreementType, {
    description: "How the claims behind it agree, and the amount they reconcile to.",
  })
  agreement(@Root() r: RelationshipRow): ServedAgreement {
    return agreementOf(r);
  }

  @FieldResolver(() => ClaimConnection, { description: "What each source says about it, ordered by claim id." })
  claims(@Root() r: RelationshipRow, @Args(() => ClaimListArgs) args: ClaimListArgs, @Ctx() ctx: Context) {
    return claimsOfRelationship(ctx, r, args);
  }

  @FieldResolver(() => [EvidenceEntryType], {
    description:
      "Its evidence, each piece once (the same record, or the same sentence from one source), with the claims citing it.",
  })
  evidenceEntries(@Root() r: RelationshipRow, @Ctx() ctx: Context): Promise<EvidenceEntry[]> {
    return evidenceOf(ctx, r);
  }

  @FieldResolver(() => [DateSpanType], {
    description: "The times its sources speak of (the claims' refersTo), each once, earliest first.",
  })
  periods(@Root() r: RelationshipRow, @Ctx() ctx: Context): Promise<DateSpan[]> {
    return periodsOf(ctx, r);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether a source says when it began. When not, it counts as in force on any day before its end (asOf), start unknown.",
  })
  startKnown(@Root() r: RelationshipRow): boolean {
    return partOf(r, "validFrom") !== null;
  }

  /*
   * The parts a list may leave out are served through partOf, never read off the row by GraphQL's
   * default resolver: a part the plan did not read fails the field instead of answering null.
   */

  @FieldResolver()
  status(@Root() r: RelationshipRow): RelationshipStatus {
    return partOf(r, "status");
  }

  @FieldResolver()
  validFrom(@Root() r: RelationshipRow): string | null {
    return partOf(r, "validFrom");
  }

  @FieldResolver()
  validTo(@Root() r: RelationshipRow): string | null {
    return partOf(r, "validTo");
  }

  @FieldResolver()
  firstReported(@Root() r: RelationshipRow): string | null {
    return partOf(r, "firstReported");
  }

  @FieldResolver()
  lastReported(@Root() r: RelationshipRow): string | null {
    return partOf(r, "lastReported");
  }

  @FieldResolver()
  confidence(@Root() r: RelationshipRow): number {
    return partOf(r, "confidence");
  }

  @FieldResolver()
  note(@Root() r: RelationshipRow): string | null {
    return partOf(r, "note");
  }
}

@Resolver(() => RelationshipType)
export class RelationshipResolver {
  @FieldResolver(() => EntityType, { description: "Where the arrow starts." })
  from(@Root() r: RelationshipRow, @Ctx() ctx: Context) {
    return nodeById(ctx, r.from);
  }

  @FieldResolver(() => EntityType, { description: "Where the arrow ends." })
  to(@Root() r: RelationshipRow, @Ctx() ctx: Context) {
    return nodeById(ctx, r.to);
  }

  @FieldResolver(() => ProductType, { nullable: true, description: "The product the relationship is about, if any." })
  product(@Root() r: RelationshipRow, @Ctx() ctx: Context) {
    return nodeById(ctx, partOf(r, "productId"));
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: "Spend, investment or revenue share, when known." })
  amount(@Root() r: RelationshipRow): Money | null {
    return partOf(r, "amount");
  }

  @FieldResolver()
  market(@Root() r: RelationshipRow): string | null {
    return partOf(r, "market");
  }

  @FieldResolver()
  role(@Root() r: RelationshipRow): string | null {
    return partOf(r, "role");
  }

  @FieldResolver()
  purpose(@Root() r: RelationshipRow): string | null {
    return partOf(r, "purpose");
  }

  @FieldResolver(() => [EvidenceType])
  async evidence(@Root() r: RelationshipRow, @Ctx() ctx: Context): Promise<Evidence[]> {
    return (await evidenceOf(ctx, r)).map((entry) => entry.evidence);
  }
}

@Resolver(() => BuyRelationshipType)
export class BuyRelationshipResolver {
  @FieldResolver(() => CompanyType)
  customer(@Root() r: RelationshipRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return endOf(ctx, r, "customer", r.from, info);
  }

  @FieldResolver(() => CompanyType)
  supplier(@Root() r: RelationshipRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return endOf(ctx, r, "supplier", r.to, info);
  }

  @FieldResolver(() => ProductType)
  product(@Root() r: RelationshipRow, @Ctx() ctx: Context) {
    return nodeById(ctx, partOf(r, "productId"));
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: "What the customer pays, when a source says." })
  spend(@Root() r: RelationshipRow): Money | null {
    return partOf(r, "amount");
  }

  @FieldResolver(() => RelationshipType, { description: "The same edge, read generically." })
  relationship(@Root() r: RelationshipRow): RelationshipRow {
    return r;
  }

  @FieldResolver(() => [EvidenceType])
  async evidence(@Root() r: RelationshipRow, @Ctx() ctx: Context): Promise<Evidence[]> {
    return (await evidenceOf(ctx, r)).map((entry) => entry.evidence);
  }
}

@Resolver(() => CompanyLinkType)
export class CompanyLinkResolver {
  @FieldResolver(() => CompanyType, { description: "The company at the other end." })
  company(@Root() l: Link, @Ctx() ctx: Context) {
    return nodeAt(ctx, l.otherId, l.level);
  }

  @FieldResolver(() => RelationshipType)
  relationship(@Root() l: Link): RelationshipRow {
    return l.relationship;
  }
}

@Resolver(() => ProductLinkType)
export class ProductLinkResolver {
  @FieldResolver(() => ProductType, { description: "The product at the other end." })
  product(@Root() l: Link, @Ctx() ctx: Context) {
    return nodeAt(ctx, l.otherId, l.level);
  }

  @FieldResolver(() => RelationshipType)
  relationship(@Root() l: Link): RelationshipRow {
    return l.relationship;
  }
}

@Resolver(() => PersonLinkType)
export class PersonLinkResolver {
  @FieldResolver(() => PersonType, { description: "The person at the other end." })
  person(@Root() l: Link, @Ctx() ctx: Context) {
    return nodeAt(ctx, l.otherId, l.level);
  }

  @FieldResolver(() => RelationshipType)
  relationship(@Root() l: Link): RelationshipRow {
    return l.relationship;
  }
}

/** The agreement as served, holding its relationship for the fields worked out on demand. */
type ServedAgreement = AgreementType & { readonly relationship: RelationshipRow };

function agreementOf(r: RelationshipRow): ServedAgreement {
  return { ...partOf(r, "agreement"), reconciled: partOf(r, "amount"), relationship: r };
}

@Resolver(() => AgreementType)
export class AgreementResolver {
  @FieldResolver(() => [OriginVoiceType], {
    description:
      "Each independent origin, the amount it speaks for, its weight, and whether it holds the reconciled amount.",
  })
  async origins(@Root() agreement: ServedAgreement, @Ctx() ctx: Context): Promise<OriginVoice[]> {
    return [...(await fusionOf(ctx, agreement.relationship)).origins];
  }

  @FieldResolver(() => [ClaimVerdictType], { description: "Every counted claim's verdict, by claim id." })
  async verdicts(@Root() agreement: ServedAgreement, @Ctx() ctx: Context) {
    const { verdicts } = await fusionOf(ctx, agreement.relationship);
    return [...verdicts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([claimId, verdict]) => ({ claimId, verdict }));
  }
}
