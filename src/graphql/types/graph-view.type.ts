import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import type { NodeKind, RelationshipKind, RelationshipStatus } from "../../domain/entities";
import type { Money, Period } from "../../domain/money";
import { MoneyType } from "./amount.type";
import { NodeKindEnum, PeriodEnum, RelationshipKindEnum, StatusEnum } from "./enums";

@ObjectType("GraphViewNode", {
  simpleResolvers: true,
  description: "A node ready to draw; its id is the entity's id, the same in every answer.",
})
export class GraphViewNodeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The entity's name." })
  label!: string;

  @Field(() => NodeKindEnum)
  nodeKind!: NodeKind;

  @Field(() => String, { nullable: true, description: "Company kind (e.g. cloud-provider) or product category." })
  kind!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => Int, { description: "Hops from the nearest centre (0 for a centre)." })
  hop!: number;

  @Field(() => Boolean)
  isCenter!: boolean;
}

@ObjectType("GraphViewEdge", {
  simpleResolvers: true,
  description: "A relationship ready to draw; its id is the relationship's id, the same in every answer.",
})
export class GraphViewEdgeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, {
    description: "Where the arrow starts (the customer of BUYS_FROM: money flows from source to target).",
  })
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => RelationshipKindEnum)
  kind!: RelationshipKind;

  @Field(() => String, { description: 'e.g. "BUYS_FROM azure-openai · ≈ US$20M/month (18M–20M)".' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'The amount alone, e.g. "≈ US$20M/month (18M–20M)".' })
  amountLabel!: string | null;

  @Field(() => MoneyType, {
    nullable: true,
    description: "Spend, investment or revenue share, when the relationship has one.",
  })
  amount!: Money | null;

  @Field(() => ID, { nullable: true, description: "What is bought (BUYS_FROM) or contested (COMPETES_WITH)." })
  productId!: string | null;

  @Field(() => String, { nullable: true })
  market!: string | null;

  @Field(() => StatusEnum)
  status!: RelationshipStatus;

  @Field(() => LocalDateResolver, { nullable: true })
  validFrom!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  validTo!: string | null;

  @Field(() => Float)
  confidence!: number;

  @Field(() => Int)
  evidenceCount!: number;

  @Field(() => [ID], {
    description: "Read the quotes with `relationship(id) { evidence { quote } }` or `evidence(id)`.",
  })
  evidenceIds!: string[];
}

@ObjectType("GraphCut", {
  simpleResolvers: true,
  description:
    "What the size limit left out. A hop that reaches more nodes than there is room for keeps those with the most money on the relationships that reach them, then the most connected, and the next hops are still read from them.",
})
export class GraphCutType {
  @Field(() => Int, { description: "Nodes reached but left out." })
  nodes!: number;

  @Field(() => Int, { description: "Edges left out because an end was left out." })
  edges!: number;

  @Field(() => String, {
    nullable: true,
    description: "What was kept at each cut hop and why, and what to ask for instead; null when nothing was cut.",
  })
  reason!: string | null;
}

@ObjectType("RelationshipGraph", {
  simpleResolvers: true,
  description:
    "A deduplicated subgraph around some centres, as flat node and edge lists. Expand a node by asking again with it as the centre and merging by id.",
})
export class RelationshipGraphType {
  @Field(() => [ID])
  centers!: string[];

  @Field(() => [ID], { description: "Requested centres that are not in the graph." })
  missingCenters!: string[];

  @Field(() => [GraphViewNodeType])
  nodes!: GraphViewNodeType[];

  @Field(() => [GraphViewEdgeType])
  edges!: GraphViewEdgeType[];

  @Field(() => Boolean, { description: "True when the limit left reached nodes out; see cut." })
  truncated!: boolean;

  @Field(() => GraphCutType)
  cut!: GraphCutType;

  @Field(() => Int, { description: "The last hop whose relationships were read." })
  depthReached!: number;

  @Field(() => Int)
  depth!: number;

  @Field(() => Int)
  limit!: number;

  @Field(() => LocalDateResolver, { nullable: true })
  asOf!: string | null;
}

@ObjectType("MatrixParty", { simpleResolvers: true })
export class MatrixPartyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The company's name." })
  label!: string;
}

@ObjectType("MatrixTotal", {
  simpleResolvers: true,
  description: "A one-off or cumulative amount a buyer commits to with a supplier, in one currency.",
})
export class MatrixTotalType {
  @Field(() => MoneyType)
  amount!: Money;

  @Field(() => [ID])
  relationshipIds!: string[];
}

@ObjectType("MatrixProductAmount", {
  simpleResolvers: true,
  description: "What a buyer spends with a supplier on one product.",
})
export class MatrixProductAmountType {
  @Field(() => ID, { nullable: true })
  productId!: string | null;

  @Field(() => MoneyType, { description: "The spend per matrix period; a one-off total is not in it (see totals)." })
  amount!: Money;

  @Field(() => [ID])
  relationshipIds!: string[];

  @Field(() => [MatrixTotalType], {
    description: "One-off or cumulative amounts (period TOTAL), summed per currency: never put per period.",
  })
  totals!: MatrixTotalType[];

  @Field(() => [String], {
    description: "Why part of the amount is unknown, one note per relationship that leaves it open.",
  })
  notes!: string[];
}

@ObjectType("MatrixCell", {
  simpleResolvers: true,
  description: "What one buyer spends with one supplier, summed over products, on the matrix period.",
})
export class MatrixCellType {
  @Field(() => ID)
  buyerId!: string;

  @Field(() => ID)
  supplierId!: string;

  @Field(() => MoneyType, {
    description:
      "No amount, or a one-off total, counts as undisclosed (0 to unbounded), never as zero; byProduct's totals and notes say which.",
  })
  amount!: Money;

  @Field(() => [ID])
  relationshipIds!: string[];

  @Field(() => [ID])
  productIds!: string[];

  @Field(() => [MatrixProductAmountType])
  byProduct!: MatrixProductAmountType[];
}

@ObjectType("BuyerSupplierMatrix", {
  simpleResolvers: true,
  description: "Who buys from whom among the given companies: buyers are rows, suppliers columns.",
})
export class BuyerSupplierMatrixType {
  @Field(() => [ID])
  companies!: string[];

  @Field(() => [ID], {
    deprecationReason:
      "Always empty: an id that is not a company of the graph is refused with BAD_USER_INPUT naming it.",
  })
  missingCompanies!: string[];

  @Field(() => [MatrixPartyType], { description: "Rows: companies that buy from another listed company." })
  buyers!: MatrixPartyType[];

  @Field(() => [MatrixPartyType], { description: "Columns: companies that sell to another listed company." })
  suppliers!: MatrixPartyType[];

  @Field(() => [MatrixCellType], { description: "Only pairs with at least one purchase, in row then column order." })
  cells!: MatrixCellType[];

  @Field(() => ID, { nullable: true })
  productId!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  asOf!: string | null;

  @Field(() => PeriodEnum)
  period!: Period;
}
