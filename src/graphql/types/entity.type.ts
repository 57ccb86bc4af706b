import { Field, ID, InterfaceType } from "type-graphql";
import type { GraphNode } from "../../domain/entities";
import { EvidenceType } from "./evidence.type";

@InterfaceType("Entity", {
  description: "A node of the graph: a company, a product or a person. Ids are lowercase slugs.",
  resolveType: (value: GraphNode) => value.nodeKind,
})
export abstract class EntityType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: "Other names, as spelled in sources." })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [EvidenceType], { description: "Quotes that mention or describe this node." })
  evidence!: EvidenceType[];
}
