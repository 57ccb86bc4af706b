import { Field, ID, ObjectType } from "type-graphql";
import type { DateSpan, Disclosure, EvidenceKind, SourceKind } from "../../domain/entities";
import { LocalDateResolver } from "graphql-scalars";
import { DisclosureEnum, EvidenceKindEnum, SourceKindEnum } from "./enums";

@ObjectType("DateSpan", { simpleResolvers: true, description: "The time a fact refers to. Either end may be open." })
export class DateSpanType implements DateSpan {
  @Field(() => LocalDateResolver, { nullable: true })
  from!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  to!: string | null;

  @Field(() => String, { description: 'How the source put it, e.g. "March 2024".' })
  label!: string;
}

@ObjectType("Source", { simpleResolvers: true, description: "A document facts are taken from." })
export class SourceType {
  @Field(() => ID)
  id!: string;

  @Field(() => SourceKindEnum)
  kind!: SourceKind;

  @Field(() => String)
  title!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "The day it was published; null when it shows none." })
  publishedOn!: string | null;

  @Field(() => String, { description: "Language of the original text (BCP 47)." })
  language!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "File name of the stored document the quotes come from." })
  document!: string | null;
}

@ObjectType("Derivation", {
  simpleResolvers: true,
  description:
    "Lineage learnt after a source was recorded: from recordedAt on, the source counts as repeating derivedFrom (one origin with it).",
})
export class DerivationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Why the source is taken to repeat the other." })
  reason!: string;

  @Field(() => String, { description: "Record time: when the graph learnt it." })
  recordedAt!: string;

  @Field(() => String)
  recordedBy!: string;
}

@ObjectType("Evidence", {
  simpleResolvers: true,
  description:
    "What supports a fact: a verbatim quote from a held text or a statement in the recorder's words with a locator, with an English gloss and its source.",
})
export class EvidenceType {
  @Field(() => ID)
  id!: string;

  @Field(() => EvidenceKindEnum)
  kind!: EvidenceKind;

  @Field(() => String, {
    description: "A QUOTE: verbatim, in the source's language. A STATEMENT: the recorder's own words.",
  })
  quote!: string;

  @Field(() => String, { nullable: true, description: "Where in the source it is said: url, page or section." })
  locator!: string | null;

  @Field(() => String, { description: "English rendering of the quote." })
  gloss!: string;

  @Field(() => DateSpanType)
  refersTo!: DateSpan;

  @Field(() => DisclosureEnum)
  disclosure!: Disclosure;

  @Field(() => [String], { description: "Labels of the facts of the source this quote supports." })
  facts!: string[];
}
