import { type ClassType, FieldResolver, Float, Resolver, Root } from "type-graphql";
import { formatMoney, formatShare } from "../../domain/format";
import { highOrNull, type Interval } from "../../domain/interval";
import type { Money } from "../../domain/money";
import { MoneyType, QuantityType, ShareType } from "../types/amount.type";

/** Every amount type serves "no upper bound" as null (GraphQL's Float cannot carry Infinity). */
function intervalResolver(target: ClassType) {
  @Resolver(() => target)
  class IntervalResolver {
    @FieldResolver(() => Float, { nullable: true, description: "Upper bound, null when there is none." })
    high(@Root() amount: Interval): number | null {
      return highOrNull(amount);
    }
  }
  return IntervalResolver;
}

@Resolver(() => MoneyType)
class MoneyResolver {
  @FieldResolver(() => String, { description: 'A label that keeps the uncertainty, e.g. "≈ US$20M/month (18M–20M)".' })
  display(@Root() m: Money): string {
    return formatMoney(m);
  }
}

@Resolver(() => ShareType)
class ShareResolver {
  @FieldResolver(() => String, { description: 'As a percentage with its bounds, e.g. "24.1% (20.6–25.3%)".' })
  display(@Root() s: Interval): string {
    return formatShare(s);
  }
}

export const amountResolvers = [
  MoneyResolver,
  ShareResolver,
  intervalResolver(MoneyType),
  intervalResolver(ShareType),
  intervalResolver(QuantityType),
] as const;
