import { formatShare } from "../../domain/format";
import { addIntervals, exact, type Interval, isBounded, rankValue, shareOfSum } from "../../domain/interval";
import type { Names } from "../nodes";
import { FANOUT_CAP, FRONTIER_CAP, PATH_CAP } from "../paths/caps";
import type { LevelReader, PartialRead } from "../paths/level-reader";
import type { MeasuredLine } from "./revenue-lines";
import type { RiskRequest, RiskSearchCoverage } from "./risk-path";

/**
 * Most customers of one supplier whose companies one search expands. The same as the fan-out cap, so
 * that searching a hub costs what searching a node at the cap costs.
 */
const CUSTOMER_BUDGET = FANOUT_CAP;

/** The customers a search expands, out of how many, and their share of the revenue. */
export interface CustomerChoice {
  readonly explored: ReadonlySet<string>;
  readonly total: number;
  readonly revenueExplored: Interval | null;
  /** The explored customers' share of the figures they were ranked by; null when none was left out. */
  readonly rankedShare: number | null;
  /** The lines are in several currencies: their amounts do not add up. */
  readonly severalCurrencies: boolean;
}

/** A customer's revenue over every line, as the lines count it (one-off amounts stay out of it). */
interface Carried {
  readonly customerId: string;
  readonly amounts: readonly Interval[];
  readonly rank: number;
  readonly bounded: boolean;
}

function carriedByCustomer(lines: readonly MeasuredLine[]): Carried[] {
  const amounts = new Map<string, Interval[]>();
  for (const line of lines) {
    for (const flow of line.figures.flows) {
      const own = amounts.get(flow.counterpartyId) ?? [];
      if (flow.inTotals) own.push(flow.amount);
      amounts.set(flow.counterpartyId, own);
    }
  }
  return [...amounts].map(([customerId, own]) => ({
    customerId,
    amounts: own,
    rank: own.reduce((sum, amount) => sum + rankValue(amount), 0),
    bounded: own.every(isBounded),
  }));
}

/** Most revenue first; at equal rank a known amount before one without an upper bound; then by id. */
function byRevenueCarried(a: Carried, b: Carried): number {
  return (
    b.rank - a.rank ||
    Number(b.bounded) - Number(a.bounded) ||
    (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0)
  );
}

/**
 * The customers whose companies the search expands: all of them up to CUSTOMER_BUDGET; beyond it,
 * those that carry the most revenue, so that at a hub the reads go where the line's money is. A
 * customer left out still counts in the line's figures and is still assessed for concentration
 * (that needs only its purchase); only the paths through its group, competitors, partners and
 * models are not searched.
 */
export function chooseCustomers(lines: readonly MeasuredLine[], request: RiskRequest): CustomerChoice {
  const carried = carriedByCustomer(lines);
  if (!request.customerSide || carried.length <= CUSTOMER_BUDGET) {
    return {
      explored: new Set(carried.map((c) => c.customerId)),
      total: carried.length,
      revenueExplored: carried.length > 0 ? exact(1) : null,
      rankedShare: null,
      severalCurrencies: false,
    };
  }
  const ranked = [...carried].sort(byRevenueCarried);
  const explored = ranked.slice(0, CUSTOMER_BUDGET);
  const leftOut = ranked.slice(CUSTOMER_BUDGET);
  const sum = (customers: readonly Carried[]) => addIntervals(customers.flatMap((c) => c.amounts));
  const ranks = (customers: readonly Carried[]) => customers.reduce((acc, c) => acc + c.rank, 0);
  // Amounts in different currencies do not add up: no share can be told then.
  const severalCurrencies = new Set(lines.map((line) => line.figures.currency)).size > 1;
  const allRanks = ranks(ranked);
  return {
    explored: new Set(explored.map((c) => c.customerId)),
    total: carried.length,
    revenueExplored: severalCurrencies ? null : shareOfSum(sum(explored), sum(leftOut)),
    rankedShare: !severalCurrencies && allRanks > 0 ? ranks(explored) / allRanks : null,
    severalCurrencies,
  };
}

/** What the search covered and, in plain English, everything a cap left out. */
export function coverageOf(
  choice: CustomerChoice,
  reader: LevelReader,
  capped: boolean,
  names: Names,
): RiskSearchCoverage {
  const reasons = [
    customersLeftOut(choice),
    partialReads(reader.partialReads, names),
    reader.frontierLeftOut > 0
      ? `${count(reader.frontierLeftOut)} companies or products were not read: a level of the search reached more than ${count(FRONTIER_CAP)}.`
      : null,
    capped ? `More than ${count(PATH_CAP)} paths were found; the first ${count(PATH_CAP)} found were ranked.` : null,
  ].filter((reason): reason is string => reason !== null);
  return {
    customersExplored: choice.explored.size,
    customersTotal: choice.total,
    revenueExplored: choice.revenueExplored,
    reason: reasons.length > 0 ? reasons.join(" ") : null,
  };
}

const count = (n: number) => n.toLocaleString("en");

function customersLeftOut(choice: CustomerChoice): string | null {
  const { explored, total } = choice;
  if (explored.size === total) return null;
  return (
    `Explored the ${count(explored.size)} customers that carry the most revenue: ${shareCarried(choice)}. ` +
    `The other ${count(total - explored.size)} ${total - explored.size === 1 ? "was" : "were"} assessed for concentration only: ` +
    `paths through their groups, competitors, partners and the models they use were not searched.`
  );
}

/**
 * The explored customers' share of the figures they were ranked by (estimates, else lower bounds),
 * and of the attributed revenue as far as the amounts' bounds tell: amounts without an upper bound
 * can leave that anywhere from 0 to 100 %.
 */
function shareCarried({ revenueExplored, rankedShare, severalCurrencies }: CustomerChoice): string {
  if (severalCurrencies) return "their share of the revenue cannot be told, the lines being in several currencies";
  if (rankedShare === null) return "their share of the revenue cannot be told, no source stating an amount";
  const ranked = `${Number((rankedShare * 100).toFixed(1))}% of the amounts the sources give (counting lower bounds where there is no estimate)`;
  const bounded = revenueExplored && (revenueExplored.low > 0 || revenueExplored.high < 1);
  return bounded
    ? `${ranked}, ${formatShare(revenueExplored)} of the attributed revenue within the amounts' bounds`
    : `${ranked}; amounts without an upper bound leave their share of the attributed revenue open`;
}

/** Nodes listed by name, at most this many; then how many more. */
const LISTED = 5;

function partialReads(reads: readonly PartialRead[], names: Names): string | null {
  if (reads.length === 0) return null;
  const listed = reads.slice(0, LISTED).map((r) => {
    const which = r.direction === "IN" ? "incoming" : "outgoing";
    return `${names(r.nodeId)} (${count(r.read)} of ${count(r.total)} ${which})`;
  });
  const more = reads.length > LISTED ? ` and ${count(reads.length - LISTED)} more` : "";
  return `Only the first relationships by id were followed where a node has more than the cap: ${listed.join(", ")}${more}.`;
}
