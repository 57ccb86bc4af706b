import { claimNotes } from "./claim-notes";
import { METRIC_KINDS, type Relationship, type RelationshipKind } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { Money, Period } from "../domain/money";
import type { GraphStore, RelationshipPage } from "../store/graph-store";
import { checkDate } from "../domain/dates";
import type { GroupChain } from "../domain/groups";
import { inForce, statusesThatCanHold } from "../domain/validity";
import { groupChains, parentsFromStore } from "./groups";
import { type Names, namesOf, requireNodes } from "./nodes";
import { buildLine, type FlowSeed, type RevenueFlow, type TotalSource } from "./revenue-line";
import { groupStatedShare, type StatedShare, type StatedTotal, statedTotalOf } from "./stated-figures";

export type FlowDirection = "IN" | "OUT";

export interface RevenueFlowsInput {
  readonly companyId: string;
  /** IN: money the company receives (its customers); OUT: money it pays (its suppliers). */
  readonly direction?: FlowDirection;
  readonly productId?: string | null;
  readonly asOf?: string | null;
  /** Sum counterparties by corporate group (the ultimate parent via SUBSIDIARY_OF). */
  readonly rollUpGroups?: boolean;
  /** The period every amount is re-expressed per (MONTH by default). */
  readonly period?: Period;
}

export interface RevenueFlowReport {
  readonly companyId: string;
  readonly productId: string | null;
  readonly direction: FlowDirection;
  readonly period: Period;
  readonly asOf: string | null;
  readonly rolledUp: boolean;
  readonly currency: string;
  readonly flows: readonly RevenueFlow[];
  readonly statedTotal: StatedTotal | null;
  /** The whole the shares are of: the stated total when there is one, otherwise the attributed sum. */
  readonly total: Money;
  readonly totalSource: TotalSource;
  readonly attributed: Money;
  /** stated - attributed, never below zero; null without a stated total. */
  readonly unattributed: Money | null;
  readonly notes: readonly string[];
}

function checkPeriod(period: Period): Period {
  if (period === "TOTAL")
    throw new BadInputError(
      "period must be MONTH, QUARTER or YEAR: flows are rates, TOTAL amounts cannot be re-expressed",
    );
  if (!["MONTH", "QUARTER", "YEAR"].includes(period))
    throw new BadInputError(`unknown period ${JSON.stringify(period)}`);
  return period;
}

/** Groups relationships into flow seeds: per counterparty, or per corporate group. */
function seedsOf(
  rels: readonly Relationship[],
  counterpartOf: (r: Relationship) => string,
  chains: Map<string, GroupChain> | null,
  statedShare: (counterpartyId: string, counterparts: readonly string[]) => StatedShare | null,
): FlowSeed[] {
  const byKey = new Map<string, { rels: Relationship[]; counterparts: Set<string>; members: Set<string> }>();
  for (const r of rels) {
    const c = counterpartOf(r);
    const chain = chains?.get(c);
    const key = chain ? chain.ids.at(-1)! : c;
    const entry = byKey.get(key) ?? { rels: [], counterparts: new Set<string>(), members: new Set<string>() };
    entry.rels.push(r);
    entry.counterparts.add(c);
    (chain?.ids ?? [c]).forEach((id) => entry.members.add(id));
    byKey.set(key, entry);
  }
  return [...byKey.entries()].map(([key, e]) => ({
    counterpartyId: key,
    memberIds: [...e.members].sort(),
    relationships: e.rels.sort((a, b) => a.id.localeCompare(b.id)),
    statedShare: statedShare(key, [...e.counterparts].sort()),
  }));
}

export interface LoadedLine {
  readonly report: RevenueFlowReport;
  /** The relationships behind each flow, to rebuild the line under another assumption. */
  readonly seeds: readonly FlowSeed[];
  /** Group chain of each counterpart (only when rolled up). */
  readonly chains: ReadonlyMap<string, GroupChain> | null;
  readonly names: Names;
  /** Notes about the inputs (not about one build of the line). */
  readonly inputNotes: readonly string[];
  readonly counterpartOf: (r: Relationship) => string;
}

/** The relationships money moves along, as a line counts it. */
const MONEY_KINDS: readonly RelationshipKind[] = ["BUYS_FROM"];

/**
 * The company's purchases or sales that may be in force, with the counterparties themselves: the
 * line names them, and without groups they are all it names.
 */
function readPurchases(
  store: GraphStore,
  companyId: string,
  direction: FlowDirection,
  productId: string | null,
  asOf: string | null,
): Promise<RelationshipPage[]> {
  const statuses = statusesThatCanHold(inForce, asOf);
  const filter = { kinds: MONEY_KINDS, direction, productIds: productId ? [productId] : [], statuses, asOf };
  return store.relationshipsOf([companyId], filter, {}, { withNeighbours: true });
}

/** Reads a line and builds its figures; revenueFlows returns the report, churn rebuilds from the seeds. */
export async function loadLine(store: GraphStore, input: RevenueFlowsInput): Promise<LoadedLine> {
  const direction = input.direction ?? "IN";
  if (direction !== "IN" && direction !== "OUT") throw new BadInputError("direction must be IN or OUT");
  const period = checkPeriod(input.period ?? "MONTH");
  const asOf = checkDate("asOf", input.asOf);
  const productId = input.productId ?? null;
  const rollUp = input.rollUpGroups ?? false;
  const { companyId } = input;

  const nodes = await requireNodes(store, [companyId], productId);
  const [[page], [metrics]] = await Promise.all([
    readPurchases(store, companyId, direction, productId, asOf),
    store.metricsOf([companyId], [METRIC_KINDS.revenue, METRIC_KINDS.customerShare]),
  ]);
  const rels = page!.items.filter(
    (r) => inForce(r, asOf) && (direction === "IN" ? r.to === companyId : r.from === companyId),
  );
  const counterpartOf = (r: Relationship) => (direction === "IN" ? r.from : r.to);
  const counterparts = [...new Set(rels.map(counterpartOf))];

  const chains = rollUp ? await groupChains(parentsFromStore(store, asOf), counterparts, asOf) : null;
  const inputNotes: string[] = [];
  // Revenue and customer shares are figures of the receiving side, so only money in has them.
  const stated = direction === "IN" ? statedTotalOf(metrics!, productId, asOf, period, inputNotes) : null;
  const seeds = seedsOf(rels, counterpartOf, chains, (key, members) =>
    direction === "IN" ? groupStatedShare(metrics!, productId, key, members, asOf) : null,
  );

  for (const neighbour of page!.neighbours) nodes.set(neighbour.id, neighbour);
  const unnamed = [...new Set(seeds.flatMap((s) => [s.counterpartyId, ...s.memberIds]))].filter((id) => !nodes.has(id));
  const named = await store.nodesByIds(unnamed);
  named.forEach((n) => n && nodes.set(n.id, n));
  const names = namesOf(nodes);
  inputNotes.push(...claimNotes(rels, asOf, (r) => names(counterpartOf(r))));
  const line = buildLine(seeds, stated?.amount ?? null, period, names, inputNotes);

  const report: RevenueFlowReport = {
    companyId,
    productId,
    direction,
    period,
    asOf,
    rolledUp: rollUp,
    currency: line.currency,
    flows: line.flows,
    statedTotal: stated,
    total: line.total,
    totalSource: line.totalSource,
    attributed: line.attributed,
    unattributed: line.unattributed,
    notes: line.notes,
  };
  return { report, seeds, chains, names, inputNotes, counterpartOf };
}

/**
 * Money into (IN) or out of (OUT) a company, per counterparty or per corporate group, with the
 * stated total of the line, what the named counterparties account for, and what is left.
 */
export async function revenueFlows(store: GraphStore, input: RevenueFlowsInput): Promise<RevenueFlowReport> {
  return (await loadLine(store, input)).report;
}
