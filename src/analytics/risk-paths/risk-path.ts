import type { Interval } from "../../domain/interval";
import type { Money } from "../../domain/money";
import type { PathHop } from "../paths/path-hop";
import type { TotalSource } from "../revenue-line";

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
  /** A fan-out, frontier or path cap was hit, or customers were left unexplored: some paths may be missing. */
  readonly truncated: boolean;
  readonly notes: readonly string[];
  /** What the search covered, and what it left out. */
  readonly coverage: RiskSearchCoverage;
}

/** How much of a supplier's customers and revenue a risk-path search looked at. */
export interface RiskSearchCoverage {
  /** Customers whose companies were searched, as far as the kinds and depth asked for need. */
  readonly customersExplored: number;
  /** Customers buying one of the supplier's products, in force. */
  readonly customersTotal: number;
  /**
   * The explored customers' share of the attributed revenue (every customer's amounts on every
   * line): 1 when every customer was explored; null when there are no customers, or when the lines
   * are in several currencies.
   */
  readonly revenueExplored: Interval | null;
  /** What was left out and why, in plain English; null when nothing was. */
  readonly reason: string | null;
}

/** A checked request, as every step of the search reads it. */
export interface RiskRequest {
  readonly supplierId: string;
  readonly maxDepth: number;
  readonly first: number;
  readonly threshold: number;
  readonly asOf: string | null;
  readonly kinds: readonly RiskPathKind[];
  readonly wants: (kind: RiskPathKind) => boolean;
  /** Some wanted kind starts from the supplier's customers and their groups (and there is room for it). */
  readonly customerSide: boolean;
  /** Some wanted kind needs the suppliers the line products are built on. */
  readonly upstreamSide: boolean;
}
