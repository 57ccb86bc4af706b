import { FieldResolver, Float, Resolver, Root } from "type-graphql";
import { formatMoney, formatShare } from "../../domain/format";
import { highOrNull, type Interval } from "../../domain/interval";
import type { Money } from "../../domain/money";
import { MoneyType, QuantityType, ShareType } from "../types/amount.type";

@Resolver(() => MoneyType)
export class MoneyResolver {
  @FieldResolver(() => Float, { nullable: true, description: "Upper bound, null when there is none." })
  high(@Root() m: Money): number | null {
    return highOrNull(m);
  }

  @FieldResolver(() => String, { description: 'A label that keeps the uncertainty, e.g. "≈ US$20M/month (18M–20M)".' })
  display(@Root() m: Money): string {
    return formatMoney(m);
  }
}

@Resolver(() => ShareType)
export class ShareResolver {
  @FieldResolver(() => Float, { nullable: true })
  high(@Root() s: Interval): number | null {
    return highOrNull(s);
  }

  @FieldResolver(() => String, { description: 'As a percentage with its bounds, e.g. "24.1% (20.6–25.3%)".' })
  display(@Root() s: Interval): string {
    return formatShare(s);
  }
}

@Resolver(() => QuantityType)
export class QuantityResolver {
  @FieldResolver(() => Float, { nullable: true })
  high(@Root() q: Interval): number | null {
    return highOrNull(q);
  }
}
