import { otherEnd } from "../../paths/path-hop";
import { type CustomerOnLine, customerDraft, stepsUpTo } from "../customers";
import type { Draft } from "../draft";
import { explainCompeting } from "../explanations";
import { concernsLine, upstreamContext } from "../revenue-lines";
import { competitionOf, type RiskSearch } from "../search";

/** A company of the customer's group competes with the supplier, or with a supplier the line is built on. */
export function* customerBuildsCompeting(search: RiskSearch, customer: CustomerOnLine, level: number): Iterable<Draft> {
  const companyId = customer.group.ids[level]!;
  for (const competes of competitionOf(search, companyId)) {
    const rivalId = otherEnd(competes, companyId);
    if (customer.group.ids.includes(rivalId)) continue;
    const rivalsSupplier = rivalId === customer.supplierId && concernsLine(competes, customer.line.productId);
    const link = rivalsSupplier ? null : customer.line.upstream.get(rivalId);
    if (link === undefined) continue;
    yield customerDraft(customer, "CUSTOMER_BUILDS_COMPETING", {
      hops: [...stepsUpTo(customer, level), [competes, companyId]],
      context: link ? upstreamContext(link) : [],
      explain: (names) => explainCompeting(names, customer, level, competes, link),
    });
  }
}
