import { Field, ID, ObjectType } from "type-graphql";
import type { DateSpan } from "../../domain/entities";
import { DateSpanType } from "./evidence.type";

@ObjectType("Metric", {
  simpleResolvers: true,
  description: "A company- or product-level figure or event: a revenue line, a share, a growth rate.",
})
export class MetricType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: "REVENUE, CUSTOMER_SHARE, GROWTH, CUSTOMERS, SHARE_PRICE_CHANGE, OUTLOOK, EVENT...",
  })
  kind!: string;

  @Field(() => String)
  description!: string;

  @Field(() => DateSpanType)
  refersTo!: DateSpan;
}
