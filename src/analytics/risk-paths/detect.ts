import { customerOn, type CustomerOnLine } from "./customers";
import { concentration, concentrationFlag } from "./detectors/concentration";
import { customerBuildsCompeting } from "./detectors/customer-builds-competing";
import { customerFromCompetitor } from "./detectors/customer-from-competitor";
import { customerPartnersUpstream } from "./detectors/customer-partners-upstream";
import { termsConflict } from "./detectors/terms-conflict";
import { upstreamSellsDirect } from "./detectors/upstream-sells-direct";
import type { Draft } from "./draft";
import type { RevenueLine } from "./revenue-lines";
import type { RiskSearch } from "./search";

/**
 * Every wanted pattern, line by line and customer by customer. The order is part of the answer:
 * when the path cap is hit, the drafts found first are the ones kept.
 */
export function* detectRisks(search: RiskSearch, lines: readonly RevenueLine[]): Iterable<Draft> {
  const { wants, customerSide, threshold } = search.request;
  for (const line of lines) {
    if (wants("UPSTREAM_SELLS_DIRECT")) yield* upstreamSellsDirect(search, line);
    for (const flow of line.figures.flows) {
      const concentrated = wants("CONCENTRATION") && concentrationFlag(flow, threshold) !== null;
      // A customer left out of the search at a hub has only its purchase read: nothing more to find.
      const explored = customerSide && search.hood.exploredCustomerIds.has(flow.counterpartyId);
      // At a hub most customers are neither: their purchase and group are not worked out.
      if (!concentrated && !explored) continue;
      const customer = customerOn(search, line, flow);
      if (concentrated) yield* concentration(search, customer);
      if (explored) yield* groupRisks(search, customer);
    }
  }
}

/** Patterns that may start at any company of the customer's group. */
function* groupRisks(search: RiskSearch, customer: CustomerOnLine): Iterable<Draft> {
  const { wants, maxDepth } = search.request;
  // The purchase and the climb to the company take 1 + level hops; each pattern adds at least one.
  for (let level = 0; level < customer.group.ids.length && 1 + level + 1 <= maxDepth; level++) {
    if (wants("CUSTOMER_BUILDS_COMPETING")) yield* customerBuildsCompeting(search, customer, level);
    if (wants("CUSTOMER_PARTNERS_UPSTREAM")) yield* customerPartnersUpstream(search, customer, level);
    if (wants("CUSTOMER_FROM_COMPETITOR")) yield* customerFromCompetitor(search, customer, level);
    if (wants("TERMS_CONFLICT")) yield* termsConflict(search, customer, level);
  }
}
