import type { Relationship } from "../../../domain/entities";
import { hasStarted, inForce } from "../../../domain/validity";
import { otherEnd, type Step } from "../../paths/path-hop";
import { type CustomerOnLine, customerDraft, stepsUpTo } from "../customers";
import { type Draft, firstOfEachRelationship } from "../draft";
import { explainTerms, type TermsConflict } from "../explanations";
import { upstreamContext } from "../revenue-lines";
import { competitionOf, type RiskSearch } from "../search";

/**
 * A company of the customer's group uses a model of an upstream supplier (or the line product itself)
 * while a company of the group competes with that supplier. The user of the model and the competitor
 * may be different companies of the group.
 */
export function* termsConflict(search: RiskSearch, customer: CustomerOnLine, competitorLevel: number): Iterable<Draft> {
  const { asOf, maxDepth } = search.request;
  const { group } = customer;
  for (let userLevel = 0; userLevel < group.ids.length; userLevel++) {
    const climb = Math.max(competitorLevel, userLevel);
    // The purchase, the climb to the higher of the two companies, the use and the competition.
    if (1 + climb + 2 > maxDepth) continue;
    const userId = group.ids[userLevel]!;
    const uses = search.reader
      .edges(userId, "OUT", "USES_MODEL")
      .filter((r) => r.from === userId && hasStarted(r, asOf));
    for (const use of uses) yield* conflictsOfUse(search, customer, competitorLevel, climb, use);
  }
}

function* conflictsOfUse(
  search: RiskSearch,
  customer: CustomerOnLine,
  competitorLevel: number,
  climb: number,
  use: Relationship,
): Iterable<Draft> {
  const competitorId = customer.group.ids[competitorLevel]!;
  const modelId = use.to;
  for (const competes of competitionOf(search, competitorId)) {
    const upstreamSupplierId = otherEnd(competes, competitorId);
    const link = customer.line.upstream.get(upstreamSupplierId);
    if (!link) continue;
    const offersModel =
      search.reader
        .edges(modelId, "IN", "OFFERS")
        .find((r) => r.from === upstreamSupplierId && r.to === modelId && inForce(r, search.request.asOf)) ?? null;
    if (modelId !== customer.line.productId && !offersModel) continue;
    const offersStep: Step[] = offersModel ? [[offersModel, modelId]] : [];
    const conflict: TermsConflict = { level: climb, use, competitorId, competes, link, offersModel };
    yield customerDraft(customer, "TERMS_CONFLICT", {
      hops: [...stepsUpTo(customer, climb), [use, use.from], [competes, competitorId]],
      context: firstOfEachRelationship([...offersStep, ...upstreamContext(link)]),
      explain: (names) => explainTerms(names, customer, conflict),
    });
  }
}
