import { checkThreshold } from "../domain/bounds";
import type { Relationship } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import { formatMoney, formatShare } from "../domain/format";
import { type Interval, shareOf } from "../domain/interval";
import { boundedSumMoney, type Money, type Period, remainderMoney } from "../domain/money";
import type { GraphStore } from "../store/graph-store";
import { type ConcentrationInput, type ConcentrationReport, concentrationOfLine, customerLine } from "./concentration";
import type { Names } from "./nodes";
import { type LoadedLine, loadLine, type RevenueFlowReport } from "./revenue-flows";
import { buildLine, type FlowSeed, type RevenueFlow, type TotalSource } from "./revenue-line";

export interface ChurnInput extends ConcentrationInput {
  /** Customers that leave; rolled up, a group's company stands for itself and its subsidiaries. */
  readonly lostCustomerIds: readonly string[];
}

export interface ChurnSimulation {
  readonly companyId: string;
  readonly productId: string | null;
  readonly asOf: string | null;
  readonly period: Period;
  readonly lostCustomerIds: readonly string[];
  /** The line before: the stated total when there is one, otherwise the attributed sum. */
  readonly totalBefore: Money;
  readonly totalSource: TotalSource;
  /** What the leaving customers pay. */
  readonly lost: Money;
  /** What is left of the line (never below zero). */
  readonly remaining: Money;
  /** lost / total before: the fraction of the line that goes (0.24 is a 24 % cut). */
  readonly relativeLoss: Interval | null;
  /** The flows that go, as they were before. */
  readonly lostFlows: readonly RevenueFlow[];
  readonly concentrationBefore: ConcentrationReport;
  readonly concentrationAfter: ConcentrationReport;
  readonly notes: readonly string[];
}

/** What a supplier's line and its concentration look like once the given customers leave. */
export async function simulateChurn(store: GraphStore, input: ChurnInput): Promise<ChurnSimulation> {
  const lostIds = [...new Set(input.lostCustomerIds)];
  if (lostIds.length === 0) throw new BadInputError("lostCustomers must name at least one customer");
  const threshold = checkThreshold(input.threshold);
  const loaded = await loadLine(store, customerLine(input));
  const { report: before, names } = loaded;
  const { lostSeeds, keptSeeds } = splitSeeds(loaded, lostIds);
  const stated = before.statedTotal?.amount ?? null;
  // Both parts in one build, so that caps on open-ended amounts are computed exactly as before.
  const split = buildLine([...lostSeeds, ...keptSeeds], stated, "MONTH", names, loaded.inputNotes);
  const lostRelIds = new Set(lostSeeds.flatMap((s) => s.relationships.map((r) => r.id)));
  const lostFlows = split.flows.filter((f) => f.relationshipIds.every((id) => lostRelIds.has(id)));

  const lost = boundedSumMoney(
    lostFlows.filter((f) => f.inTotals).map((f) => f.amount),
    "MONTH",
    before.total.high,
    before.currency,
  );
  const remaining = remainderMoney(before.total, lost);
  const relativeLoss = shareOf(lost, before.total);

  const meta = { companyId: before.companyId, productId: before.productId, asOf: before.asOf, threshold };
  const after = buildLine(keptSeeds, stated ? remaining : null, "MONTH", names, loaded.inputNotes);
  return {
    companyId: before.companyId,
    productId: before.productId,
    asOf: before.asOf,
    period: "MONTH",
    lostCustomerIds: lostIds,
    totalBefore: before.total,
    totalSource: before.totalSource,
    lost,
    remaining,
    relativeLoss,
    lostFlows,
    concentrationBefore: concentrationOfLine(before, meta),
    concentrationAfter: concentrationOfLine(after, meta),
    notes: [...before.notes, ...lossNotes(names, before, lostFlows, lost, relativeLoss)],
  };
}

/**
 * Splits each flow into the part that goes and the part that stays. A relationship goes when its
 * customer leaves or, rolled up, when a company above it does. Naming a company that is no customer
 * is bad input rather than a loss of nothing.
 */
function splitSeeds(loaded: LoadedLine, lostIds: readonly string[]): { lostSeeds: FlowSeed[]; keptSeeds: FlowSeed[] } {
  const { report: before, chains, counterpartOf, names } = loaded;
  const leaversOf = (customerId: string) => chains?.get(customerId)?.ids ?? [customerId];
  const known = new Set(loaded.seeds.flatMap((s) => s.relationships.flatMap((r) => leaversOf(counterpartOf(r)))));
  const strangers = lostIds.filter((id) => !known.has(id));
  if (strangers.length > 0) {
    const line = before.productId ? `${names(before.companyId)} (${names(before.productId)})` : names(before.companyId);
    throw new BadInputError(`not customers of ${line}: ${strangers.join(", ")}`, { ids: strangers });
  }
  const goes = (r: Relationship) => leaversOf(counterpartOf(r)).some((id) => lostIds.includes(id));
  const lostSeeds: FlowSeed[] = [];
  const keptSeeds: FlowSeed[] = [];
  for (const seed of loaded.seeds) {
    const gone = seed.relationships.filter(goes);
    const kept = seed.relationships.filter((r) => !goes(r));
    // A stated share belongs to the whole flow, so it stays only with a part that is the whole.
    if (gone.length > 0)
      lostSeeds.push({ ...seed, relationships: gone, statedShare: kept.length === 0 ? seed.statedShare : null });
    if (kept.length > 0)
      keptSeeds.push({ ...seed, relationships: kept, statedShare: gone.length === 0 ? seed.statedShare : null });
  }
  return { lostSeeds, keptSeeds };
}

function lossNotes(
  names: Names,
  before: RevenueFlowReport,
  lostFlows: readonly RevenueFlow[],
  lost: Money,
  relativeLoss: Interval | null,
): string[] {
  const notes = [
    `Losing ${lostFlows.map((f) => names(f.counterpartyId)).join(", ")} removes ${formatMoney(lost)} of ${formatMoney(before.total)}` +
      (relativeLoss ? `, ${formatShare(relativeLoss)} of the line.` : "."),
  ];
  if (before.statedTotal)
    notes.push("After the loss the line is the stated total less what the leaving customers pay.");
  return notes;
}
