import { Field, Float, ObjectType } from "type-graphql";
import type { Interval } from "../../domain/interval";
import type { Money, Period, Qualifier } from "../../domain/money";
import type { Quantity, QuantityUnit } from "../../domain/entities";
import { PeriodEnum, QualifierEnum, QuantityUnitEnum } from "./enums";

/**
 * Interval fields: `high` is null when there is no upper bound ("at least"), `estimate` is null
 * when the source gives no central figure. The finite/infinite mapping happens in AmountResolver.
 */
@ObjectType("Money", {
  description: "A money amount known within bounds, with how it was stated and what period it is per.",
})
export class MoneyType implements Pick<Money, "low" | "qualifier" | "period" | "currency"> {
  @Field(() => Float, { nullable: true, description: "Central figure, null when the source gives none." })
  estimate!: number | null;

  @Field(() => Float, { description: "Lower bound." })
  low!: number;

  @Field(() => Float, { nullable: true, description: "Upper bound, null when there is none." })
  high!: number | null;

  @Field(() => QualifierEnum)
  qualifier!: Qualifier;

  @Field(() => PeriodEnum)
  period!: Period;

  @Field(() => String, { description: "ISO 4217 currency code." })
  currency!: string;
}

@ObjectType("Share", { description: "A fraction (0.25 = 25 %) known within bounds." })
export class ShareType implements Pick<Interval, "low"> {
  @Field(() => Float, { nullable: true })
  estimate!: number | null;

  @Field(() => Float)
  low!: number;

  @Field(() => Float, { nullable: true })
  high!: number | null;
}

@ObjectType("Quantity", { description: "A non-money figure (a share, a count, a multiplier) known within bounds." })
export class QuantityType implements Pick<Quantity, "low" | "qualifier" | "unit"> {
  @Field(() => Float, { nullable: true })
  estimate!: number | null;

  @Field(() => Float)
  low!: number;

  @Field(() => Float, { nullable: true })
  high!: number | null;

  @Field(() => QualifierEnum)
  qualifier!: Qualifier;

  @Field(() => QuantityUnitEnum)
  unit!: QuantityUnit;
}
