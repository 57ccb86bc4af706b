import { inForceOrPlanned } from "../../../domain/validity";
import { otherEnd } from "../../paths/path-hop";
import { type CustomerOnLine, customerDraft, stepsUpTo } from "../customers";
import type { Draft } from "../draft";
import { explainPartners } from "../explanations";
import { upstreamContext } from "../revenue-lines";
import type { RiskSearch } from "../search";

/** A company of the customer's group partners with a supplier the line is built on: it can cut out the middle. */
export function* customerPartnersUpstream(
  search: RiskSearch,
  customer: CustomerOnLine,
  level: number,
): Iterable<Draft> {
  const companyId = customer.group.ids[level]!;
  const partnerships = search.reader
    .edges(companyId, "OUT", "PARTNERS_WITH")
    .filter((r) => inForceOrPlanned(r, search.request.asOf));
  for (const partners of partnerships) {
    const link = customer.line.upstream.get(otherEnd(partners, companyId));
    if (!link) continue;
    yield customerDraft(customer, "CUSTOMER_PARTNERS_UPSTREAM", {
      hops: [...stepsUpTo(customer, level), [partners, companyId]],
      context: upstreamContext(link),
      explain: (names) => explainPartners(names, customer, level, partners, link),
    });
  }
}
