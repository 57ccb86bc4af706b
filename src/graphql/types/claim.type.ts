import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { DateSpan, Disclosure, RelationshipStatus } from "../../domain/entities";
import type { Money } from "../../domain/money";
import { MoneyType } from "./amount.type";
import { DisclosureEnum, StatusEnum } from "./enums";
import { DateSpanType } from "./evidence.type";

@ObjectType("Retraction", {
  simpleResolvers: true,
  description: "Who withdrew a claim, when, and why. The claim stays.",
})
export class RetractionType {
  @Field(() => String, { description: "Record time of the retraction (a date or a date-time)." })
  at!: string;

  @Field(() => String)
  by!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType("Claim", {
  simpleResolvers: true,
  description:
    "One source's assertion about a relationship. Immutable once recorded: a correction supersedes it, a retraction marks it.",
})
export class ClaimType {
  @Field(() => ID)
  id!: string;

  @Field(() => DateSpanType, { description: "The time the source speaks of, as it puts it." })
  refersTo!: DateSpan;

  @Field(() => LocalDateResolver, { nullable: true, description: "When the relationship began, if this source says." })
  began!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "When it ended, if this source says." })
  ended!: string | null;

  @Field(() => StatusEnum)
  status!: RelationshipStatus;

  @Field(() => DisclosureEnum)
  disclosure!: Disclosure;

  @Field(() => Float, { description: "0..1: how sure this source is." })
  confidence!: number;

  @Field(() => String, { description: "Record time: when the graph learnt it (a date or a date-time)." })
  recordedAt!: string;

  @Field(() => String, { description: "Who recorded it." })
  recordedBy!: string;

  @Field(() => ID, { nullable: true, description: "The id of the claim this one corrects." })
  supersedes!: string | null;

  @Field(() => RetractionType, {
    nullable: true,
    description: "Set once the claim is withdrawn (as known at the record time read).",
  })
  retraction!: RetractionType | null;
}

@ObjectType("Agreement", { simpleResolvers: true, description: "How the claims behind a relationship agree." })
export class AgreementType {
  @Field(() => Int, { description: "The claims counted: recorded, not retracted, not superseded." })
  claims!: number;

  @Field(() => Int, {
    description: "Independent origins: sources that repeat or cite one another count once.",
  })
  independentOrigins!: number;

  @Field(() => Boolean, {
    description: "Whether some two claims' amounts cannot both be right; the reconciled amount is then their hull.",
  })
  conflicting!: boolean;

  @Field(() => Float, {
    description:
      "How far apart the amounts are: the gap between the highest low and the lowest high over the highest low (0 when they agree).",
  })
  gap!: number;

  @Field(() => MoneyType, {
    nullable: true,
    description: "The amount the claims agree on: their intersection, or their hull when they conflict.",
  })
  reconciled!: Money | null;
}
