import { chainUp, type GroupChain, parentLink } from "../../domain/groups";
import { interval, rankValue } from "../../domain/interval";
import type { Step } from "../paths/path-hop";
import type { Draft } from "./draft";
import type { RankedPurchase } from "./neighbourhood";
import type { CustomerFlow, RevenueLine } from "./revenue-lines";
import type { RiskPathKind } from "./risk-path";
import type { RiskSearch } from "./search";

/** A customer's revenue on one line, and the group above the customer as far as the search read it. */
export interface CustomerOnLine {
  readonly supplierId: string;
  readonly line: RevenueLine;
  readonly flow: CustomerFlow;
  /** The customer's largest purchase of the line: the first hop of every path through the customer. */
  readonly purchase: RankedPurchase;
  /** [customer, parent, ...]; a pattern may start at any company of it. */
  readonly group: GroupChain;
}

/** The customer behind `flow` on `line`: its purchase and its group, as far as the search read it. */
export function customerOn(search: RiskSearch, line: RevenueLine, flow: CustomerFlow): CustomerOnLine {
  const { supplierId, asOf } = search.request;
  const { reader, hood } = search;
  const group = chainUp(flow.counterpartyId, (id) => {
    const link = parentLink(reader.edges(id, "OUT", "SUBSIDIARY_OF"), id, asOf);
    return link && hood.customerLevels.has(link.to) ? link : null;
  });
  return { supplierId, line, flow, purchase: largestPurchase(flow.seed.relationships), group };
}

/** The customer's purchases of the line are its flow's relationships. */
function largestPurchase(purchases: readonly RankedPurchase[]): RankedPurchase {
  const rank = (r: RankedPurchase) => rankValue(r.amount ?? interval(0, 0));
  const larger = (a: RankedPurchase, b: RankedPurchase) => rank(b) - rank(a) || a.id.localeCompare(b.id);
  return purchases.reduce((largest, r) => (larger(r, largest) < 0 ? r : largest));
}

/** Up the customer's group `level` companies: the hops after the purchase. */
export function stepsUpTo(customer: CustomerOnLine, level: number): Step[] {
  const { group } = customer;
  return group.links.slice(0, level).map((link, i): Step => [link, group.ids[i]!]);
}

/** A path through one customer's revenue, starting at the supplier with the customer's purchase. */
export function customerDraft(
  customer: CustomerOnLine,
  kind: RiskPathKind,
  path: Pick<Draft, "hops" | "context" | "explain">,
): Draft {
  const { line, flow, supplierId, purchase } = customer;
  return { kind, line, flow, start: [supplierId], purchase, ...path };
}
