import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { DateSpan, Disclosure, RelationshipStatus } from "../../domain/entities";
import type { Money } from "../../domain/money";
import { MoneyType } from "./amount.type";
import { DisclosureEnum, StatusEnum, VerdictEnum } from "./enums";
import type { Verdict } from "../../domain/fusion";
import { DateSpanType, EvidenceType } from "./evidence.type";

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
    description:
      "Whether some independent origins' amounts cannot all be right; the reconciled amount is then the consensus, and the others dissent.",
  })
  conflicting!: boolean;

  @Field(() => Float, {
    description:
      "How far the farthest dissenting origin lies from the reconciled amount, over the larger of the two lows (0 when none dissents).",
  })
  gap!: number;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      "The amount served: where the origins overlap, their intersection; where they do not, the interval held by the largest weight of origins (the consensus). Copies of one origin never narrow it.",
  })
  reconciled!: Money | null;

  @Field(() => [ID], {
    description:
      "The claims outside the reconciled amount: their origin dissents, or their own origin's root contradicts them.",
  })
  dissent!: readonly string[];

  @Field(() => [ID], {
    description: "The claims in another currency or kind of period than the reconciled amount: listed, never compared.",
  })
  incomparable!: readonly string[];
}

@ObjectType("OriginVoice", {
  simpleResolvers: true,
  description:
    "One independent origin behind a relationship, and the amount it speaks for: its root's claim, else the hull of its copies'.",
})
export class OriginVoiceType {
  @Field(() => ID, { description: "The root source the origin's sources trace back to." })
  originId!: string;

  @Field(() => [ID], { description: "The sources of its counted claims." })
  sourceIds!: readonly string[];

  @Field(() => [ID])
  claimIds!: readonly string[];

  @Field(() => MoneyType, { nullable: true, description: "What it says, in the relationship's currency and period." })
  amount!: Money | null;

  @Field(() => String, { description: "ROOT, COPIES, or NONE when it states no comparable amount." })
  speaksThrough!: string;

  @Field(() => Float, { description: "Its surest claim's confidence: its weight in the consensus." })
  weight!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether it holds the reconciled amount (null: no comparable amount).",
  })
  agrees!: boolean | null;
}

@ObjectType("ClaimVerdict", {
  simpleResolvers: true,
  description: "What one counted claim is to the reconciled amount.",
})
export class ClaimVerdictType {
  @Field(() => ID)
  claimId!: string;

  @Field(() => VerdictEnum)
  verdict!: Verdict;
}

@ObjectType("EvidenceEntry", {
  simpleResolvers: true,
  description:
    "One piece of evidence for a relationship, listed once: the records that say the same sentence from one source, and the claims that cite them.",
})
export class EvidenceEntryType {
  @Field(() => EvidenceType, { description: "The first of its records." })
  evidence!: EvidenceType;

  @Field(() => [ID], { description: "Every record that says it (usually one)." })
  evidenceIds!: string[];

  @Field(() => [ClaimType], { description: "The counted claims that cite it, ordered by id." })
  claims!: ClaimType[];
}
