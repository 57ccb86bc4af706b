import { Field, ObjectType } from "type-graphql";
import { EntityType } from "./entity.type";

@ObjectType("Company", {
  simpleResolvers: true,
  implements: EntityType,
  description: "A company. Its relationships are fields below.",
})
export class CompanyType extends EntityType {
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2, only when a source supports it." })
  country!: string | null;

  @Field(() => String, { nullable: true, description: "A short classification, e.g. cloud-provider, ai-lab." })
  kind!: string | null;
}

@ObjectType("Product", { simpleResolvers: true, implements: EntityType })
export class ProductType extends EntityType {
  @Field(() => String, { nullable: true })
  category!: string | null;
}

@ObjectType("Person", { simpleResolvers: true, implements: EntityType })
export class PersonType extends EntityType {}
