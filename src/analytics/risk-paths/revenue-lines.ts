import type { Relationship } from "../../domain/entities";
import type { Names } from "../nodes";
import type { LevelReader } from "../paths/level-reader";
import type { Step } from "../paths/path-hop";
import { type FlowSeed, type LineFigures, measureLine, type MeasuredFlow } from "../revenue-line";
import { statedTotalOf } from "../stated-figures";
import {
  builtOnInForce,
  type Neighbourhood,
  offersByOthers,
  type RankedPurchase,
  type SupplierReading,
} from "./neighbourhood";
import type { RiskRequest } from "./risk-path";

/** How an upstream supplier is upstream of a line: the product it offers that the line is built on. */
export interface UpstreamLink {
  readonly supplierId: string;
  readonly productId: string;
  /** BUILT_ON relationships from the line product down to `productId`. */
  readonly builtOn: readonly Relationship[];
  readonly offers: Relationship;
}

/** A customer's flow on a line, measured from its purchases as the ranked read gives them. */
export type CustomerFlow = MeasuredFlow<RankedPurchase>;

/** A line's figures, worked out from the supplier's own relationships before anything around it is read. */
export interface MeasuredLine {
  readonly productId: string;
  /** The figures a risk report ranks customers and tells shares by; each flow keeps its purchases. */
  readonly figures: LineFigures<CustomerFlow>;
}

/** One product's revenue: what the supplier earns from it and who it depends on. */
export interface RevenueLine extends MeasuredLine {
  /** Competition with the supplier that concerns this line. */
  readonly competition: readonly Relationship[];
  /** Per upstream supplier, its closest link to the line product. */
  readonly upstream: ReadonlyMap<string, UpstreamLink>;
}

/** Competition stated for no product concerns every line. */
export const concernsLine = (r: Relationship, productId: string): boolean =>
  r.productId === null || r.productId === productId;

export function measureLines(supplier: SupplierReading, request: RiskRequest, names: Names): MeasuredLine[] {
  return supplier.lineProductIds.map((productId) => {
    // A risk report shows no line notes: the purchases were read without the claims' agreement they would need.
    const lineNotes: string[] = [];
    const stated = statedTotalOf(supplier.supplierMetrics, productId, request.asOf, "MONTH", lineNotes);
    return {
      productId,
      figures: measureLine(
        seedsByCustomer(supplier.purchasesByLine.get(productId)!),
        stated?.amount ?? null,
        "MONTH",
        names,
        lineNotes,
      ),
    };
  });
}

export function revenueLinesOf(
  hood: Neighbourhood,
  measured: readonly MeasuredLine[],
  reader: LevelReader,
  request: RiskRequest,
): RevenueLine[] {
  return measured.map((line): RevenueLine => ({
    ...line,
    competition: hood.supplierCompetition.filter((r) => concernsLine(r, line.productId)),
    upstream: upstreamOf(line.productId, reader, hood.productDepths, request),
  }));
}

/** One flow per buying company: the risks concern a customer, not its group. */
function seedsByCustomer(purchases: ReadonlyMap<string, readonly RankedPurchase[]>): FlowSeed<RankedPurchase>[] {
  return [...purchases].map(([customerId, relationships]) => ({
    counterpartyId: customerId,
    memberIds: [customerId],
    relationships,
    statedShare: null,
  }));
}

function upstreamOf(
  lineProductId: string,
  reader: LevelReader,
  productDepths: ReadonlyMap<string, number>,
  request: RiskRequest,
): Map<string, UpstreamLink> {
  const byId = (a: Relationship, b: Relationship) => a.id.localeCompare(b.id);
  // Breadth first, so the first link found for a supplier is its shortest.
  const links = new Map<string, UpstreamLink>();
  const chains = new Map<string, Relationship[]>([[lineProductId, []]]);
  let frontier = [lineProductId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const productId of frontier) {
      for (const builtOn of builtOnInForce(reader, productId, request.asOf).sort(byId)) {
        const baseId = builtOn.to;
        // Only as deep as the neighbourhood read: what lies below was not looked at.
        if (chains.has(baseId) || !productDepths.has(baseId)) continue;
        const chain = [...chains.get(productId)!, builtOn];
        chains.set(baseId, chain);
        next.push(baseId);
        for (const offers of offersByOthers(reader, baseId, request).sort(byId)) {
          if (links.has(offers.from)) continue;
          links.set(offers.from, { supplierId: offers.from, productId: baseId, builtOn: chain, offers });
        }
      }
    }
    frontier = next;
  }
  return links;
}

/** The hops that show how the upstream supplier is upstream: down the BUILT_ON chain, then its OFFERS. */
export function upstreamContext(link: UpstreamLink): Step[] {
  const entered = [link.builtOn[0]?.from ?? link.productId, ...link.builtOn.map((r) => r.to)];
  return [...link.builtOn.map((r, i): Step => [r, entered[i]!]), [link.offers, link.productId]];
}
