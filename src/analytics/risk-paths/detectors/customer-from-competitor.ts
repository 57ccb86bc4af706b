import { endedBy } from "../../../domain/validity";
import { otherEnd } from "../../paths/path-hop";
import { type CustomerOnLine, customerDraft, stepsUpTo } from "../customers";
import type { Draft } from "../draft";
import { explainFromCompetitor } from "../explanations";
import type { RiskSearch } from "../search";

/** A company of the customer's group used to buy from a competitor of the supplier. */
export function* customerFromCompetitor(search: RiskSearch, customer: CustomerOnLine, level: number): Iterable<Draft> {
  const { supplierId, asOf, maxDepth } = search.request;
  const toCompany = stepsUpTo(customer, level);
  // After the purchase and the climb, the former purchase and the competition make two more hops.
  if (1 + toCompany.length + 2 > maxDepth) return;
  const companyId = customer.group.ids[level]!;
  const formerPurchases = search.reader
    .edges(companyId, "OUT", "BUYS_FROM")
    .filter((r) => r.from === companyId && r.to !== supplierId && endedBy(r, asOf));
  for (const former of formerPurchases) {
    for (const competes of customer.line.competition.filter((r) => otherEnd(r, supplierId) === former.to)) {
      yield customerDraft(customer, "CUSTOMER_FROM_COMPETITOR", {
        hops: [...toCompany, [former, companyId], [competes, former.to]],
        context: [],
        explain: (names) => explainFromCompetitor(names, customer, level, former, competes),
      });
    }
  }
}
