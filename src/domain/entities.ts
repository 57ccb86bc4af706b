import type { Interval } from "./interval";
import type { Money, Qualifier } from "./money";

/** Ids are lowercase slugs: `microsoft`, `azure-openai`, `satya-nadella`. One namespace for all nodes. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 100;

export function isSlug(id: string): boolean {
  return id.length <= MAX_ID_LENGTH && SLUG.test(id);
}

/** A date or a span of dates a fact refers to. Dates are ISO `YYYY-MM-DD`; either end may be open. */
export interface DateSpan {
  readonly from: string | null;
  readonly to: string | null;
  /** How the source put it: "March 2024", "Q1 2024", "before 2024". */
  readonly label: string;
}

export const DISCLOSURES = ["DISCLOSED", "REPORTED", "ESTIMATE"] as const;
/** DISCLOSED: said by the company itself; REPORTED: reported by the source from others; ESTIMATE: derived. */
export type Disclosure = (typeof DISCLOSURES)[number];

/**
 * What kind of document a source is. NEWS reports, FILING is a regulatory filing, COMPANY_STATEMENT
 * is the company's own words (a release, a call), DATASET is a compiled table, ESTIMATE is an
 * analyst's or our own derived figure, RESEARCH is an analyst or academic report.
 */
export const SOURCE_KINDS = ["NEWS", "FILING", "COMPANY_STATEMENT", "DATASET", "ESTIMATE", "RESEARCH"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  readonly id: string;
  readonly kind: SourceKind;
  readonly title: string;
  /** The day it was published; null when the source shows none. */
  readonly publishedOn: string | null;
  /** BCP 47 language of the original text, e.g. `pt`. */
  readonly language: string;
  readonly publisher: string | null;
  readonly url: string | null;
  /** File name of the document the quotes come from, when the source is a stored document. */
  readonly document: string | null;
  /**
   * The sources this one repeats or cites. Sources whose lineages meet count as one independent
   * origin (see claims.ts); an empty list means the source is an origin of its own.
   */
  readonly derivedFrom: readonly string[];
  /** Lineage learnt after the source was recorded, each counted from its own record time on. */
  readonly derivations: readonly Derivation[];
}

/**
 * A recorded fact about lineage: from `recordedAt` on, `sourceId` counts as repeating
 * `derivedFrom` (an article found to rewrite a report). Before then, reads at an earlier record
 * time count the two as independent, as the graph did.
 */
export interface Derivation {
  readonly id: string;
  readonly sourceId: string;
  readonly derivedFrom: string;
  readonly reason: string;
  readonly evidenceIds: readonly string[];
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/**
 * QUOTE: verbatim words of a source whose text is held, so they can be checked against it.
 * STATEMENT: what a source says, in the recorder's own words, with a locator (url, page, section),
 * for a source whose text is not held: never a copied page.
 */
export const EVIDENCE_KINDS = ["QUOTE", "STATEMENT"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  readonly id: string;
  readonly sourceId: string;
  readonly kind: EvidenceKind;
  /** QUOTE: verbatim, in the source's language. STATEMENT: the recorder's own words. */
  readonly quote: string;
  /** Where in the source it is said (url, page, section); required for a STATEMENT. */
  readonly locator: string | null;
  /** English rendering of the quote. */
  readonly gloss: string;
  readonly refersTo: DateSpan;
  readonly disclosure: Disclosure;
  /** Labels of the facts this quote supports (e.g. F1), for traceability to the source's analysis. */
  readonly facts: readonly string[];
}

export const NODE_KINDS = ["Company", "Product", "Person"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

interface NodeBase {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly evidenceIds: readonly string[];
}

export interface Company extends NodeBase {
  readonly nodeKind: "Company";
  /** ISO 3166-1 alpha-2, only when a source supports it. */
  readonly country: string | null;
  /** Free classification, e.g. `cloud-provider`, `ai-lab`, `retailer`. */
  readonly kind: string | null;
}

export interface Product extends NodeBase {
  readonly nodeKind: "Product";
  readonly category: string | null;
}

export interface Person extends NodeBase {
  readonly nodeKind: "Person";
}

export type GraphNode = Company | Product | Person;

export const RELATIONSHIP_KINDS = [
  "BUYS_FROM",
  "SUBSIDIARY_OF",
  "COMPETES_WITH",
  "PARTNERS_WITH",
  "INVESTS_IN",
  "TAKES_REVENUE_SHARE",
  "OFFERS",
  "BUILT_ON",
  "LEADS",
  "USES_MODEL",
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** Which node kinds each relationship connects (from -> to). */
export const RELATIONSHIP_ENDPOINTS: Record<RelationshipKind, readonly [NodeKind, NodeKind]> = {
  BUYS_FROM: ["Company", "Company"],
  SUBSIDIARY_OF: ["Company", "Company"],
  COMPETES_WITH: ["Company", "Company"],
  PARTNERS_WITH: ["Company", "Company"],
  INVESTS_IN: ["Company", "Company"],
  TAKES_REVENUE_SHARE: ["Company", "Company"],
  OFFERS: ["Company", "Product"],
  BUILT_ON: ["Product", "Product"],
  LEADS: ["Person", "Company"],
  USES_MODEL: ["Company", "Product"],
};

/** Relationships whose meaning has no direction; stored once, read from either end. */
export const SYMMETRIC_KINDS: ReadonlySet<RelationshipKind> = new Set(["COMPETES_WITH", "PARTNERS_WITH"]);

export const STATUSES = ["CURRENT", "FORMER", "PLANNED", "REPORTED"] as const;
export type RelationshipStatus = (typeof STATUSES)[number];

export interface Relationship {
  readonly id: string;
  readonly kind: RelationshipKind;
  readonly from: string;
  readonly to: string;
  /** BUYS_FROM: what is bought; TAKES_REVENUE_SHARE: the revenue shared; COMPETES_WITH: the contested product. */
  readonly productId: string | null;
  /** BUYS_FROM: spend; INVESTS_IN: amount invested; TAKES_REVENUE_SHARE: amount received. */
  readonly amount: Money | null;
  readonly market: string | null;
  readonly role: string | null;
  readonly purpose: string | null;
  readonly status: RelationshipStatus;
  /** When it began and ended, only where a source says so: null is "not said", not "always". */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** 0..1: how sure the sources make it (a reported plan is less sure than a disclosed contract). */
  readonly confidence: number;
  readonly evidenceIds: readonly string[];
  readonly note: string | null;
  /** What the relationship's claims add up to (see relationship-view.ts). */
  readonly agreement: Agreement;
  /** The first and last day a source counted here was published: when the graph has word of it, not when it began. */
  readonly firstReported: string | null;
  readonly lastReported: string | null;
  /** The record time this view was derived at; null: from every claim the graph holds now. */
  readonly knownAt: string | null;
}

/** How the claims behind a relationship agree. */
export interface Agreement {
  /** The claims counted: recorded, not retracted, not superseded. */
  readonly claims: number;
  /** Sources that trace back to one origin count once (see claims.ts). */
  readonly independentOrigins: number;
  /** Some origins' amounts cannot all be right: the amount shown is the consensus (see fusion.ts). */
  readonly conflicting: boolean;
  /** How far the farthest dissenting origin lies from the amount shown (0 when none dissents); conflicts rank by it. */
  readonly gap: number;
  /** The claims whose origin's amount lies outside the amount shown, or whose origin's root contradicts them. */
  readonly dissent: readonly string[];
  /** The claims whose amount is in another currency or kind of period, so never compared. */
  readonly incomparable: readonly string[];
}

export const QUANTITY_UNITS = ["FRACTION", "COUNT", "MULTIPLIER"] as const;
/** FRACTION: 0.25 means 25 %; MULTIPLIER: 2 means "doubled". */
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

export interface Quantity extends Interval {
  readonly qualifier: Qualifier;
  readonly unit: QuantityUnit;
}

/** A company- or product-level figure or market event: revenue of a line, a share, a growth rate. */
export interface Metric {
  readonly id: string;
  /** e.g. REVENUE, CUSTOMER_SHARE, GROWTH, CUSTOMERS, SHARE_PRICE_CHANGE, OUTLOOK. */
  readonly kind: string;
  readonly subjectId: string;
  readonly productId: string | null;
  /** For a customer share: the customer. */
  readonly counterpartyId: string | null;
  readonly description: string;
  readonly money: Money | null;
  readonly quantity: Quantity | null;
  readonly refersTo: DateSpan;
  readonly evidenceIds: readonly string[];
}

/** Metric kinds that analytics read; the set is open, these are the ones with a meaning in code. */
export const METRIC_KINDS = {
  revenue: "REVENUE",
  customerShare: "CUSTOMER_SHARE",
} as const;

/** A relationship joins two different nodes; the reason it cannot be loaded, or null. */
export function selfLoopProblem(r: Pick<Relationship, "id" | "from" | "to">): string | null {
  return r.from === r.to ? `relationship '${r.id}' connects '${r.from}' to itself` : null;
}
