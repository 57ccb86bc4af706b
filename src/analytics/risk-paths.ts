import { METRIC_KINDS, type Product, type Relationship } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import { formatMoney, formatShare } from "../domain/format";
import { type Interval, interval, rankValue } from "../domain/interval";
import { type Money, qualifierFor } from "../domain/money";
import type { GraphStore } from "../store/graph-store";
import { thresholdFlag, type ThresholdFlag } from "./concentration";
import { namesOf, requireNodes } from "./nodes";
import { buildLine, type FlowSeed, type LineFigures, type RevenueFlow, type TotalSource } from "./revenue-line";
import { statedTotalOf } from "./stated-figures";
import { boundedInt, checkThreshold, PATH_DEPTH, PATH_FIRST } from "../domain/bounds";
import { checkDate } from "../domain/dates";
import { chainUp, parentLink } from "../domain/groups";
import { endedBy, hasStarted, inForce, inForceOrPlanned } from "../domain/validity";
import { PATH_CAP } from "./paths/caps";
import { LevelReader } from "./paths/level-reader";
import { hopOf, type PathHop, pathId, walkNodes } from "./paths/path-hop";

/** In ranking priority: on equal revenue at risk, earlier kinds come first. */
export const RISK_PATH_KINDS = [
  "CUSTOMER_BUILDS_COMPETING",
  "TERMS_CONFLICT",
  "CUSTOMER_PARTNERS_UPSTREAM",
  "CUSTOMER_FROM_COMPETITOR",
  "CONCENTRATION",
  "UPSTREAM_SELLS_DIRECT",
] as const;
export type RiskPathKind = (typeof RISK_PATH_KINDS)[number];

export interface RiskPath {
  readonly id: string;
  readonly kind: RiskPathKind;
  readonly supplierId: string;
  readonly productId: string;
  /** The customer whose revenue is at risk; null when the whole line is exposed. */
  readonly customerId: string | null;
  readonly nodeIds: readonly string[];
  readonly hops: readonly PathHop[];
  /** How an upstream supplier is upstream: its OFFERS and the line product's BUILT_ON chain. */
  readonly context: readonly PathHop[];
  readonly revenueAtRisk: Money;
  readonly shareOfLine: Interval | null;
  readonly lineTotal: Money;
  readonly lineTotalSource: TotalSource;
  /** Product of the confidences of every hop, context included. */
  readonly confidence: number;
  readonly explanation: string;
  /** Every evidence id behind the path's hops and context, without repeats. */
  readonly evidenceIds: readonly string[];
}

export interface RiskPathsInput {
  readonly companyId: string;
  readonly kinds?: readonly RiskPathKind[] | null;
  readonly maxDepth?: number;
  readonly first?: number;
  readonly asOf?: string | null;
  readonly threshold?: number;
}

export interface RiskPathReport {
  readonly companyId: string;
  readonly asOf: string | null;
  readonly maxDepth: number;
  readonly threshold: number;
  readonly kinds: readonly RiskPathKind[];
  /** The best `first` paths, ranked. */
  readonly paths: readonly RiskPath[];
  /** How many paths were found in all. */
  readonly totalCount: number;
  /** A fan-out, frontier or path cap was hit: some paths may be missing. */
  readonly truncated: boolean;
  readonly notes: readonly string[];
}

const CUSTOMER_SIDE: readonly RiskPathKind[] = [
  "CUSTOMER_BUILDS_COMPETING",
  "TERMS_CONFLICT",
  "CUSTOMER_PARTNERS_UPSTREAM",
  "CUSTOMER_FROM_COMPETITOR",
];
const UPSTREAM_SIDE: readonly RiskPathKind[] = [
  "CUSTOMER_BUILDS_COMPETING",
  "TERMS_CONFLICT",
  "CUSTOMER_PARTNERS_UPSTREAM",
  "UPSTREAM_SELLS_DIRECT",
];

const other = (r: Relationship, id: string) => (r.from === id ? r.to : r.from);

interface UpstreamLink {
  readonly supplierId: string;
  readonly productId: string;
  /** BUILT_ON relationships from the line product down to `productId`. */
  readonly builtOn: readonly Relationship[];
  readonly offers: Relationship;
}

interface Line {
  readonly productId: string;
  readonly figures: LineFigures;
  readonly customers: readonly Relationship[];
  /** Per upstream supplier, its closest link to the line product. */
  readonly upstream: ReadonlyMap<string, UpstreamLink>;
}

interface Chain {
  readonly ids: readonly string[];
  readonly links: readonly Relationship[];
}

interface Draft {
  readonly kind: RiskPathKind;
  readonly line: Line;
  readonly flow: RevenueFlow | null;
  readonly start: readonly string[];
  readonly hops: readonly (readonly [Relationship, string])[];
  readonly context: readonly (readonly [Relationship, string])[];
  readonly explain: (n: (id: string) => string) => string;
}

/**
 * Paths in the graph that put a supplier's revenue at risk, found by shape (customers, their groups,
 * competitors, partners, upstream suppliers), ranked by the revenue at risk.
 */
export async function competitiveRiskPaths(store: GraphStore, input: RiskPathsInput): Promise<RiskPathReport> {
  const maxDepth = boundedInt("maxDepth", input.maxDepth, PATH_DEPTH);
  const first = boundedInt("first", input.first, PATH_FIRST);
  const threshold = checkThreshold(input.threshold);
  const asOf = checkDate("asOf", input.asOf);
  const kinds = input.kinds && input.kinds.length > 0 ? [...new Set(input.kinds)] : [...RISK_PATH_KINDS];
  const unknownKinds = kinds.filter((k) => !RISK_PATH_KINDS.includes(k));
  if (unknownKinds.length > 0) throw new BadInputError(`unknown risk path kind: ${unknownKinds.join(", ")}`);
  const wants = (k: RiskPathKind) => kinds.includes(k);
  const customerSide = CUSTOMER_SIDE.some(wants) && maxDepth >= 2;
  const upstreamSide = UPSTREAM_SIDE.some(wants);
  const supplierId = input.companyId;

  const nodes = await requireNodes(store, [supplierId], null);
  const reader = new LevelReader(store, {
    // What every pattern needs from a company or product, read in one call per level and direction.
    OUT: ["SUBSIDIARY_OF", "COMPETES_WITH", "PARTNERS_WITH", "USES_MODEL", "BUYS_FROM", "OFFERS", "BUILT_ON"],
    IN: ["BUYS_FROM", "COMPETES_WITH", "OFFERS"],
  });

  // Level 0: the supplier's customers and competitors, and its stated figures.
  const [[metrics]] = await Promise.all([
    store.metricsOf([supplierId], [METRIC_KINDS.revenue, METRIC_KINDS.customerShare]),
    reader.read([supplierId], "IN"),
  ]);
  const customerRels = reader
    .edges(supplierId, "IN", "BUYS_FROM")
    .filter((r) => r.to === supplierId && r.productId !== null && inForce(r, asOf));
  const supplierCompetitors = reader.edges(supplierId, "IN", "COMPETES_WITH").filter((r) => inForceOrPlanned(r, asOf));
  const lineProducts = [...new Set(customerRels.map((r) => r.productId!))].sort();

  // Levels 1..: customers up their groups, line products down their BUILT_ON chains, who offers
  // the upstream products and the models customers use, and what upstream suppliers offer.
  const customerDepth = new Map<string, number>();
  const productDepth = new Map<string, number>();
  const upstreamProducts = new Set<string>();
  const upstreamSuppliers = new Set<string>();
  const usedModels = new Set<string>();
  let out: string[] = [];
  let inward: string[] = [];
  if (customerSide) {
    for (const r of customerRels) customerDepth.set(r.from, 0);
    out.push(...customerDepth.keys());
  }
  if (upstreamSide) {
    for (const p of lineProducts) productDepth.set(p, 0);
    out.push(...lineProducts);
  }

  while (out.length > 0 || inward.length > 0) {
    const readOut = await reader.read(out, "OUT");
    out = [];
    for (const id of readOut) {
      const k = customerDepth.get(id);
      if (k !== undefined) {
        // A group member k levels up sits k+1 hops from the supplier; its own edge makes k+2.
        const parent = parentLink(reader.edges(id, "OUT", "SUBSIDIARY_OF"), id, asOf);
        if (parent && k + 1 <= maxDepth - 2 && !customerDepth.has(parent.to)) {
          customerDepth.set(parent.to, k + 1);
          out.push(parent.to);
        }
        if (wants("TERMS_CONFLICT")) {
          for (const r of reader.edges(id, "OUT", "USES_MODEL")) {
            if (r.from !== id) continue;
            usedModels.add(r.to);
            inward.push(r.to);
          }
        }
      }
      const d = productDepth.get(id);
      if (d !== undefined && d < maxDepth) {
        for (const r of reader.edges(id, "OUT", "BUILT_ON")) {
          if (r.from !== id || !inForce(r, asOf) || productDepth.has(r.to)) continue;
          productDepth.set(r.to, d + 1);
          upstreamProducts.add(r.to);
          out.push(r.to);
          inward.push(r.to);
        }
      }
    }
    const readIn = await reader.read(inward, "IN");
    inward = [];
    for (const id of readIn) {
      if (!upstreamProducts.has(id)) continue;
      for (const r of reader.edges(id, "IN", "OFFERS")) {
        if (r.to === id && r.from !== supplierId && inForce(r, asOf) && !upstreamSuppliers.has(r.from)) {
          upstreamSuppliers.add(r.from);
          if (wants("UPSTREAM_SELLS_DIRECT")) out.push(r.from);
        }
      }
    }
  }

  // Names and product categories, in one call.
  const mentioned = new Set<string>([
    ...lineProducts,
    ...customerDepth.keys(),
    ...upstreamProducts,
    ...upstreamSuppliers,
    ...usedModels,
  ]);
  for (const id of customerDepth.keys()) {
    for (const kind of ["COMPETES_WITH", "PARTNERS_WITH", "BUYS_FROM"] as const)
      for (const r of reader.edges(id, "OUT", kind)) mentioned.add(other(r, id));
    for (const r of reader.edges(id, "OUT", "BUYS_FROM")) if (r.productId) mentioned.add(r.productId);
  }
  for (const r of supplierCompetitors) mentioned.add(other(r, supplierId));
  for (const u of upstreamSuppliers) for (const r of reader.edges(u, "OUT", "OFFERS")) mentioned.add(r.to);
  for (const r of customerRels) mentioned.add(r.from);
  mentioned.delete(supplierId);
  (await store.nodesByIds([...mentioned])).forEach((n) => n && nodes.set(n.id, n));
  const n = namesOf(nodes);

  const notes: string[] = [];
  const lines = lineProducts.map((productId): Line => {
    const rels = customerRels.filter((r) => r.productId === productId);
    const byCustomer = new Map<string, Relationship[]>();
    for (const r of rels) byCustomer.set(r.from, [...(byCustomer.get(r.from) ?? []), r]);
    const seeds: FlowSeed[] = [...byCustomer.entries()].map(([c, rs]) => ({
      counterpartyId: c,
      memberIds: [c],
      relationships: rs,
      statedShare: null,
    }));
    const lineNotes: string[] = [];
    const stated = statedTotalOf(metrics!, productId, asOf, "MONTH", lineNotes);
    const figures = buildLine(seeds, stated?.amount ?? null, "MONTH", n, lineNotes);
    return {
      productId,
      figures,
      customers: rels,
      upstream: upstreamOf(productId, reader, productDepth, supplierId, asOf),
    };
  });

  // Up the customer's group, as far as the search read it.
  const chainOf = (customerId: string): Chain =>
    chainUp(customerId, (id) => {
      const link = parentLink(reader.edges(id, "OUT", "SUBSIDIARY_OF"), id, asOf);
      return link && customerDepth.has(link.to) ? link : null;
    });

  const drafts: Draft[] = [];
  let capped = false;
  const add = (d: Draft) => {
    if (drafts.length >= PATH_CAP) capped = true;
    else drafts.push(d);
  };

  for (const line of lines) {
    const P = line.productId;
    const relevantToLine = (r: Relationship) => r.productId === null || r.productId === P;
    const competitorsOfSupplier = supplierCompetitors.filter(relevantToLine);

    if (wants("UPSTREAM_SELLS_DIRECT")) {
      for (const link of line.upstream.values()) {
        const U = link.supplierId;
        const direct = competitorsOfSupplier.filter((r) => other(r, supplierId) === U);
        const category = (nodes.get(P) as Product | undefined)?.category ?? null;
        const sameMarket = reader
          .edges(U, "OUT", "OFFERS")
          .filter((r) => r.from === U && inForce(r, asOf) && r.to !== P && !link.builtOn.some((b) => b.to === r.to))
          .filter((r) => category !== null && (nodes.get(r.to) as Product | undefined)?.category === category);
        const upstreamContext = contextOf(link);
        if (direct.length > 0) {
          for (const c of direct) {
            add({
              kind: "UPSTREAM_SELLS_DIRECT",
              line,
              flow: null,
              start: [supplierId],
              hops: [[c, supplierId]],
              context: [...upstreamContext, ...sameMarket.map((r) => [r, U] as const)],
              explain: (nm) => explainSellsDirect(nm, line, supplierId, link, c, sameMarket[0] ?? null),
            });
          }
        } else {
          for (const r of sameMarket) {
            add({
              kind: "UPSTREAM_SELLS_DIRECT",
              line,
              flow: null,
              start: [supplierId, U],
              hops: [[r, U]],
              context: upstreamContext,
              explain: (nm) => explainSellsDirect(nm, line, supplierId, link, null, r),
            });
          }
        }
      }
    }

    for (const flow of line.figures.flows) {
      const C = flow.counterpartyId;
      const buys = line.customers
        .filter((r) => r.from === C)
        .sort(
          (a, b) =>
            rankValue(b.amount ?? interval(0, 0)) - rankValue(a.amount ?? interval(0, 0)) || a.id.localeCompare(b.id),
        )[0]!;
      const buysHop = [buys, supplierId] as const;

      if (wants("CONCENTRATION")) {
        const flag = thresholdFlag(flow.share, threshold);
        // A share of "0 to 100 %" says nothing; flagging it would flag every customer of the line.
        const informative = flow.share !== null && (flow.share.low > 0 || flow.share.high < 1);
        if (flag !== "NO" && informative) {
          add({
            kind: "CONCENTRATION",
            line,
            flow,
            start: [supplierId],
            hops: [buysHop],
            context: [],
            explain: (nm) => explainConcentration(nm, line, supplierId, flow, flag, threshold),
          });
        }
      }
      if (!customerSide) continue;

      const chain = chainOf(C);
      const subHops = (k: number) => chain.links.slice(0, k).map((l, i) => [l, chain.ids[i]!] as const);
      for (let k = 0; k < chain.ids.length; k++) {
        const X = chain.ids[k]!;
        const base = [buysHop, ...subHops(k)];
        if (base.length + 1 > maxDepth) break;

        for (const comp of reader.edges(X, "OUT", "COMPETES_WITH").filter((r) => inForceOrPlanned(r, asOf))) {
          const Y = other(comp, X);
          if (!wants("CUSTOMER_BUILDS_COMPETING") || chain.ids.includes(Y)) continue;
          if (Y === supplierId && relevantToLine(comp)) {
            add({
              kind: "CUSTOMER_BUILDS_COMPETING",
              line,
              flow,
              start: [supplierId],
              hops: [...base, [comp, X]],
              context: [],
              explain: (nm) => explainCompeting(nm, line, supplierId, flow, chain, k, comp, null),
            });
          } else if (line.upstream.has(Y)) {
            const link = line.upstream.get(Y)!;
            add({
              kind: "CUSTOMER_BUILDS_COMPETING",
              line,
              flow,
              start: [supplierId],
              hops: [...base, [comp, X]],
              context: contextOf(link),
              explain: (nm) => explainCompeting(nm, line, supplierId, flow, chain, k, comp, link),
            });
          }
        }

        if (wants("CUSTOMER_PARTNERS_UPSTREAM")) {
          for (const part of reader.edges(X, "OUT", "PARTNERS_WITH").filter((r) => inForceOrPlanned(r, asOf))) {
            const link = line.upstream.get(other(part, X));
            if (!link) continue;
            add({
              kind: "CUSTOMER_PARTNERS_UPSTREAM",
              line,
              flow,
              start: [supplierId],
              hops: [...base, [part, X]],
              context: contextOf(link),
              explain: (nm) => explainPartners(nm, line, supplierId, flow, chain, k, part, link),
            });
          }
        }

        if (wants("CUSTOMER_FROM_COMPETITOR") && base.length + 2 <= maxDepth) {
          for (const former of reader
            .edges(X, "OUT", "BUYS_FROM")
            .filter((r) => r.from === X && r.to !== supplierId && endedBy(r, asOf))) {
            for (const comp of competitorsOfSupplier.filter((r) => other(r, supplierId) === former.to)) {
              add({
                kind: "CUSTOMER_FROM_COMPETITOR",
                line,
                flow,
                start: [supplierId],
                hops: [...base, [former, X], [comp, former.to]],
                context: [],
                explain: (nm) => explainFromCompetitor(nm, line, supplierId, flow, chain, k, former, comp),
              });
            }
          }
        }

        if (wants("TERMS_CONFLICT")) {
          // The user of the model and the competitor may be different companies of the group.
          for (let ku = 0; ku < chain.ids.length; ku++) {
            const user = chain.ids[ku]!;
            const depth = 1 + Math.max(k, ku) + 2;
            if (depth > maxDepth) continue;
            for (const use of reader
              .edges(user, "OUT", "USES_MODEL")
              .filter((r) => r.from === user && hasStarted(r, asOf))) {
              const M = use.to;
              for (const comp of reader.edges(X, "OUT", "COMPETES_WITH").filter((r) => inForceOrPlanned(r, asOf))) {
                const U = other(comp, X);
                const link = line.upstream.get(U);
                if (!link) continue;
                const offersM =
                  reader.edges(M, "IN", "OFFERS").find((r) => r.from === U && r.to === M && inForce(r, asOf)) ?? null;
                if (M !== P && !offersM) continue;
                const ctx = dedupeContext([...(offersM ? [[offersM, M] as const] : []), ...contextOf(link)]);
                add({
                  kind: "TERMS_CONFLICT",
                  line,
                  flow,
                  start: [supplierId],
                  hops: [buysHop, ...subHops(Math.max(k, ku)), [use, user], [comp, X]],
                  context: ctx,
                  explain: (nm) =>
                    explainTerms(nm, line, supplierId, flow, chain, Math.max(k, ku), use, X, comp, link, offersM),
                });
              }
            }
          }
        }
      }
    }
  }

  for (const line of lines) {
    const open = line.figures.flows.filter((f) => f.share && f.share.low === 0 && f.share.high >= 1);
    if (open.length > 0 && wants("CONCENTRATION")) {
      notes.push(
        `${n(line.productId)}: ${open.map((f) => n(f.counterpartyId)).join(", ")} may hold any share of the line (no stated total, or amounts without bounds); their concentration cannot be assessed.`,
      );
    }
  }

  const paths = dedupeById(drafts.map((d) => finish(d, supplierId, n)));
  paths.sort(compareRiskPaths);
  return {
    companyId: supplierId,
    asOf,
    maxDepth,
    threshold,
    kinds,
    paths: paths.slice(0, first),
    totalCount: paths.length,
    truncated: reader.truncated || capped,
    notes,
  };
}

export function compareRiskPaths(a: RiskPath, b: RiskPath): number {
  return (
    rankValue(b.revenueAtRisk) - rankValue(a.revenueAtRisk) ||
    RISK_PATH_KINDS.indexOf(a.kind) - RISK_PATH_KINDS.indexOf(b.kind) ||
    b.confidence - a.confidence ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function upstreamOf(
  productId: string,
  reader: LevelReader,
  productDepth: ReadonlyMap<string, number>,
  supplierId: string,
  asOf: string | null,
): Map<string, UpstreamLink> {
  // Breadth first, so the first link found for a supplier is its shortest.
  const result = new Map<string, UpstreamLink>();
  const chains = new Map<string, Relationship[]>([[productId, []]]);
  let frontier = [productId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const p of frontier) {
      for (const r of [...reader.edges(p, "OUT", "BUILT_ON")].sort((a, b) => a.id.localeCompare(b.id))) {
        if (r.from !== p || !inForce(r, asOf) || chains.has(r.to) || !productDepth.has(r.to)) continue;
        const chain = [...chains.get(p)!, r];
        chains.set(r.to, chain);
        next.push(r.to);
        for (const o of [...reader.edges(r.to, "IN", "OFFERS")].sort((a, b) => a.id.localeCompare(b.id))) {
          if (o.to === r.to && o.from !== supplierId && inForce(o, asOf) && !result.has(o.from)) {
            result.set(o.from, { supplierId: o.from, productId: r.to, builtOn: chain, offers: o });
          }
        }
      }
    }
    frontier = next;
  }
  return result;
}

function contextOf(link: UpstreamLink): (readonly [Relationship, string])[] {
  const entered = [link.builtOn[0]?.from ?? link.productId, ...link.builtOn.map((r) => r.to)];
  return [...link.builtOn.map((r, i) => [r, entered[i]!] as const), [link.offers, link.productId] as const];
}

function dedupeContext(items: (readonly [Relationship, string])[]): (readonly [Relationship, string])[] {
  const seen = new Set<string>();
  return items.filter(([r]) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

function dedupeById(paths: RiskPath[]): RiskPath[] {
  const seen = new Set<string>();
  return paths.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

function finish(d: Draft, supplierId: string, n: (id: string) => string): RiskPath {
  const hops = d.hops.map(([r, at]) => hopOf(r, at));
  const context = d.context.map(([r, at]) => hopOf(r, at));
  const total = d.line.figures.total;
  const revenueAtRisk: Money = d.flow
    ? d.flow.amount
    : {
        ...interval(0, total.high),
        qualifier: qualifierFor(interval(0, total.high)),
        period: total.period,
        currency: total.currency,
      };
  const confidence = [...hops, ...context].reduce((acc, h) => acc * h.confidence, 1);
  return {
    id: pathId(`risk-${d.kind.toLowerCase().replace(/_/g, "-")}`, [
      d.line.productId,
      ...hops.map((h) => h.relationshipId),
      "|",
      ...context.map((h) => h.relationshipId),
    ]),
    kind: d.kind,
    supplierId,
    productId: d.line.productId,
    customerId: d.flow?.counterpartyId ?? null,
    nodeIds: walkNodes(d.start, hops),
    hops,
    context,
    revenueAtRisk,
    shareOfLine: d.flow ? d.flow.share : interval(0, 1),
    lineTotal: total,
    lineTotalSource: d.line.figures.totalSource,
    confidence,
    explanation: d.explain(n),
    evidenceIds: [...new Set([...hops, ...context].flatMap((h) => h.evidenceIds))],
  };
}

// ---------------------------------------------------------------------------------------------
// Plain-English explanations, generated from the path.

type Names = (id: string) => string;

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

function intro(n: Names, line: Line, supplierId: string, flow: RevenueFlow): string {
  return `${n(flow.counterpartyId)} pays ${n(supplierId)} ${formatMoney(flow.amount)} for ${n(line.productId)}.`;
}

function groupClause(n: Names, chain: Chain, k: number): string {
  if (k === 0) return "";
  const [first, ...rest] = chain.ids.slice(1, k + 1);
  return `${n(chain.ids[0]!)} is a subsidiary of ${n(first!)}${rest.map((id) => `, itself a subsidiary of ${n(id)}`).join("")}`;
}

/** "TikTok" or "TikTok is a subsidiary of ByteDance, which" (the subject of the next verb). */
function subject(n: Names, chain: Chain, k: number): string {
  return k === 0 ? n(chain.ids[0]!) : `${groupClause(n, chain, k)}, which`;
}

function upstreamClause(n: Names, line: Line, link: UpstreamLink): string {
  const steps = link.builtOn.map((r, i) =>
    i === link.builtOn.length - 1 ? `${n(link.supplierId)}'s ${n(r.to)}` : n(r.to),
  );
  return `${n(line.productId)} is built on ${steps.join(", which is built on ")}`;
}

function atRisk(n: Names, line: Line, supplierId: string, flow: RevenueFlow): string {
  const share = flow.share ? `${formatShare(flow.share)} of ` : "part of ";
  return `At risk: ${formatMoney(flow.amount)}, ${share}${n(supplierId)}'s ${n(line.productId)} revenue (${formatMoney(line.figures.total)}).`;
}

function explainCompeting(
  n: Names,
  line: Line,
  s: string,
  flow: RevenueFlow,
  chain: Chain,
  k: number,
  comp: Relationship,
  link: UpstreamLink | null,
): string {
  const target = link ? n(link.supplierId) : `${n(s)} itself`;
  const why = link
    ? `; ${upstreamClause(n, line, link)}. A customer building rivals to the models it buys may move or cut that spend.`
    : `. A customer competing with its supplier may move or cut that spend.`;
  return `${intro(n, line, s, flow)} ${subject(n, chain, k)} ${competeVerb(comp)} ${target}${inMarket(comp)}${why} ${atRisk(n, line, s, flow)}`;
}

function explainPartners(
  n: Names,
  line: Line,
  s: string,
  flow: RevenueFlow,
  chain: Chain,
  k: number,
  part: Relationship,
  link: UpstreamLink,
): string {
  const buyer = n(chain.ids[k]!);
  return `${intro(n, line, s, flow)} ${subject(n, chain, k)} partners with ${n(link.supplierId)}${inMarket(part)}; ${upstreamClause(n, line, link)}. ${buyer} can deal with ${n(link.supplierId)} directly, bypassing ${n(s)}. ${atRisk(n, line, s, flow)}`;
}

function explainFromCompetitor(
  n: Names,
  line: Line,
  s: string,
  flow: RevenueFlow,
  chain: Chain,
  k: number,
  former: Relationship,
  comp: Relationship,
): string {
  const what = former.productId ? `${n(former.productId)} ` : "";
  const verb = competeVerb(comp);
  return `${intro(n, line, s, flow)} ${subject(n, chain, k)} used to buy ${what}from ${n(former.to)}, which ${verb} ${n(s)}${inMarket(comp)}. A customer that switched from a competitor once can switch back. ${atRisk(n, line, s, flow)}`;
}

function explainTerms(
  n: Names,
  line: Line,
  s: string,
  flow: RevenueFlow,
  chain: Chain,
  k: number,
  use: Relationship,
  competitorId: string,
  comp: Relationship,
  link: UpstreamLink,
  offersM: Relationship | null,
): string {
  const group = groupClause(n, chain, k);
  const model = offersM ? `${n(link.supplierId)}'s ${n(use.to)}` : n(use.to);
  const purpose = use.purpose ? ` (purpose: ${use.purpose})` : "";
  const competitor = competitorId === use.from ? "it" : n(competitorId);
  return (
    `${intro(n, line, s, flow)} ${group ? `${group}. ` : ""}${n(use.from)} ${useVerb(use)} ${model}${purpose} while ${competitor} ${competeVerb(comp)} ${n(link.supplierId)}${inMarket(comp)}; ${upstreamClause(n, line, link)}. ` +
    `Using a supplier's models to build competing ones may breach its terms and end the arrangement. ${atRisk(n, line, s, flow)}`
  );
}

function explainConcentration(
  n: Names,
  line: Line,
  s: string,
  flow: RevenueFlow,
  flag: ThresholdFlag,
  threshold: number,
): string {
  const t = `${Number((threshold * 100).toFixed(1))}%`;
  const how = flag === "YES" ? `above the ${t} threshold` : `possibly above the ${t} threshold`;
  return `${intro(n, line, s, flow)} That is ${formatShare(flow.share!)} of ${n(s)}'s ${n(line.productId)} revenue (${formatMoney(line.figures.total)}), ${how}: losing ${n(flow.counterpartyId)} alone would cut the line by that much.`;
}

function explainSellsDirect(
  n: Names,
  line: Line,
  s: string,
  link: UpstreamLink,
  comp: Relationship | null,
  sameMarket: Relationship | null,
): string {
  const U = n(link.supplierId);
  const parts = [`${upstreamClause(n, line, link)}`];
  if (comp) parts.push(`${U} ${competeVerb(comp)} ${n(s)}${inMarket(comp)}`);
  if (sameMarket) parts.push(`${U} also sells ${n(sameMarket.to)} in the same market`);
  return `${parts.join("; ")}. ${U} can sell to ${n(s)}'s customers directly: up to the whole ${n(line.productId)} line (${formatMoney(line.figures.total)}) is exposed.`;
}
