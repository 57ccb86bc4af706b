import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Derivation, Evidence, Metric, Quantity, Source } from "../../domain/entities";
import type { Money } from "../../domain/money";
import type { Context } from "../context";
import { evidenceByIds, loadPresent, nodeById } from "../reads";
import { MoneyType, QuantityType } from "../types/amount.type";
import { CompanyType, ProductType } from "../types/company.type";
import { EntityType } from "../types/entity.type";
import { DerivationType, EvidenceType, SourceType } from "../types/evidence.type";
import { MetricType } from "../types/metric.type";

@Resolver(() => EvidenceType)
export class EvidenceResolver {
  @FieldResolver(() => SourceType)
  source(@Root() e: Evidence, @Ctx() ctx: Context) {
    return ctx.loaders.source.load(e.sourceId);
  }
}

@Resolver(() => SourceType)
export class SourceResolver {
  @FieldResolver(() => [SourceType], {
    description: "The sources this one repeats or cites; sources that trace back to one origin count once.",
  })
  derivedFrom(@Root() s: Source, @Ctx() ctx: Context): Promise<Source[]> {
    return loadPresent(ctx.loaders.source, s.derivedFrom);
  }

  @FieldResolver(() => [DerivationType], {
    description:
      "Lineage recorded about this source after it was recorded, each counted from its own record time on (see knownAt).",
  })
  derivations(@Root() s: Source): readonly Derivation[] {
    return s.derivations;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the text is held, so that quotes from it are checked against it.",
  })
  textHeld(@Root() s: Source): boolean {
    return s.document !== null;
  }
}

@Resolver(() => DerivationType)
export class DerivationResolver {
  @FieldResolver(() => SourceType, { description: "The source found to repeat another." })
  source(@Root() d: Derivation, @Ctx() ctx: Context) {
    return ctx.loaders.source.load(d.sourceId);
  }

  @FieldResolver(() => SourceType, { description: "The source it repeats." })
  derivedFrom(@Root() d: Derivation, @Ctx() ctx: Context) {
    return ctx.loaders.source.load(d.derivedFrom);
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() d: Derivation, @Ctx() ctx: Context): Promise<Evidence[]> {
    return evidenceByIds(ctx, d.evidenceIds);
  }
}

@Resolver(() => MetricType)
export class MetricResolver {
  @FieldResolver(() => EntityType, { description: "The company (or product) the figure is about." })
  subject(@Root() m: Metric, @Ctx() ctx: Context) {
    return ctx.loaders.node.load(m.subjectId);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() m: Metric, @Ctx() ctx: Context) {
    return nodeById(ctx, m.productId);
  }

  @FieldResolver(() => CompanyType, { nullable: true, description: "For a customer share: the customer." })
  counterparty(@Root() m: Metric, @Ctx() ctx: Context) {
    return nodeById(ctx, m.counterpartyId);
  }

  @FieldResolver(() => MoneyType, { nullable: true })
  money(@Root() m: Metric): Money | null {
    return m.money;
  }

  @FieldResolver(() => QuantityType, { nullable: true })
  quantity(@Root() m: Metric): Quantity | null {
    return m.quantity;
  }

  @FieldResolver(() => [EvidenceType])
  evidence(@Root() m: Metric, @Ctx() ctx: Context): Promise<Evidence[]> {
    return evidenceByIds(ctx, m.evidenceIds);
  }
}
