import { Field, Float, ID, InterfaceType, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { RelationshipKind, RelationshipStatus } from "../../domain/entities";
import { RelationshipKindEnum, StatusEnum } from "./enums";
import { EvidenceType } from "./evidence.type";

/** Fields shared by every view of an edge (validity, confidence); endpoints differ per view. */
@InterfaceType("Fact", {
  description: "A sourced statement about the graph: when it holds, how sure it is, and its evidence.",
})
export abstract class FactType {
  @Field(() => ID)
  id!: string;

  @Field(() => StatusEnum)
  status!: RelationshipStatus;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The day it began, only when a source says so (null: not said; see startKnown).",
  })
  validFrom!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "The day it ended, only when a source says so." })
  validTo!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      "The day the first source counted here was published: when the graph has word of it, not when it began.",
  })
  firstReported!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The day the latest source counted here was published.",
  })
  lastReported!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The record time this view was made at (the knownAt asked for); null: everything the graph holds now.",
  })
  knownAt!: string | null;

  @Field(() => Float, { description: "0..1: how sure the sources are." })
  confidence!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [EvidenceType], {
    description:
      "Quotes that support this fact, each once: the same record, or the same sentence from one source, is listed once (see evidenceEntries for the claims citing each).",
  })
  evidence!: EvidenceType[];
}

@ObjectType("Relationship", {
  simpleResolvers: true,
  implements: FactType,
  description: "Any edge of the graph, read generically.",
})
export class RelationshipType extends FactType {
  @Field(() => RelationshipKindEnum)
  kind!: RelationshipKind;

  @Field(() => String, { nullable: true })
  market!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  purpose!: string | null;
}

@ObjectType("BuyRelationship", {
  simpleResolvers: true,
  implements: FactType,
  description: "customer BUYS_FROM supplier: money flows from customer to supplier.",
})
export class BuyRelationshipType extends FactType {}

/** A relationship seen from one of its ends: the node at the other end, and the edge. */
@ObjectType("CompanyLink", { simpleResolvers: true })
export class CompanyLinkType {
  @Field(() => ID, { description: "The relationship id." })
  id!: string;
}

@ObjectType("ProductLink", { simpleResolvers: true })
export class ProductLinkType {
  @Field(() => ID, { description: "The relationship id." })
  id!: string;
}

@ObjectType("PersonLink", { simpleResolvers: true })
export class PersonLinkType {
  @Field(() => ID, { description: "The relationship id." })
  id!: string;
}
