import { ArgsType, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { DIFF_KINDS, DIFF_PARTS, type DiffKind, type DiffPart } from "../../analytics/diff";
import type { Relationship, RelationshipKind } from "../../domain/entities";
import { PageArgs } from "./args";
import { enumOf, RelationshipKindEnum } from "./enums";
import { RelationshipType } from "./relationship.type";

const DiffKindEnum = enumOf(DIFF_KINDS);
registerEnumType(DiffKindEnum, {
  name: "DiffKind",
  description:
    "APPEARED: no claim about it was counted at `from`; WITHDRAWN: none is counted at `to`; CHANGED: its amount, status or agreement differs.",
});

const DiffPartEnum = enumOf(DIFF_PARTS);
registerEnumType(DiffPartEnum, {
  name: "DiffPart",
  description: "AGREEMENT: its claims, independent origins, conflict or dissenting claims.",
});

@ObjectType("RelationshipDiff", {
  simpleResolvers: true,
  description: "How one relationship differs between two record times.",
})
export class RelationshipDiffType {
  @Field(() => ID, { description: "The relationship's id." })
  id!: string;

  @Field(() => DiffKindEnum)
  change!: DiffKind;

  @Field(() => [DiffPartEnum], { description: "What differs: every part when it appeared or was withdrawn." })
  parts!: DiffPart[];

  @Field(() => RelationshipType, { nullable: true, description: "As known at `from` (null when unknown then)." })
  before!: Relationship | null;

  @Field(() => RelationshipType, { nullable: true, description: "As known at `to` (null when unknown then)." })
  after!: Relationship | null;
}

@ArgsType()
export class DiffArgs extends PageArgs {
  @Field(() => LocalDateResolver, { description: "The earlier record time." })
  from!: string;

  @Field(() => LocalDateResolver, { description: "The later record time (not before `from`)." })
  to!: string;

  @Field(() => [ID], { nullable: true, description: "Only relationships with one of these at either end." })
  companies?: string[] | null;

  @Field(() => [RelationshipKindEnum], { nullable: true, description: "Only these kinds (all when omitted)." })
  kinds?: RelationshipKind[] | null;
}
