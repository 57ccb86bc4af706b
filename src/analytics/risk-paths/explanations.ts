import type { Relationship } from "../../domain/entities";
import { formatMoney, formatShare } from "../../domain/format";
import type { Names } from "../nodes";
import type { ThresholdFlag } from "../concentration";
import type { CustomerOnLine } from "./customers";
import type { CustomerFlow, RevenueLine, UpstreamLink } from "./revenue-lines";

// Plain English, generated from the path: every name and figure in a sentence is a node or hop of it.

function competeVerb(r: Relationship): string {
  switch (r.status) {
    case "PLANNED":
      return "plans to compete with";
    case "REPORTED":
      return "is reported to compete with";
    case "FORMER":
      return "competed with";
    default:
      return "competes with";
  }
}

function useVerb(r: Relationship): string {
  if (r.validTo !== null) return r.status === "REPORTED" ? "was reported to have used" : "used";
  if (r.confidence < 0.5) return "may be using";
  return r.status === "REPORTED" ? "is reported to use" : "uses";
}

const inMarket = (r: Relationship) => (r.market ? ` in ${r.market}` : "");

function intro(names: Names, { line, supplierId, flow }: CustomerOnLine): string {
  return `${names(flow.counterpartyId)} pays ${names(supplierId)} ${formatMoney(flow.amount)} for ${names(line.productId)}.`;
}

function groupClause(names: Names, { group }: CustomerOnLine, level: number): string {
  if (level === 0) return "";
  const [parentId, ...aboveIds] = group.ids.slice(1, level + 1);
  return `${names(group.ids[0]!)} is a subsidiary of ${names(parentId!)}${aboveIds.map((id) => `, itself a subsidiary of ${names(id)}`).join("")}`;
}

/** "TikTok" or "TikTok is a subsidiary of ByteDance, which" (the subject of the next verb). */
function subject(names: Names, customer: CustomerOnLine, level: number): string {
  return level === 0 ? names(customer.group.ids[0]!) : `${groupClause(names, customer, level)}, which`;
}

function upstreamClause(names: Names, line: RevenueLine, link: UpstreamLink): string {
  const steps = link.builtOn.map((r, i) =>
    i === link.builtOn.length - 1 ? `${names(link.supplierId)}'s ${names(r.to)}` : names(r.to),
  );
  return `${names(line.productId)} is built on ${steps.join(", which is built on ")}`;
}

function atRisk(names: Names, { line, supplierId, flow }: CustomerOnLine): string {
  const share = flow.share ? `${formatShare(flow.share)} of ` : "part of ";
  return `At risk: ${formatMoney(flow.amount)}, ${share}${names(supplierId)}'s ${names(line.productId)} revenue (${formatMoney(line.figures.total)}).`;
}

export function explainCompeting(
  names: Names,
  customer: CustomerOnLine,
  level: number,
  competes: Relationship,
  link: UpstreamLink | null,
): string {
  const target = link ? names(link.supplierId) : `${names(customer.supplierId)} itself`;
  const why = link
    ? `; ${upstreamClause(names, customer.line, link)}. A customer building rivals to the models it buys may move or cut that spend.`
    : `. A customer competing with its supplier may move or cut that spend.`;
  return `${intro(names, customer)} ${subject(names, customer, level)} ${competeVerb(competes)} ${target}${inMarket(competes)}${why} ${atRisk(names, customer)}`;
}

export function explainPartners(
  names: Names,
  customer: CustomerOnLine,
  level: number,
  partners: Relationship,
  link: UpstreamLink,
): string {
  const buyer = names(customer.group.ids[level]!);
  const upstream = names(link.supplierId);
  return `${intro(names, customer)} ${subject(names, customer, level)} partners with ${upstream}${inMarket(partners)}; ${upstreamClause(names, customer.line, link)}. ${buyer} can deal with ${upstream} directly, bypassing ${names(customer.supplierId)}. ${atRisk(names, customer)}`;
}

export function explainFromCompetitor(
  names: Names,
  customer: CustomerOnLine,
  level: number,
  former: Relationship,
  competes: Relationship,
): string {
  const what = former.productId ? `${names(former.productId)} ` : "";
  const verb = competeVerb(competes);
  return `${intro(names, customer)} ${subject(names, customer, level)} used to buy ${what}from ${names(former.to)}, which ${verb} ${names(customer.supplierId)}${inMarket(competes)}. A customer that switched from a competitor once can switch back. ${atRisk(names, customer)}`;
}

/** A group company uses an upstream supplier's model while a group company competes with that supplier. */
export interface TermsConflict {
  /** How far up the group the path climbs: the higher of the model user and the competitor. */
  readonly level: number;
  readonly use: Relationship;
  readonly competitorId: string;
  readonly competes: Relationship;
  readonly link: UpstreamLink;
  /** The upstream supplier's OFFERS of the model; null when the model is the line product itself. */
  readonly offersModel: Relationship | null;
}

export function explainTerms(names: Names, customer: CustomerOnLine, conflict: TermsConflict): string {
  const { use, competitorId, competes, link, offersModel } = conflict;
  const group = groupClause(names, customer, conflict.level);
  const model = offersModel ? `${names(link.supplierId)}'s ${names(use.to)}` : names(use.to);
  const purpose = use.purpose ? ` (purpose: ${use.purpose})` : "";
  const competitor = competitorId === use.from ? "it" : names(competitorId);
  return (
    `${intro(names, customer)} ${group ? `${group}. ` : ""}${names(use.from)} ${useVerb(use)} ${model}${purpose} while ${competitor} ${competeVerb(competes)} ${names(link.supplierId)}${inMarket(competes)}; ${upstreamClause(names, customer.line, link)}. ` +
    `Using a supplier's models to build competing ones may breach its terms and end the arrangement. ${atRisk(names, customer)}`
  );
}

export function explainConcentration(
  names: Names,
  customer: CustomerOnLine,
  flag: ThresholdFlag,
  threshold: number,
): string {
  const { line, supplierId, flow } = customer;
  const limit = `${Number((threshold * 100).toFixed(1))}%`;
  const how = flag === "YES" ? `above the ${limit} threshold` : `possibly above the ${limit} threshold`;
  return `${intro(names, customer)} That is ${formatShare(flow.share!)} of ${names(supplierId)}'s ${names(line.productId)} revenue (${formatMoney(line.figures.total)}), ${how}: losing ${names(flow.counterpartyId)} alone would cut the line by that much.`;
}

export function explainSellsDirect(
  names: Names,
  line: RevenueLine,
  supplierId: string,
  link: UpstreamLink,
  competes: Relationship | null,
  sameMarket: Relationship | null,
): string {
  const upstream = names(link.supplierId);
  const parts = [`${upstreamClause(names, line, link)}`];
  if (competes) parts.push(`${upstream} ${competeVerb(competes)} ${names(supplierId)}${inMarket(competes)}`);
  if (sameMarket) parts.push(`${upstream} also sells ${names(sameMarket.to)} in the same market`);
  return `${parts.join("; ")}. ${upstream} can sell to ${names(supplierId)}'s customers directly: up to the whole ${names(line.productId)} line (${formatMoney(line.figures.total)}) is exposed.`;
}

export function unassessableNote(names: Names, line: RevenueLine, open: readonly CustomerFlow[]): string {
  return `${names(line.productId)}: ${open.map((f) => names(f.counterpartyId)).join(", ")} may hold any share of the line (no stated total, or amounts without bounds); their concentration cannot be assessed.`;
}
