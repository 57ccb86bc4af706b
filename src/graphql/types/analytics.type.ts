import { Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { DateSpan, RelationshipKind, RelationshipStatus } from "../../domain/entities";
import type { Interval } from "../../domain/interval";
import type { Money, Period } from "../../domain/money";
import {
  RISK_PATH_KINDS,
  type RiskPathKind,
  THRESHOLD_FLAGS,
  type ThresholdFlag,
  TOTAL_SOURCES,
  type TotalSource,
  TRAVERSALS,
  type Traversal,
} from "../../analytics";
import { MoneyType, ShareType } from "./amount.type";
import { DirectionEnum, enumOf, PeriodEnum, RelationshipKindEnum, StatusEnum } from "./enums";
import { DateSpanType } from "./evidence.type";

/*
 * Analytics reports. Nodes, relationships and evidence are held as ids and resolved through the
 * request's loaders (see analytics.resolver.ts); amounts use the shared Money and Share types.
 */

export const RiskPathKindEnum = enumOf(RISK_PATH_KINDS);
const ThresholdFlagEnum = enumOf(THRESHOLD_FLAGS);
const TotalSourceEnum = enumOf(TOTAL_SOURCES);
const TraversalEnum = enumOf(TRAVERSALS);

registerEnumType(RiskPathKindEnum, {
  name: "RiskPathKind",
  description: "The pattern a risk path matches.",
  valuesConfig: {
    CUSTOMER_BUILDS_COMPETING: {
      description: "A customer (or its group) competes with the supplier or with the supplier's upstream supplier.",
    },
    TERMS_CONFLICT: {
      description: "A customer (or its group) uses an upstream supplier's model while competing with that supplier.",
    },
    CUSTOMER_PARTNERS_UPSTREAM: {
      description: "A customer (or its group) partners directly with the supplier's upstream supplier.",
    },
    CUSTOMER_FROM_COMPETITOR: { description: "A customer formerly bought from a competitor of the supplier." },
    CONCENTRATION: { description: "A customer's share of the line may exceed the threshold." },
    UPSTREAM_SELLS_DIRECT: {
      description: "An upstream supplier competes with the supplier, or sells in the line's market itself.",
    },
  },
});
registerEnumType(ThresholdFlagEnum, {
  name: "ThresholdFlag",
  description: "YES: even the lowest share exceeds the threshold; POSSIBLY: only the highest does; NO: neither.",
});
registerEnumType(TotalSourceEnum, {
  name: "TotalSource",
  description: "STATED: a source states the line's total; ATTRIBUTED: the total is the sum of the named amounts.",
});
registerEnumType(TraversalEnum, {
  name: "Traversal",
  description: "FORWARD: the path walks the relationship in its stored direction; BACKWARD: against it.",
});

@ObjectType("NumberRange", {
  simpleResolvers: true,
  description: "A plain number known within bounds (not a fraction, not money).",
})
class NumberRangeType implements Interval {
  @Field(() => Float, { nullable: true })
  estimate!: number | null;

  @Field(() => Float)
  low!: number;

  @Field(() => Float)
  high!: number;
}

@ObjectType("StatedShare", {
  simpleResolvers: true,
  description: "A share as a source states it (a CUSTOMER_SHARE metric), with its evidence.",
})
export class StatedShareType {
  @Field(() => ShareType)
  share!: Interval;

  @Field(() => [ID], { description: "The metrics stating it (several when members of a group are summed)." })
  metricIds!: string[];

  @Field(() => [ID])
  evidenceIds!: string[];

  @Field(() => DateSpanType)
  refersTo!: DateSpan;
}

@ObjectType("StatedTotal", {
  simpleResolvers: true,
  description: "A line's total as a source states it (a REVENUE metric), with its evidence.",
})
export class StatedTotalType {
  @Field(() => MoneyType, { description: "Re-expressed per the report's period." })
  amount!: Money;

  @Field(() => MoneyType, { description: "As the source states it." })
  original!: Money;

  @Field(() => ID)
  metricId!: string;

  @Field(() => [ID])
  evidenceIds!: string[];

  @Field(() => DateSpanType)
  refersTo!: DateSpan;
}

@ObjectType("RevenueFlow", {
  simpleResolvers: true,
  description: "Money between the company and one counterparty (or one corporate group).",
})
export class RevenueFlowType {
  @Field(() => ID, { description: "The counterparty; when rolled up, the top company of its group." })
  counterpartyId!: string;

  @Field(() => [ID], {
    description: "Companies of the group behind the flow, from the paying companies up to the top.",
  })
  memberIds!: string[];

  @Field(() => [ID], { description: "The companies that hold the relationships (the paying or paid members)." })
  counterpartIds!: string[];

  @Field(() => [ID])
  productIds!: string[];

  @Field(() => MoneyType, {
    description: "Per the report's period; capped by the stated total when the sources give no upper bound.",
  })
  amount!: Money;

  @Field(() => MoneyType, { description: "What the sources say, per the report's period, before any capping." })
  statedAmount!: Money;

  @Field(() => Boolean, { description: "Whether the amount was capped by the stated total." })
  capped!: boolean;

  @Field(() => Boolean, {
    description: "False when the amounts are one-off or cumulative and so left out of the sums.",
  })
  inTotals!: boolean;

  @Field(() => Boolean, { description: "Whether a source states an amount at all (not merely that money flows)." })
  amountKnown!: boolean;

  @Field(() => ShareType, { nullable: true, description: "Computed share of the line total." })
  share!: Interval | null;

  @Field(() => ShareType, {
    nullable: true,
    description: "The computed share again, next to the stated one for the cross-check.",
  })
  computedShare!: Interval | null;

  @Field(() => StatedShareType, { nullable: true })
  statedShare!: unknown;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the stated and computed shares overlap; null when either is missing.",
  })
  sharesAgree!: boolean | null;

  @Field(() => [ID])
  relationshipIds!: string[];

  @Field(() => [ID])
  evidenceIds!: string[];

  @Field(() => Float, { description: "The lowest confidence among the relationships behind the flow." })
  confidence!: number;
}

@ObjectType("RevenueFlowReport", {
  simpleResolvers: true,
  description: "Money into (IN) or out of (OUT) a company, per counterparty, with the line's stated total.",
})
export class RevenueFlowReportType {
  @Field(() => DirectionEnum)
  direction!: "IN" | "OUT";

  @Field(() => PeriodEnum)
  period!: Period;

  @Field(() => LocalDateResolver, { nullable: true })
  asOf!: string | null;

  @Field(() => Boolean)
  rolledUp!: boolean;

  @Field(() => [RevenueFlowType], { description: "Largest first." })
  flows!: unknown[];

  @Field(() => StatedTotalType, {
    nullable: true,
    description: "The REVENUE metric of the company and product; null when none.",
  })
  statedTotal!: unknown;

  @Field(() => MoneyType, { description: "The whole the shares are of: the stated total, else the attributed sum." })
  total!: Money;

  @Field(() => TotalSourceEnum)
  totalSource!: TotalSource;

  @Field(() => MoneyType, { description: "Sum of the flows (never above the stated total)." })
  attributed!: Money;

  @Field(() => MoneyType, {
    nullable: true,
    description: "Stated total less attributed, never below zero; null without a stated total.",
  })
  unattributed!: Money | null;

  @Field(() => [String], { description: "What was assumed or left out, in plain English." })
  notes!: string[];
}

@ObjectType("CustomerShare", { simpleResolvers: true, description: "One customer's (or group's) part of a line." })
export class CustomerShareType {
  @Field(() => ID)
  customerId!: string;

  @Field(() => [ID])
  memberIds!: string[];

  @Field(() => MoneyType)
  amount!: Money;

  @Field(() => ShareType, { nullable: true })
  share!: Interval | null;

  @Field(() => ThresholdFlagEnum)
  exceedsThreshold!: ThresholdFlag;

  @Field(() => [ID])
  relationshipIds!: string[];

  @Field(() => [ID])
  evidenceIds!: string[];
}

@ObjectType("ConcentrationReport", {
  simpleResolvers: true,
  description: "How much a supplier's line depends on its largest customers.",
})
export class ConcentrationReportType {
  @Field(() => LocalDateResolver, { nullable: true })
  asOf!: string | null;

  @Field(() => Float)
  threshold!: number;

  @Field(() => PeriodEnum)
  period!: Period;

  @Field(() => MoneyType)
  total!: Money;

  @Field(() => TotalSourceEnum)
  totalSource!: TotalSource;

  @Field(() => [CustomerShareType], { description: "Largest first." })
  customers!: unknown[];

  @Field(() => Int)
  customerCount!: number;

  @Field(() => Int, { description: "Customers for which a source states an amount." })
  knownAmountCount!: number;

  @Field(() => ShareType, { nullable: true, description: "Share of the customer ranked first by amount." })
  topShare!: Interval | null;

  @Field(() => ShareType, { nullable: true, description: "The largest share any one named customer may have." })
  largestShare!: Interval | null;

  @Field(() => ShareType, { description: "Herfindahl-Hirschman index (0..1): the sum of squared customer shares." })
  hhi!: Interval;

  @Field(() => NumberRangeType, { description: "The HHI on the 0..10,000 scale." })
  hhiPoints!: Interval;

  @Field(() => ShareType, {
    nullable: true,
    description: "Attributed / total: how much of the line the named customers cover.",
  })
  coveredShare!: Interval | null;

  @Field(() => [String])
  notes!: string[];
}

/** Fields shared by the hops of risk paths and money paths. */
@InterfaceType("PathHop", { description: "One relationship of a path, as the path walks it." })
abstract class PathHopType {
  @Field(() => ID)
  relationshipId!: string;

  @Field(() => RelationshipKindEnum)
  kind!: RelationshipKind;

  @Field(() => TraversalEnum)
  traversal!: Traversal;

  @Field(() => StatusEnum)
  status!: RelationshipStatus;

  @Field(() => [ID])
  evidenceIds!: string[];

  @Field(() => Float)
  confidence!: number;

  @Field(() => MoneyType, {
    nullable: true,
    description: "Spend, investment or revenue share on this relationship, as stated.",
  })
  amount!: Money | null;
}

@ObjectType("RiskHop", {
  simpleResolvers: true,
  implements: PathHopType,
  description: "One relationship of a risk path, with its evidence.",
})
export class RiskHopType extends PathHopType {}

@ObjectType("FlowHop", {
  simpleResolvers: true,
  implements: PathHopType,
  description: "One relationship money flows along, with its amount and evidence.",
})
export class FlowHopType extends PathHopType {}

@ObjectType("RiskPath", {
  simpleResolvers: true,
  description: "A chain of relationships that puts part of a supplier's revenue line at risk.",
})
export class RiskPathType {
  @Field(() => ID, { description: "Stable: derived from the kind and the relationships." })
  id!: string;

  @Field(() => RiskPathKindEnum)
  kind!: RiskPathKind;

  @Field(() => ID)
  supplierId!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The customer whose spend is at risk; null when the whole line is exposed.",
  })
  customerId!: string | null;

  @Field(() => [ID], { description: "The path's nodes in order." })
  nodeIds!: string[];

  @Field(() => [RiskHopType])
  hops!: unknown[];

  @Field(() => [RiskHopType], {
    description: "How the upstream supplier is upstream: its OFFERS and the line product's BUILT_ON chain.",
  })
  context!: unknown[];

  @Field(() => MoneyType)
  revenueAtRisk!: Money;

  @Field(() => ShareType, { nullable: true })
  shareOfLine!: Interval | null;

  @Field(() => MoneyType, { description: "The line's total: stated if any, else the attributed sum." })
  lineTotal!: Money;

  @Field(() => TotalSourceEnum)
  lineTotalSource!: TotalSource;

  @Field(() => Float, { description: "Product of the confidences of every hop, context included." })
  confidence!: number;

  @Field(() => String)
  explanation!: string;

  @Field(() => [ID])
  evidenceIds!: string[];
}

@ObjectType("RiskSearchCoverage", {
  simpleResolvers: true,
  description:
    "How much of a supplier's customers and revenue a risk-path search looked at. At a supplier with more customers than the search budget, the customers that carry the most revenue are searched first.",
})
class RiskSearchCoverageType {
  @Field(() => Int, {
    description: "Customers whose companies (groups, competitors, partners, models) were searched.",
  })
  customersExplored!: number;

  @Field(() => Int, { description: "Customers buying one of the supplier's products, in force." })
  customersTotal!: number;

  @Field(() => ShareType, {
    nullable: true,
    description:
      "The explored customers' share of the attributed revenue (1 when every customer was explored); null when there are no customers or the lines are in several currencies.",
  })
  revenueExplored!: Interval | null;

  @Field(() => String, { nullable: true, description: "What was left out and why; null when nothing was." })
  reason!: string | null;
}

@ObjectType("RiskPathReport", { simpleResolvers: true })
export class RiskPathReportType {
  @Field(() => LocalDateResolver, { nullable: true })
  asOf!: string | null;

  @Field(() => Int)
  maxDepth!: number;

  @Field(() => Float)
  threshold!: number;

  @Field(() => [RiskPathKindEnum])
  kinds!: RiskPathKind[];

  @Field(() => [RiskPathType], { description: "Ranked: revenue at risk, then kind, then confidence." })
  paths!: unknown[];

  @Field(() => Int, { description: "How many paths were found before keeping the first ones." })
  totalCount!: number;

  @Field(() => Boolean, {
    description: "A search cap was hit or customers were left unexplored; some paths may be missing (see coverage).",
  })
  truncated!: boolean;

  @Field(() => [String])
  notes!: string[];

  @Field(() => RiskSearchCoverageType, { description: "What the search covered, and what it left out." })
  coverage!: unknown;
}

@ObjectType("FlowPath", { simpleResolvers: true, description: "A chain of relationships money flows along." })
export class FlowPathType {
  @Field(() => ID)
  id!: string;

  @Field(() => [ID])
  nodeIds!: string[];

  @Field(() => [FlowHopType])
  hops!: unknown[];

  @Field(() => MoneyType, { nullable: true, description: "The smallest hop amount; null when it cannot be known." })
  bottleneck!: Money | null;

  @Field(() => String, { nullable: true })
  bottleneckNote!: string | null;

  @Field(() => Float)
  confidence!: number;

  @Field(() => [ID])
  evidenceIds!: string[];
}

@ObjectType("FlowPathReport", { simpleResolvers: true })
export class FlowPathReportType {
  @Field(() => LocalDateResolver, { nullable: true })
  asOf!: string | null;

  @Field(() => Int)
  maxDepth!: number;

  @Field(() => [FlowPathType], { description: "Shortest first, then by bottleneck." })
  paths!: unknown[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => Boolean)
  truncated!: boolean;
}

@ObjectType("ChurnSimulation", {
  simpleResolvers: true,
  description: "A supplier's line and its concentration before and after some customers leave.",
})
export class ChurnSimulationType {
  @Field(() => LocalDateResolver, { nullable: true })
  asOf!: string | null;

  @Field(() => PeriodEnum)
  period!: Period;

  @Field(() => [ID])
  lostCustomerIds!: string[];

  @Field(() => MoneyType)
  totalBefore!: Money;

  @Field(() => TotalSourceEnum)
  totalSource!: TotalSource;

  @Field(() => MoneyType, { description: "What the leaving customers pay." })
  lost!: Money;

  @Field(() => MoneyType, { description: "What is left of the line." })
  remaining!: Money;

  @Field(() => ShareType, { nullable: true, description: "Fraction of the line lost: 0.24 is a 24 % cut." })
  relativeLoss!: Interval | null;

  @Field(() => [RevenueFlowType])
  lostFlows!: unknown[];

  @Field(() => ConcentrationReportType)
  concentrationBefore!: unknown;

  @Field(() => ConcentrationReportType)
  concentrationAfter!: unknown;

  @Field(() => [String])
  notes!: string[];
}
