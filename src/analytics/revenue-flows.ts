import {
  type DateSpan,
  type GraphNode,
  METRIC_KINDS,
  type Metric,
  type Relationship,
  type RelationshipKind,
} from "../domain/entities";
import { BadInputError } from "../domain/errors";
import { formatMoney } from "../domain/format";
import { addIntervals, type Interval, overlaps, rankValue, shareOf, shareOfSum, UNBOUNDED } from "../domain/interval";
import {
  boundedSumMoney,
  capMoney,
  convertPeriod,
  isPeriodic,
  type Money,
  money,
  type Period,
  remainderMoney,
  sumMoney,
  undisclosedMoney,
} from "../domain/money";
import type { GraphStore } from "../store/graph-store";
import { checkDate } from "../domain/dates";
import type { GroupChain } from "../domain/groups";
import { inForce } from "../domain/validity";
import { groupChains, parentsFromStore } from "./groups";

export type FlowDirection = "IN" | "OUT";
/** STATED: a source states the line's total; ATTRIBUTED: the total is the sum of the named amounts. */
export const TOTAL_SOURCES = ["STATED", "ATTRIBUTED"] as const;
export type TotalSource = (typeof TOTAL_SOURCES)[number];

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

export interface StatedShare {
  readonly share: Interval;
  readonly metricIds: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly refersTo: DateSpan;
}

export interface StatedTotal {
  /** The stated figure re-expressed per the report's period. */
  readonly amount: Money;
  /** The figure as the source states it. */
  readonly original: Money;
  readonly metricId: string;
  readonly evidenceIds: readonly string[];
  readonly refersTo: DateSpan;
}

export interface RevenueFlow {
  /** The counterparty; when rolled up, the top company of its corporate group. */
  readonly counterpartyId: string;
  /** Companies of the group behind this flow, from the buying/selling companies up to the top. */
  readonly memberIds: readonly string[];
  /** The companies that actually hold the relationships. */
  readonly counterpartIds: readonly string[];
  readonly productIds: readonly string[];
  /** Per the report's period; tightened by the stated total when a source gives no upper bound. */
  readonly amount: Money;
  /** What the sources say, re-expressed per the period, before any tightening. */
  readonly statedAmount: Money;
  readonly capped: boolean;
  /** False when every amount is one-off or cumulative (TOTAL): such a flow is left out of the sums. */
  readonly inTotals: boolean;
  /** Whether any source states an amount (not merely that money flows). */
  readonly amountKnown: boolean;
  /** Computed share of the line total. */
  readonly share: Interval | null;
  /** The same computed share, next to the stated one for the cross-check. */
  readonly computedShare: Interval | null;
  readonly statedShare: StatedShare | null;
  /** Do the stated and computed shares overlap? null when either is missing. */
  readonly sharesAgree: boolean | null;
  readonly relationshipIds: readonly string[];
  readonly evidenceIds: readonly string[];
  /** The lowest confidence among the relationships behind the flow. */
  readonly confidence: number;
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

// ---------------------------------------------------------------------------------------------
// Shared reading rules (also used by concentration, churn and the path searches).

export function checkPeriod(period: Period): Period {
  if (period === "TOTAL")
    throw new BadInputError(
      "period must be MONTH, QUARTER or YEAR: flows are rates, TOTAL amounts cannot be re-expressed",
    );
  if (!["MONTH", "QUARTER", "YEAR"].includes(period))
    throw new BadInputError(`unknown period ${JSON.stringify(period)}`);
  return period;
}

/** Reads the company (and product) in one call; unknown or wrong-kind ids are bad input. */
export async function requireNodes(
  store: GraphStore,
  companyIds: readonly string[],
  productId: string | null,
): Promise<Map<string, GraphNode>> {
  const ids = [...new Set([...companyIds, ...(productId ? [productId] : [])])];
  const nodes = await store.nodesByIds(ids);
  const byId = new Map<string, GraphNode>();
  nodes.forEach((n) => n && byId.set(n.id, n));
  const unknown = companyIds.filter((id) => byId.get(id)?.nodeKind !== "Company");
  if (unknown.length > 0) {
    throw new BadInputError(`unknown company: ${unknown.map((id) => JSON.stringify(id)).join(", ")}`, { ids: unknown });
  }
  if (productId && byId.get(productId)?.nodeKind !== "Product") {
    throw new BadInputError(`unknown product: ${JSON.stringify(productId)}`, { id: productId });
  }
  return byId;
}

/** Metric picked for a date: the latest that had started by `asOf` (the latest overall without a date). */
export function pickMetric(metrics: readonly Metric[], asOf: string | null): Metric | null {
  const candidates = metrics.filter((m) => !asOf || m.refersTo.from === null || m.refersTo.from <= asOf);
  candidates.sort((a, b) => (a.refersTo.from ?? "").localeCompare(b.refersTo.from ?? "") || a.id.localeCompare(b.id));
  return candidates.at(-1) ?? null;
}

export function statedTotalOf(
  metrics: readonly Metric[],
  productId: string | null,
  asOf: string | null,
  period: Period,
  notes: string[],
): StatedTotal | null {
  const revenue = metrics.filter(
    (m) => m.kind === METRIC_KINDS.revenue && m.productId === productId && m.money !== null,
  );
  const periodic = revenue.filter((m) => isPeriodic(m.money!));
  for (const m of revenue.filter((x) => !isPeriodic(x.money!))) {
    notes.push(
      `Revenue figure ${m.id} (${formatMoney(m.money!)}) is one-off or cumulative and cannot be a per-${period.toLowerCase()} total.`,
    );
  }
  const m = pickMetric(periodic, asOf);
  if (!m) return null;
  return {
    amount: convertPeriod(m.money!, period),
    original: m.money!,
    metricId: m.id,
    evidenceIds: m.evidenceIds,
    refersTo: m.refersTo,
  };
}

// ---------------------------------------------------------------------------------------------
// The line: flows, stated total, shares (pure, over relationships and metrics already read).

export interface FlowSeed {
  readonly counterpartyId: string;
  readonly memberIds: readonly string[];
  readonly relationships: readonly Relationship[];
  readonly statedShare: StatedShare | null;
}

export interface LineFigures {
  readonly period: Period;
  readonly currency: string;
  readonly flows: readonly RevenueFlow[];
  readonly total: Money;
  readonly totalSource: TotalSource;
  readonly attributed: Money;
  readonly unattributed: Money | null;
  readonly notes: readonly string[];
}

type Names = (id: string) => string;

function flowOrder(a: RevenueFlow, b: RevenueFlow): number {
  return (
    Number(b.inTotals) - Number(a.inTotals) ||
    rankValue(b.amount) - rankValue(a.amount) ||
    b.amount.high - a.amount.high ||
    a.counterpartyId.localeCompare(b.counterpartyId)
  );
}

/**
 * Builds the figures of one revenue line from its flows and (optionally) a stated total. Amounts
 * without an upper bound are capped at what the stated total leaves once every other flow takes its
 * minimum; one-off amounts are kept out of the sums; every step is said in `notes`.
 */
export function buildLine(
  seeds: readonly FlowSeed[],
  stated: Money | null,
  period: Period,
  names: Names,
  baseNotes: readonly string[] = [],
): LineFigures {
  const notes = [...baseNotes];
  const currency =
    stated?.currency ?? seeds.flatMap((s) => s.relationships).find((r) => r.amount)?.amount?.currency ?? "USD";

  const raw = seeds.map((seed) => {
    const comparable: Money[] = [];
    const oneOff: Money[] = [];
    let amountKnown = false;
    for (const r of seed.relationships) {
      const a = r.amount ?? undisclosedMoney(period, currency);
      if (r.amount && r.amount.qualifier !== "UNDISCLOSED") amountKnown = true;
      if (a.currency !== currency) {
        notes.push(
          `${names(seed.counterpartyId)}: ${formatMoney(a)} (${r.id}) is in ${a.currency}, not ${currency}; left out of the sums.`,
        );
      } else if (!isPeriodic(a)) {
        oneOff.push(a);
        notes.push(
          `${names(seed.counterpartyId)}: ${formatMoney(a)} (${r.id}) is one-off or cumulative, not per ${period.toLowerCase()}; left out of the sums.`,
        );
      } else {
        comparable.push(convertPeriod(a, period));
      }
    }
    const inTotals = comparable.length > 0;
    const statedAmount = inTotals
      ? sumMoney(comparable, period, currency)
      : oneOff.length > 0
        ? sumMoney(oneOff, "TOTAL", currency)
        : undisclosedMoney(period, currency);
    return { seed, inTotals, amountKnown, statedAmount };
  });

  const lows = raw.filter((f) => f.inTotals).reduce((acc, f) => acc + f.statedAmount.low, 0);
  const ceilingFor = (f: (typeof raw)[number]) =>
    stated && Number.isFinite(stated.high) ? stated.high - (lows - f.statedAmount.low) : UNBOUNDED;

  const amounts = raw.map((f) => {
    if (!f.inTotals || Number.isFinite(f.statedAmount.high) || !stated || !Number.isFinite(stated.high))
      return f.statedAmount;
    const capped = capMoney(f.statedAmount, ceilingFor(f));
    if (capped !== f.statedAmount) {
      const fixed = (n: number) => formatMoney(money(n, n, n, "EXACT", period, currency));
      notes.push(
        `${names(f.seed.counterpartyId)}: the sources give no upper bound (${formatMoney(f.statedAmount)}); capped at ${formatMoney(capped)}: ` +
          `the stated total's upper bound (${fixed(stated.high)}) less the other counterparties' minimum (${fixed(lows - f.statedAmount.low)}).`,
      );
    }
    return capped;
  });

  const countedIdx = raw.flatMap((f, i) => (f.inTotals ? [i] : []));
  const counted = countedIdx.map((i) => amounts[i]!);
  const attributed = boundedSumMoney(counted, period, stated?.high ?? UNBOUNDED, currency);
  const total = stated ?? attributed;
  const unattributed = stated ? remainderMoney(stated, attributed) : null;
  if (stated && attributed.low > stated.high) {
    notes.push(
      `The named amounts (at least ${formatMoney({ ...attributed, qualifier: "AT_LEAST" })}) exceed the stated total ${formatMoney(stated)}: the sources disagree.`,
    );
  }

  const flows = raw.map((f, i): RevenueFlow => {
    const amount = amounts[i]!;
    let share: Interval | null = null;
    if (f.inTotals) {
      if (stated) share = shareOf(amount, stated);
      else share = shareOfSum(amount, addIntervals(countedIdx.filter((j) => j !== i).map((j) => amounts[j]!)));
    }
    const statedShare = f.seed.statedShare;
    const rels = f.seed.relationships;
    return {
      counterpartyId: f.seed.counterpartyId,
      memberIds: f.seed.memberIds,
      counterpartIds: [...new Set(rels.map((r) => (f.seed.memberIds.includes(r.from) ? r.from : r.to)))].sort(),
      productIds: [...new Set(rels.map((r) => r.productId).filter((p): p is string => p !== null))].sort(),
      amount,
      statedAmount: f.statedAmount,
      capped: amount !== f.statedAmount,
      inTotals: f.inTotals,
      amountKnown: f.amountKnown,
      share,
      computedShare: share,
      statedShare,
      sharesAgree: statedShare && share ? overlaps(statedShare.share, share) : null,
      relationshipIds: rels.map((r) => r.id),
      evidenceIds: [...new Set([...rels.flatMap((r) => r.evidenceIds), ...(statedShare?.evidenceIds ?? [])])],
      confidence: Math.min(...rels.map((r) => r.confidence)),
    };
  });
  flows.sort(flowOrder);
  return {
    period,
    currency,
    flows,
    total,
    totalSource: stated ? "STATED" : "ATTRIBUTED",
    attributed,
    unattributed,
    notes,
  };
}

function statedShareOf(
  metrics: readonly Metric[],
  productId: string | null,
  counterpartyId: string,
  asOf: string | null,
): StatedShare | null {
  const m = pickMetric(
    metrics.filter(
      (x) =>
        x.kind === METRIC_KINDS.customerShare &&
        x.productId === productId &&
        x.counterpartyId === counterpartyId &&
        x.quantity?.unit === "FRACTION",
    ),
    asOf,
  );
  if (!m) return null;
  const q = m.quantity!;
  return {
    share: { low: q.low, high: q.high, estimate: q.estimate },
    metricIds: [m.id],
    evidenceIds: m.evidenceIds,
    refersTo: m.refersTo,
  };
}

/** A group's stated share: its own when stated, else the members' summed when every member has one. */
function groupStatedShare(
  metrics: readonly Metric[],
  productId: string | null,
  groupId: string,
  members: readonly string[],
  asOf: string | null,
): StatedShare | null {
  const own = statedShareOf(metrics, productId, groupId, asOf);
  if (own || members.length === 0) return own;
  const parts = members.map((id) => statedShareOf(metrics, productId, id, asOf));
  if (parts.some((p) => p === null)) return null;
  const sum = addIntervals(parts.map((p) => p!.share));
  return {
    share: {
      low: Math.min(1, sum.low),
      high: Math.min(1, sum.high),
      estimate: sum.estimate === null ? null : Math.min(1, sum.estimate),
    },
    metricIds: parts.flatMap((p) => p!.metricIds),
    evidenceIds: [...new Set(parts.flatMap((p) => p!.evidenceIds))],
    refersTo: parts[0]!.refersTo,
  };
}

/** Groups relationships into flow seeds: per counterparty, or per corporate group. */
export function seedsOf(
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

export function namesOf(nodes: ReadonlyMap<string, GraphNode>): Names {
  return (id) => nodes.get(id)?.name ?? id;
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
  const kinds: RelationshipKind[] = ["BUYS_FROM"];
  const [[page], [metrics]] = await Promise.all([
    store.relationshipsOf([companyId], { kinds, direction, productIds: productId ? [productId] : [], asOf }, {}),
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

  const named = await store.nodesByIds([...new Set(seeds.flatMap((s) => [s.counterpartyId, ...s.memberIds]))]);
  named.forEach((n) => n && nodes.set(n.id, n));
  const names = namesOf(nodes);
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
