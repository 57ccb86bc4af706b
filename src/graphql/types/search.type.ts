import { Field, Float, ObjectType } from "type-graphql";
import { EntityType } from "./entity.type";
import { PageInfo } from "./connection.type";
import { Int } from "type-graphql";

@ObjectType("SearchHit", { simpleResolvers: true })
export class SearchHitType {
  @Field(() => EntityType)
  node!: EntityType;

  @Field(() => Float, { description: "Exact name 3, name prefix 2, word prefix 1.5, substring 1; alias matches x0.9." })
  score!: number;

  @Field(() => String, { description: "The normalized name or alias that matched." })
  matched!: string;
}

@ObjectType("SearchConnection", { simpleResolvers: true })
export class SearchConnectionType {
  @Field(() => [SearchHitType], {
    description: "The matches of this page, best first, as every list of the API names its items.",
  })
  nodes!: SearchHitType[];

  @Field(() => [SearchHitType], {
    deprecationReason: "Use `nodes`: every list answers its items as `nodes`. `hits` answers the same items.",
  })
  hits!: SearchHitType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Matches over all pages (up to the search ceiling)." })
  totalCount!: number;
}

@ObjectType("Hub", { simpleResolvers: true, description: "A node and how many relationships it has." })
export class HubType {
  @Field(() => EntityType)
  node!: EntityType;

  @Field(() => Int, { description: "Relationships of any kind and status, either direction." })
  relationships!: number;
}
