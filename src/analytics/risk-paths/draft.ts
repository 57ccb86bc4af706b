import type { Relationship } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import { interval } from "../../domain/interval";
import { type Money, qualifierFor } from "../../domain/money";
import type { Names } from "../nodes";
import { PATH_CAP } from "../paths/caps";
import { hopOf, pathId, type Step, walkNodes } from "../paths/path-hop";
import type { RankedPurchase } from "./neighbourhood";
import type { CustomerFlow, RevenueLine } from "./revenue-lines";
import type { RiskPath, RiskPathKind } from "./risk-path";

/** A path as a detector finds it, before its figures, id and wording are worked out. */
export interface Draft {
  readonly kind: RiskPathKind;
  readonly line: RevenueLine;
  /** The customer's revenue at risk; null when the whole line is exposed. */
  readonly flow: CustomerFlow | null;
  /** Where the walk starts, before its first hop. */
  readonly start: readonly string[];
  /**
   * The customer's purchase the path starts with, from the supplier (with `flow`): read with the
   * parts ranking needs only, it is read whole when the path is finished. Null for no customer.
   */
  readonly purchase: RankedPurchase | null;
  /** The hops after the purchase, if any. */
  readonly hops: readonly Step[];
  readonly context: readonly Step[];
  readonly explain: (names: Names) => string;
}

/** Keeps at most PATH_CAP drafts; `capped` says some were left out. */
export function collectDrafts(found: Iterable<Draft>): { drafts: Draft[]; capped: boolean } {
  const drafts: Draft[] = [];
  for (const draft of found) {
    if (drafts.length >= PATH_CAP) return { drafts, capped: true };
    drafts.push(draft);
  }
  return { drafts, capped: false };
}

/**
 * The path `draft` stands for. `purchases` holds the whole relationships of the purchases drafts
 * start with (readDraftPurchases).
 */
export function finishDraft(
  draft: Draft,
  supplierId: string,
  names: Names,
  purchases: ReadonlyMap<string, Relationship>,
): RiskPath {
  const purchaseHops = draft.purchase ? [hopOf(wholePurchase(purchases, draft.purchase), supplierId)] : [];
  const hops = [...purchaseHops, ...draft.hops.map(([r, enteredAt]) => hopOf(r, enteredAt))];
  const context = draft.context.map(([r, enteredAt]) => hopOf(r, enteredAt));
  const total = draft.line.figures.total;
  // With no one customer's flow at stake, anything from nothing to the whole line may go.
  const revenueAtRisk: Money = draft.flow
    ? draft.flow.amount
    : {
        ...interval(0, total.high),
        qualifier: qualifierFor(interval(0, total.high)),
        period: total.period,
        currency: total.currency,
      };
  return {
    id: pathId(`risk-${draft.kind.toLowerCase().replace(/_/g, "-")}`, [
      draft.line.productId,
      ...hops.map((h) => h.relationshipId),
      "|",
      ...context.map((h) => h.relationshipId),
    ]),
    kind: draft.kind,
    supplierId,
    productId: draft.line.productId,
    customerId: draft.flow?.counterpartyId ?? null,
    nodeIds: walkNodes(draft.start, hops),
    hops,
    context,
    revenueAtRisk,
    shareOfLine: draft.flow ? draft.flow.share : interval(0, 1),
    lineTotal: total,
    lineTotalSource: draft.line.figures.totalSource,
    confidence: [...hops, ...context].reduce((acc, h) => acc * h.confidence, 1),
    explanation: draft.explain(names),
    evidenceIds: [...new Set([...hops, ...context].flatMap((h) => h.evidenceIds))],
  };
}

function wholePurchase(purchases: ReadonlyMap<string, Relationship>, purchase: RankedPurchase): Relationship {
  const whole = purchases.get(purchase.id);
  if (!whole) throw new DomainError("INTERNAL", `purchase ${purchase.id} of a risk path was not read whole`);
  return whole;
}

/** The first of each id: different routes through the same relationships are one path. */
export function firstOfEachId(paths: readonly RiskPath[]): RiskPath[] {
  const seen = new Set<string>();
  return paths.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/** A relationship may show up in the context twice (as OFFERS of a model and of an upstream product). */
export function firstOfEachRelationship(steps: readonly Step[]): Step[] {
  const seen = new Set<string>();
  return steps.filter(([r]) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
