import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("StoreInfo", { simpleResolvers: true, description: "Which store serves this API and how much it holds." })
export class StoreInfoType {
  @Field(() => String, { description: "memory or neo4j" })
  store!: string;

  @Field(() => Int) companies!: number;
  @Field(() => Int) products!: number;
  @Field(() => Int) people!: number;
  @Field(() => Int) sources!: number;
  @Field(() => Int) evidence!: number;
  @Field(() => Int) relationships!: number;
  @Field(() => Int) metrics!: number;
}
