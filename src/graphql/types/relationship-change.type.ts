import { ArgsType, Field, ID, Int, ObjectType } from "type-graphql";
import type { Relationship, RelationshipKind } from "../../domain/entities";
import { RelationshipKindEnum } from "./enums";
import { RelationshipType } from "./relationship.type";

@ObjectType("RelationshipChange", {
  simpleResolvers: true,
  description: "A relationship a write touched, as it reads now.",
})
export class RelationshipChangeType {
  @Field(() => Int, {
    description:
      "The seq of the change that touched it (the first of its batch about it): send it back as `since` to go on after it.",
  })
  seq!: number;

  @Field(() => String, { description: "The key of the batch that touched it." })
  batchKey!: string;

  @Field(() => ID)
  relationshipId!: string;

  @Field(() => RelationshipType, {
    nullable: true,
    description: "Its view now: amount, agreement, claims. Null when every claim about it is withdrawn.",
  })
  relationship!: Relationship | null;
}

@ArgsType()
export class RelationshipsChangedArgs {
  @Field(() => [ID], { nullable: true, description: "Only relationships with one of these at either end." })
  companies?: string[] | null;

  @Field(() => [RelationshipKindEnum], { nullable: true, description: "Only these kinds (all when omitted)." })
  kinds?: RelationshipKind[] | null;

  @Field(() => [ID], { nullable: true, description: "Only relationships about one of these products." })
  product?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    description: "The last seq the client has seen: the writes after it first. Omitted: from the next write on.",
  })
  since?: number | null;
}
