import type { Dataset } from "../domain/dataset";
import type {
  Company,
  Evidence,
  GraphNode,
  Metric,
  NodeKind,
  Person,
  Product,
  Relationship,
  RelationshipKind,
  RelationshipStatus,
  Source,
  SourceKind,
} from "../domain/entities";
import type { Change, PreparedBatch, Receipt } from "../domain/batch";
import type { Claim } from "../domain/claims";
import type { NodeColumn, NodeRow } from "../domain/node-columns";
import type { PartsNamed, RelationshipPart, RelationshipRow } from "../domain/relationship-parts";
import type { RelationshipIdentity } from "../domain/relationship-view";

/** Which end of a relationship the asking node is on. OUT: node is `from`; IN: node is `to`. */
export const DIRECTIONS = ["OUT", "IN", "BOTH"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface RelationshipFilter {
  readonly kinds?: readonly RelationshipKind[];
  readonly direction?: Direction;
  /** Only relationships about one of these products (BUYS_FROM product, COMPETES_WITH product...). */
  readonly productIds?: readonly string[];
  /** Only relationships whose other end is one of these nodes. */
  readonly counterpartIds?: readonly string[];
  readonly statuses?: readonly RelationshipStatus[];
  /** ISO date: only relationships in force on that day. */
  readonly asOf?: string | null;
  /** true: only relationships whose claims disagree on the amount. */
  readonly conflicting?: boolean;
  /**
   * ISO date, record time: relationships as the claims recorded by that day (and not withdrawn by
   * then) make them, the other filters applied to that view (see store/record-time.ts).
   */
  readonly knownAt?: string | null;
}

/** Which claims a list holds; ordered by id. */
export interface ClaimFilter {
  readonly relationshipIds?: readonly string[];
  readonly sourceIds?: readonly string[];
  /** The record time whose counted claims are listed (now when null). */
  readonly knownAt?: string | null;
  /** true: also the claims retracted or superseded by then (all claims recorded by then). */
  readonly includeWithdrawn?: boolean;
}

/** Withdrawn relationships with one of `ids`, or with an end among `nodeIds`; every one when neither is given. */
export interface WithdrawnSelection {
  readonly ids?: readonly string[];
  readonly nodeIds?: readonly string[];
}

export interface SourceFilter {
  readonly kinds?: readonly SourceKind[];
  /** Only sources that repeat one of these directly (their derivedFrom, or a derivation recorded since). */
  readonly derivesFrom?: readonly string[];
}

/**
 * Keyset pagination: items are ordered by id and `after` is the last id already seen.
 * `first` undefined means "all" and is only used by internal callers (analytics, exports).
 */
export interface PageRequest {
  readonly first?: number;
  readonly after?: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
}

/**
 * One node's page of relationships and, when asked for, the nodes at the other ends of its items:
 * each such node once, ordered by id (empty when not asked for). Callers that go on to read those
 * nodes need no second lookup; callers that only walk ids do not pay for shipping them.
 */
export interface RelationshipPage<Row extends RelationshipRow = Relationship> extends Page<Row> {
  readonly neighbours: readonly GraphNode[];
}

/**
 * What a planned list's pages hold beyond ids, ends and order, when a reader needs less: a GraphQL
 * list that shows three fields and no count. Both stores leave out what was not asked for, by type
 * (see domain/relationship-parts.ts), never with a stand-in value.
 */
export interface PageContents {
  /** The parts each relationship needs (every part when undefined). */
  readonly parts?: readonly RelationshipPart[];
  /** false: the pages are not counted (totalCount null), and Neo4j skips the count (default true). */
  readonly withTotalCount?: boolean;
  /** The columns each node at the other end needs (every column when undefined). */
  readonly nodeColumns?: readonly NodeColumn[];
}

export interface RelationshipReadOptions<P extends RelationshipPart = RelationshipPart> {
  readonly withNeighbours?: boolean;
  /**
   * The parts each relationship needs (every part when undefined): each item is then a row of just
   * those (domain/relationship-parts.ts). A caller that ranks thousands of relationships by a few
   * figures reads those, and Neo4j reads and ships only their properties.
   */
  readonly parts?: readonly P[];
}

/** The pages a read of parts `P` gives, one per node. */
export type RelationshipPagesOf<P extends RelationshipPart> = RelationshipPage<RelationshipRow<P>>[];

/** What relationshipsOfEach answers for `Reads`: per read, in order, its pages of the parts it asked for. */
export type PagesOfEach<Reads extends readonly RelationshipRead<RelationshipPart>[]> = {
  -readonly [I in keyof Reads]: RelationshipPagesOf<PartsNamed<NonNullable<Reads[I]["options"]>["parts"]>>;
};

/**
 * One node's page of a planned list: rows of the parts the list asked for, its count when it asked
 * for one (null otherwise), and the nodes at the other ends of its items, each once, ordered by id,
 * with the columns it asked for.
 */
export interface PlannedPage {
  readonly items: readonly RelationshipRow[];
  readonly totalCount: number | null;
  readonly hasNextPage: boolean;
  readonly neighbours: readonly NodeRow[];
}

/** One relationshipsOf call as a value, so that several can be asked for at once (relationshipsOfEach). */
export interface RelationshipRead<P extends RelationshipPart = RelationshipPart> {
  readonly nodeIds: readonly string[];
  readonly filter: RelationshipFilter;
  readonly page: PageRequest;
  readonly options?: RelationshipReadOptions<P>;
}

export interface CompanyFilter {
  readonly kind?: string | null;
  readonly country?: string | null;
  readonly ids?: readonly string[];
}

export interface SearchHit {
  readonly node: GraphNode;
  /** Higher is better: exact name 3, prefix 2, word prefix 1.5, substring 1; aliases count slightly less. */
  readonly score: number;
  readonly matched: string;
}

/** A node and how many relationships it has (either direction, any kind, any status). */
export interface ConnectedNode {
  readonly node: GraphNode;
  readonly relationships: number;
}

export interface LoadReport {
  readonly nodes: number;
  readonly relationships: number;
  readonly evidence: number;
  readonly claims: number;
  readonly metrics: number;
}

export interface StoreCounts {
  readonly companies: number;
  readonly products: number;
  readonly people: number;
  readonly sources: number;
  readonly evidence: number;
  readonly relationships: number;
  readonly claims: number;
  readonly metrics: number;
}

export type NodeOfKind<K extends NodeKind> = K extends "Company" ? Company : K extends "Product" ? Product : Person;

/**
 * A search for the simple paths money takes from one node to another: BUYS_FROM from customer to
 * supplier, INVESTS_IN from investor to investee, TAKES_REVENUE_SHARE from its `to` (the payer) to
 * its `from`. A hop counts when its relationship is in force at `asOf` (as analytics' `inForce`:
 * not PLANNED, valid that day, and a FORMER one only when `asOf` falls before its end).
 */
export interface MoneyPathQuery {
  readonly fromId: string;
  readonly toId: string;
  /** Longest path, in relationships, 1 to 6. */
  readonly maxDepth: number;
  readonly asOf: string | null;
  /**
   * Most walks the search may consider: the paths to `toId` plus every shorter prefix that does
   * not reach it (what a level-by-level walk would keep). Beyond it the answer is incomplete.
   */
  readonly limit: number;
  /**
   * A node the walk leaves (`fromId`, or the end of a prefix shorter than maxDepth) with more than
   * this many money relationships in one direction, in force or not, makes the answer incomplete.
   */
  readonly fanoutCap: number;
}

export type MoneyPathSearch =
  /** Every path, each as its relationship ids in money order, in no particular order. */
  | { readonly complete: true; readonly paths: readonly (readonly string[])[] }
  /** The store stopped early; the caller walks the graph itself. */
  | { readonly complete: false; readonly reason: "LIMIT" | "FANOUT" };

/**
 * Where a planned read starts: a page of companies, or nodes by id, and the columns those nodes
 * need (every column when undefined).
 */
export type PlanRoot = (
  | { readonly kind: "companies"; readonly filter: CompanyFilter; readonly page: PageRequest }
  | { readonly kind: "nodes"; readonly ids: readonly string[] }
) & { readonly columns?: readonly NodeColumn[] };

/**
 * One relationship list of a planned read: for every node of its level, the page relationshipsOf
 * would give for `filter` and `page` (with neighbours), holding what its contents ask for. The nodes of a root list's level are the
 * root's nodes; the nodes of a `next` list's level are the other ends of its parent list's pages.
 */
export interface PlannedList extends PageContents {
  readonly filter: RelationshipFilter;
  readonly page: PageRequest;
  readonly next: readonly PlannedList[];
}

/** A list's pages, per node of its level, and the results of its `next` lists, in plan order. */
export interface PlannedListResult {
  readonly pages: ReadonlyMap<string, PlannedPage>;
  readonly next: readonly PlannedListResult[];
}

export interface PlanResult {
  /** The root's nodes: the companies page, or the nodes found by id in the order asked for. */
  readonly root: Page<NodeRow>;
  readonly lists: readonly PlannedListResult[];
}

/**
 * The one port every store implements. Batch methods take many ids and answer in the same order
 * (null for unknown ids) so that per-request DataLoaders can turn N lookups into one call.
 */
export interface GraphStore {
  readonly name: "memory" | "neo4j";

  nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]>;
  nodesOfKindByIds<K extends NodeKind>(kind: K, ids: readonly string[]): Promise<(NodeOfKind<K> | null)[]>;
  listCompanies(filter: CompanyFilter, page: PageRequest): Promise<Page<Company>>;
  listProducts(page: PageRequest): Promise<Page<Product>>;
  /** Case- and accent-insensitive match on names and aliases, best first. */
  search(text: string, kinds: readonly NodeKind[], limit: number): Promise<SearchHit[]>;
  /** The `limit` nodes of these kinds (all kinds when empty) with the most relationships; ties by id. */
  mostConnected(kinds: readonly NodeKind[], limit: number): Promise<ConnectedNode[]>;

  /**
   * For each node id, the page of its relationships that pass the filter (ordered by relationship
   * id) and, with `withNeighbours`, the nodes at their other ends; with `parts`, rows of those parts.
   */
  relationshipsOf<P extends RelationshipPart = RelationshipPart>(
    nodeIds: readonly string[],
    filter: RelationshipFilter,
    page: PageRequest,
    options?: RelationshipReadOptions<P>,
  ): Promise<RelationshipPagesOf<P>>;
  /**
   * Several relationshipsOf calls answered together, in order, each exactly as relationshipsOf
   * answers it: one level of a search that reads some nodes outward and others inward at once.
   * Neo4j answers them in one statement.
   */
  relationshipsOfEach<const Reads extends readonly RelationshipRead<RelationshipPart>[]>(
    reads: Reads,
  ): Promise<PagesOfEach<Reads>>;
  relationshipsByIds(ids: readonly string[]): Promise<(Relationship | null)[]>;
  /**
   * Relationships whose every claim is withdrawn now (see WithdrawnSelection), ordered by id. No
   * current read shows them; store/record-time.ts remakes them for reads at earlier record times.
   */
  withdrawnRelationships(select: WithdrawnSelection): Promise<RelationshipIdentity[]>;
  /** All relationships passing the filter, across the graph (for analytics and exports). */
  listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<Page<Relationship>>;

  evidenceByIds(ids: readonly string[]): Promise<(Evidence | null)[]>;
  sourcesByIds(ids: readonly string[]): Promise<(Source | null)[]>;
  listSources(filter: SourceFilter, page: PageRequest): Promise<Page<Source>>;
  /** For each relationship id, every claim about it (withdrawn ones too), in record order (see byRecordOrder). */
  claimsOf(relationshipIds: readonly string[]): Promise<Claim[][]>;
  listClaims(filter: ClaimFilter, page: PageRequest): Promise<Page<Claim>>;
  claimsByIds(ids: readonly string[]): Promise<(Claim | null)[]>;

  /** The receipt of the batch recorded under `key`, or null when none was. */
  receiptFor(key: string): Promise<Receipt | null>;
  /**
   * Writes a prepared batch (see store/record-batch.ts) all or nothing and remakes the views of the
   * relationships it affects; a batch whose key is already recorded writes nothing and answers the
   * first receipt when its content hash is the first one's, else IDEMPOTENCY_KEY_REUSED (checked
   * where concurrent batches are ordered). Acknowledged batches, and their seqs, survive a restart.
   */
  applyBatch(batch: PreparedBatch): Promise<Receipt>;
  /** The change feed after `sinceSeq`, in commit order (`page.after` is a change id). */
  listChanges(sinceSeq: number, page: PageRequest): Promise<Page<Change>>;
  /** For each subject id (company or product), its metrics, optionally of some kinds only. */
  metricsOf(subjectIds: readonly string[], kinds?: readonly string[]): Promise<Metric[][]>;

  /**
   * Optional pushdown of the money-path search. A store without it is walked level by level
   * through relationshipsOf; a store with it must find exactly the same paths.
   */
  findMoneyPaths?(q: MoneyPathQuery): Promise<MoneyPathSearch>;

  /**
   * A whole nested read, for a GraphQL request planned at its root: every page exactly what the
   * corresponding relationshipsOf call would return, cut to the list's contents. Neo4j answers it in one statement.
   */
  readPlan(root: PlanRoot, lists: readonly PlannedList[]): Promise<PlanResult>;

  counts(): Promise<StoreCounts>;
  /** Merges a validated dataset into the store: loading the same dataset twice changes nothing. */
  load(dataset: Dataset): Promise<LoadReport>;
  /** Removes everything. Only for stores the caller owns (tests, imports into a scratch database). */
  clear(): Promise<void>;
  /** Throws StoreUnavailableError when the backing database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
