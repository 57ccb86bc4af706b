import type { Relationship, RelationshipKind } from "./entities";

/**
 * Which way money moves along the relationships that carry it: with the arrow along BUYS_FROM
 * (customer pays supplier) and INVESTS_IN (investor pays investee), against it along
 * TAKES_REVENUE_SHARE (its `to`, the payer, pays its `from`, the beneficiary). Every path search,
 * store query and benchmark reads the direction from here.
 */
const MONEY_FLOW = {
  BUYS_FROM: "WITH_ARROW",
  INVESTS_IN: "WITH_ARROW",
  TAKES_REVENUE_SHARE: "AGAINST_ARROW",
} as const satisfies Partial<Record<RelationshipKind, "WITH_ARROW" | "AGAINST_ARROW">>;

type MoneyKind = keyof typeof MONEY_FLOW;

const kindsFlowing = (way: "WITH_ARROW" | "AGAINST_ARROW") =>
  (Object.keys(MONEY_FLOW) as MoneyKind[]).filter((kind) => MONEY_FLOW[kind] === way);

/** Kinds along which money moves from `from` to `to`. */
export const MONEY_WITH_ARROW: readonly RelationshipKind[] = kindsFlowing("WITH_ARROW");
/** Kinds along which money moves from `to` to `from`. */
export const MONEY_AGAINST_ARROW: readonly RelationshipKind[] = kindsFlowing("AGAINST_ARROW");

/** Who pays whom along `r`, or null when no money moves along it. */
export function moneyEnds(r: Pick<Relationship, "kind" | "from" | "to">): { payer: string; payee: string } | null {
  const way = MONEY_FLOW[r.kind as MoneyKind] as (typeof MONEY_FLOW)[MoneyKind] | undefined;
  if (way === undefined) return null;
  return way === "WITH_ARROW" ? { payer: r.from, payee: r.to } : { payer: r.to, payee: r.from };
}

/** Where money goes next from `payerId` along `r`, or null when it does not flow that way. */
export function payeeOf(r: Pick<Relationship, "kind" | "from" | "to">, payerId: string): string | null {
  const ends = moneyEnds(r);
  return ends !== null && ends.payer === payerId ? ends.payee : null;
}
