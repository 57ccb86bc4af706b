import { METRIC_KINDS, type Metric, type Relationship } from "../../domain/entities";
import { parentLink } from "../../domain/groups";
import type { NodeRow } from "../../domain/node-columns";
import { inForce, inForceOrPlanned, statusesThatCanHold } from "../../domain/validity";
import type { GraphStore } from "../../store/graph-store";
import { readMentioned } from "../nodes";
import type { LevelReader } from "../paths/level-reader";
import type { RiskRequest } from "./risk-path";
import { appendTo } from "../../domain/grouping";
import type { RelationshipPart, RelationshipRow } from "../../domain/relationship-parts";

/** What every pattern needs from a company or product, read in one call per level and direction. */
export const RISK_READS = {
  OUT: ["SUBSIDIARY_OF", "COMPETES_WITH", "PARTNERS_WITH", "USES_MODEL", "BUYS_FROM", "OFFERS", "BUILT_ON"],
  IN: ["BUYS_FROM", "COMPETES_WITH", "OFFERS"],
} as const;

/**
 * What ranking customers and measuring lines read of a purchase: whether it is in force, its line
 * and its amount. A hub's thousands of purchases are read with these parts only; the few that paths
 * go through are read whole afterwards (readDraftPurchases).
 */
export const RANKED_PURCHASE_PARTS = [
  "productId",
  "amount",
  "status",
  "validFrom",
  "validTo",
] as const satisfies readonly RelationshipPart[];

/** A purchase of the supplier's products as the ranked read gives it. */
export type RankedPurchase = RelationshipRow<(typeof RANKED_PURCHASE_PARTS)[number]>;

/** The supplier as its own relationships tell it: read in one call, before anything around it. */
export interface SupplierReading {
  /** The supplier's stated revenue and customer shares. */
  readonly supplierMetrics: readonly Metric[];
  /** Purchases of the supplier's products that are in force: per line product, per customer, by relationship id. */
  readonly purchasesByLine: ReadonlyMap<string, ReadonlyMap<string, readonly RankedPurchase[]>>;
  /** Every customer with a purchase in force, in the order of its first purchase by relationship id. */
  readonly customerIds: readonly string[];
  /** Competition with the supplier, in force or planned. */
  readonly supplierCompetition: readonly Relationship[];
  /** The products customers buy from the supplier: one revenue line each. */
  readonly lineProductIds: readonly string[];
}

/** The part of the graph around a supplier that the risk patterns look at. */
export interface Neighbourhood extends SupplierReading {
  /** The customers whose companies were searched (all of them, unless there are more than the budget). */
  readonly exploredCustomerIds: ReadonlySet<string>;
  /** Explored customers (0) and the companies above them in their groups (levels up). */
  readonly customerLevels: ReadonlyMap<string, number>;
  /** Line products (0) and what they are built on (BUILT_ON hops down). */
  readonly productDepths: ReadonlyMap<string, number>;
  readonly upstreamProductIds: ReadonlySet<string>;
  readonly upstreamSupplierIds: ReadonlySet<string>;
  readonly usedModelIds: ReadonlySet<string>;
}

/**
 * Reads the supplier first: its customers and its competitors, in one call. Its incoming purchases
 * are read whole in number (with the parts ranking needs), and only those that may be in force, so
 * that its customers can be ranked by the revenue they carry before any of them is followed.
 */
export async function readSupplier(
  store: GraphStore,
  reader: LevelReader,
  request: RiskRequest,
): Promise<SupplierReading> {
  const { supplierId, asOf } = request;
  // One after the other, so that the ranked read is a search level of its own (one statement).
  const [purchases, competition] = await reader.readRanked(supplierId, "IN", [
    {
      filter: { kinds: ["BUYS_FROM"], statuses: statusesThatCanHold(inForce, asOf), asOf },
      parts: RANKED_PURCHASE_PARTS,
    },
    {
      filter: { kinds: ["COMPETES_WITH"], statuses: statusesThatCanHold(inForceOrPlanned, asOf), asOf },
    },
  ]);
  const [supplierMetrics] = await store.metricsOf([supplierId], [METRIC_KINDS.revenue, METRIC_KINDS.customerShare]);
  const supplierCompetition = competition.filter((r) => inForceOrPlanned(r, asOf));
  return { supplierMetrics: supplierMetrics!, supplierCompetition, ...purchasesOf(purchases, request) };
}

/**
 * The supplier's purchases split by line and by customer in one pass: at a hub they are thousands,
 * and each pass over them costs more than the arithmetic on them.
 */
function purchasesOf(
  purchases: readonly RankedPurchase[],
  { supplierId, asOf }: RiskRequest,
): Pick<SupplierReading, "purchasesByLine" | "customerIds" | "lineProductIds"> {
  const purchasesByLine = new Map<string, Map<string, RankedPurchase[]>>();
  const customerIds = new Set<string>();
  for (const r of purchases) {
    if (r.to !== supplierId || r.productId === null || !inForce(r, asOf)) continue;
    customerIds.add(r.from);
    const line = purchasesByLine.get(r.productId) ?? new Map<string, RankedPurchase[]>();
    purchasesByLine.set(r.productId, line);
    appendTo(line, r.from, r);
  }
  const lineProductIds = [...purchasesByLine.keys()].sort();
  return { purchasesByLine, customerIds: [...customerIds], lineProductIds };
}

/** Then the levels around the supplier, from the customers chosen for exploring and the line products. */
export async function readNeighbourhood(
  reader: LevelReader,
  request: RiskRequest,
  supplier: SupplierReading,
  exploredCustomerIds: ReadonlySet<string>,
): Promise<Neighbourhood> {
  const walk = new NeighbourhoodWalk(reader, request);
  // In the order of the purchases (by relationship id), as every level is read.
  const customerIds = supplier.customerIds.filter((id) => exploredCustomerIds.has(id));
  await walk.run(customerIds, supplier.lineProductIds);
  return { ...supplier, exploredCustomerIds, ...walk.found() };
}

/**
 * Levels 1 and on: customers up their groups, line products down their BUILT_ON chains, who offers
 * the upstream products and the models customers use, and what upstream suppliers offer. Every
 * node of a level is read in one store call, outward and inward together.
 */
class NeighbourhoodWalk {
  private readonly customerLevels = new Map<string, number>();
  private readonly productDepths = new Map<string, number>();
  private readonly upstreamProductIds = new Set<string>();
  private readonly upstreamSupplierIds = new Set<string>();
  private readonly usedModelIds = new Set<string>();
  /** Nodes whose outgoing relationships the next level reads. */
  private outward: string[] = [];
  /** Nodes whose incoming relationships the next level reads. */
  private inward: string[] = [];

  constructor(
    private readonly reader: LevelReader,
    private readonly request: RiskRequest,
  ) {}

  async run(customerIds: readonly string[], lineProductIds: readonly string[]): Promise<void> {
    if (this.request.customerSide) {
      for (const id of customerIds) this.customerLevels.set(id, 0);
      this.outward.push(...this.customerLevels.keys());
    }
    if (this.request.upstreamSide) {
      for (const productId of lineProductIds) this.productDepths.set(productId, 0);
      this.outward.push(...lineProductIds);
    }
    // Each level reads what the previous one found, both directions in one store call.
    while (this.outward.length > 0 || this.inward.length > 0) {
      const level = await this.reader.readLevel(this.outward, this.inward);
      this.outward = [];
      this.inward = [];
      for (const id of level.OUT) {
        this.expandCustomer(id);
        this.expandProduct(id);
      }
      for (const id of level.IN) this.expandUpstreamProduct(id);
    }
  }

  found(): Omit<Neighbourhood, keyof SupplierReading | "exploredCustomerIds"> {
    const { customerLevels, productDepths, upstreamProductIds, upstreamSupplierIds, usedModelIds } = this;
    return { customerLevels, productDepths, upstreamProductIds, upstreamSupplierIds, usedModelIds };
  }

  private expandCustomer(companyId: string): void {
    const level = this.customerLevels.get(companyId);
    if (level === undefined) return;
    const { asOf, maxDepth, wants } = this.request;
    // A group member k levels up sits k+1 hops from the supplier; its own edge makes k+2.
    const parent = parentLink(this.reader.edges(companyId, "OUT", "SUBSIDIARY_OF"), companyId, asOf);
    if (parent && level + 1 <= maxDepth - 2 && !this.customerLevels.has(parent.to)) {
      this.customerLevels.set(parent.to, level + 1);
      this.outward.push(parent.to);
    }
    if (!wants("TERMS_CONFLICT")) return;
    for (const use of this.reader.edges(companyId, "OUT", "USES_MODEL")) {
      if (use.from !== companyId) continue;
      this.usedModelIds.add(use.to);
      this.inward.push(use.to);
    }
  }

  private expandProduct(productId: string): void {
    const depth = this.productDepths.get(productId);
    if (depth === undefined || depth >= this.request.maxDepth) return;
    for (const builtOn of builtOnInForce(this.reader, productId, this.request.asOf)) {
      const baseId = builtOn.to;
      if (this.productDepths.has(baseId)) continue;
      this.productDepths.set(baseId, depth + 1);
      this.upstreamProductIds.add(baseId);
      this.outward.push(baseId);
      this.inward.push(baseId);
    }
  }

  private expandUpstreamProduct(productId: string): void {
    if (!this.upstreamProductIds.has(productId)) return;
    for (const { from: offererId } of offersByOthers(this.reader, productId, this.request)) {
      if (this.upstreamSupplierIds.has(offererId)) continue;
      this.upstreamSupplierIds.add(offererId);
      // What else an upstream supplier offers tells whether it sells in the supplier's market.
      if (this.request.wants("UPSTREAM_SELLS_DIRECT")) this.outward.push(offererId);
    }
  }
}

/** What `productId` is built on, in force. */
export function builtOnInForce(reader: LevelReader, productId: string, asOf: string | null): Relationship[] {
  return reader.edges(productId, "OUT", "BUILT_ON").filter((r) => r.from === productId && inForce(r, asOf));
}

/** Offers of `productId` in force by companies other than the supplier: its upstream suppliers. */
export function offersByOthers(reader: LevelReader, productId: string, request: RiskRequest): Relationship[] {
  return reader
    .edges(productId, "IN", "OFFERS")
    .filter((r) => r.to === productId && r.from !== request.supplierId && inForce(r, request.asOf));
}

/**
 * The products whose categories UPSTREAM_SELLS_DIRECT compares, read into `known` before the
 * patterns look: the line products and what the upstream suppliers offer. Names wait for the paths
 * (readNamedNodes): at a hub the search reaches thousands of nodes and the paths name a few.
 */
export async function readComparedProducts(
  store: GraphStore,
  reader: LevelReader,
  hood: Neighbourhood,
  request: RiskRequest,
  known: Map<string, NodeRow>,
): Promise<void> {
  if (!request.wants("UPSTREAM_SELLS_DIRECT") || hood.upstreamSupplierIds.size === 0) return;
  const productIds = new Set(hood.lineProductIds);
  for (const upstreamSupplierId of hood.upstreamSupplierIds)
    for (const r of reader.edges(upstreamSupplierId, "OUT", "OFFERS")) productIds.add(r.to);
  await readMentioned(store, productIds, known);
}
