import { Field, Float, ObjectType } from "type-graphql";
import type { Interval } from "../../domain/interval";
import type { Money, Period, Qualifier } from "../../domain/money";
import type { Quantity, QuantityUnit } from "../../domain/entities";
import { PeriodEnum, QualifierEnum, QuantityUnitEnum } from "./enums";

/**
 * Interval fields shared by every amount: `high` is null when there is no upper bound ("at
 * least"), `estimate` is null when the source gives no central figure. The Infinity-to-null mapping
 * happens in the resolvers (amount.resolver.ts).
 */
@ObjectType({ simpleResolvers: true })
abstract class IntervalFields implements Pick<Interval, "low"> {
  @Field(() => Float, { nullable: true, description: "Central figure, null when the source gives none." })
  estimate!: number | null;

  @Field(() => Float, { description: "Lower bound." })
  low!: number;

  @Field(() => Float, { nullable: true, description: "Upper bound, null when there is none." })
  high!: number | null;
}

@ObjectType("Money", {
  simpleResolvers: true,
  description: "A money amount known within bounds, with how it was stated and what period it is per.",
})
export class MoneyType extends IntervalFields implements Pick<Money, "qualifier" | "period" | "currency"> {
  @Field(() => QualifierEnum)
  qualifier!: Qualifier;

  @Field(() => PeriodEnum)
  period!: Period;

  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;
}

@ObjectType("Share", { simpleResolvers: true, description: "A fraction (0.25 = 25 %) known within bounds." })
export class ShareType extends IntervalFields {}

@ObjectType("Quantity", {
  simpleResolvers: true,
  description: "A non-money figure (a share, a count, a multiplier) known within bounds.",
})
export class QuantityType extends IntervalFields implements Pick<Quantity, "qualifier" | "unit"> {
  @Field(() => QualifierEnum)
  qualifier!: Qualifier;

  @Field(() => QuantityUnitEnum)
  unit!: QuantityUnit;
}
