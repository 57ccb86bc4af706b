import type { Relationship } from "../../../domain/entities";
import { inForce } from "../../../domain/validity";
import { otherEnd, type Step } from "../../paths/path-hop";
import type { Draft } from "../draft";
import { explainSellsDirect } from "../explanations";
import { type RevenueLine, upstreamContext, type UpstreamLink } from "../revenue-lines";
import type { RiskSearch } from "../search";

/**
 * A supplier the line is built on competes with the supplier, or sells another product in the line
 * product's category: it can reach the supplier's customers without the supplier.
 */
export function* upstreamSellsDirect(search: RiskSearch, line: RevenueLine): Iterable<Draft> {
  const { supplierId } = search.request;
  for (const link of line.upstream.values()) {
    const upstreamSupplierId = link.supplierId;
    const rivalry = line.competition.filter((r) => otherEnd(r, supplierId) === upstreamSupplierId);
    const sameMarket = sameMarketOffers(search, line, link);
    const context = upstreamContext(link);
    // Competition is the stronger sign; the other offers then only support it.
    if (rivalry.length > 0) {
      const marketSteps = sameMarket.map((r): Step => [r, upstreamSupplierId]);
      for (const competes of rivalry) {
        yield wholeLineDraft(line, {
          start: [supplierId],
          hops: [[competes, supplierId]],
          context: [...context, ...marketSteps],
          explain: (names) => explainSellsDirect(names, line, supplierId, link, competes, sameMarket[0] ?? null),
        });
      }
    } else {
      for (const offers of sameMarket) {
        yield wholeLineDraft(line, {
          start: [supplierId, upstreamSupplierId],
          hops: [[offers, upstreamSupplierId]],
          context,
          explain: (names) => explainSellsDirect(names, line, supplierId, link, null, offers),
        });
      }
    }
  }
}

function wholeLineDraft(line: RevenueLine, path: Pick<Draft, "start" | "hops" | "context" | "explain">): Draft {
  return { kind: "UPSTREAM_SELLS_DIRECT", line, flow: null, purchase: null, ...path };
}

/** What the upstream supplier offers in the line product's category, apart from the line's own chain. */
function sameMarketOffers(search: RiskSearch, line: RevenueLine, link: UpstreamLink): Relationship[] {
  const { nodes, reader } = search;
  const categoryOf = (productId: string) => nodes.get(productId)?.category ?? null;
  const category = categoryOf(line.productId);
  if (category === null) return [];
  const upstreamSupplierId = link.supplierId;
  return reader
    .edges(upstreamSupplierId, "OUT", "OFFERS")
    .filter(
      (r) =>
        r.from === upstreamSupplierId &&
        inForce(r, search.request.asOf) &&
        r.to !== line.productId &&
        !link.builtOn.some((b) => b.to === r.to) &&
        categoryOf(r.to) === category,
    );
}
