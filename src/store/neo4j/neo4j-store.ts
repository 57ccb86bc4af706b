import type { Dataset } from "../../domain/dataset";
import { boundedInt, PATH_DEPTH } from "../../domain/bounds";
import {
  type Company,
  type Evidence,
  type GraphNode,
  type Metric,
  type NodeKind,
  type Product,
  type Relationship,
  type Source,
} from "../../domain/entities";
import { StoreUnavailableError } from "../../domain/errors";
import { type NodeColumn, type NodeRow, nodeView, sameColumns } from "../../domain/node-columns";
import { RELATIONSHIP_PARTS, type RelationshipRow } from "../../domain/relationship-parts";
import { normalizeText } from "../../domain/text";
import type { Neo4jConfig } from "./neo4j-config";
import type {
  ClaimFilter,
  CompanyFilter,
  GraphStore,
  LoadReport,
  MoneyPathQuery,
  MoneyPathSearch,
  NodeOfKind,
  Page,
  PageRequest,
  PlannedList,
  PlannedListResult,
  PlannedPage,
  PlanResult,
  PlanRoot,
  RelationshipFilter,
  RelationshipPage,
  RelationshipRead,
  RelationshipReadOptions,
  SearchHit,
  ConnectedNode,
  SourceFilter,
  WithdrawnSelection,
  StoreCounts,
} from "../graph-store";
import { DEFAULT_LOAD_BATCH_SIZE, loadInBatches, type LoadOptions } from "./batched-load";
import { Neo4jExecutor, type Neo4jExecutorOptions, type Neo4jRecord } from "./executor";
import {
  nodeFromColumns,
  nodeReader,
  relationshipFromColumns,
  relationshipReader,
  toEvidence,
  toMetric,
  toNode,
  toChange,
  toClaim,
  toIdentity,
  toSource,
} from "./mapping";
import { withdrawnRelationshipsQuery } from "./queries/withdrawn-queries";
import type { RelationshipIdentity } from "../../domain/relationship-view";
import { claimsByIdsQuery, claimsOfQuery, listClaimsQuery, listSourcesQuery } from "./queries/claim-queries";
import type { Change, PreparedBatch, Receipt } from "../../domain/batch";
import { remakeRelationships, remakeStaleViews, toReceipt, writeBatch } from "./batch-write";
import { listChangesQuery, receiptQuery, relationshipsWithOtherClaimsQuery } from "./queries/batch-queries";
import type { Claim } from "../../domain/claims";
import { byRecordOrder, claimsByRelationship } from "../../domain/relationship-view";
import {
  atRecordTime,
  listRelationshipsAtRecordTime,
  planAsksRecordTime,
  relationshipsOfAtRecordTime,
} from "../record-time";
import { readPlanByLevels } from "../read-plan";
import { allNodesCountQuery, countsQuery } from "./queries/count-queries";
import { type CypherQuery, pageSize, unique } from "./queries/cypher-query";
import { deleteNodesBatchQuery, deleteRelationshipsBatchQuery } from "./queries/load-queries";
import { moneyPathsQuery } from "./queries/money-path-query";
import {
  evidenceByIdsQuery,
  listCompaniesQuery,
  listProductsQuery,
  metricsOfQuery,
  nodesByIdsQuery,
  nodesOfKindByIdsQuery,
  sourcesByIdsQuery,
} from "./queries/node-queries";
import {
  listRelationshipsQuery,
  relationshipsByIdsQuery,
  relationshipsOfEachQuery,
  relationshipsOfQuery,
  selectedKinds,
} from "./queries/relationship-queries";
import { searchQuery } from "./queries/search-query";
import { mostConnectedQuery } from "./queries/connected-query";
import { type PageRow, type PlanAnswer, type PlanListRow, planNodeColumns, planQuery } from "./queries/plan-query";
import { ensureSchema } from "./schema";

type Props = Record<string, unknown>;

/** Relationships, then nodes, deleted per transaction by clear(). */
const CLEAR_BATCH_SIZE = 10_000;

/**
 * The production store. Relationships are real Neo4j relationships typed by their kind, every node
 * is `:Entity` plus its kind label, and the whole filter and paging logic runs in Cypher, one
 * statement per call, so that DataLoader batches stay one round trip. The statements are built in
 * `queries/` (and snapshot-tested there as text); this class checks input, runs them and maps the
 * records back to domain objects.
 */
export class Neo4jStore implements GraphStore {
  readonly name = "neo4j" as const;

  private constructor(private readonly db: Neo4jExecutor) {}

  /** Connects, checks the server answers (StoreUnavailableError otherwise) and ensures the schema. */
  static async connect(cfg: Neo4jConfig, options: Neo4jExecutorOptions = {}): Promise<Neo4jStore> {
    const db = new Neo4jExecutor(cfg, options);
    try {
      await db.verifyConnectivity();
      await ensureSchema(db);
      await remakeStaleViews(db);
    } catch (err) {
      await db.close().catch(() => {});
      throw err;
    }
    return new Neo4jStore(db);
  }

  async nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, await this.read(nodesByIdsQuery(ids), nodeFromRecord));
  }

  async nodesOfKindByIds<K extends NodeKind>(kind: K, ids: readonly string[]): Promise<(NodeOfKind<K> | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.read(nodesOfKindByIdsQuery(kind, ids), (rec) => nodeFromRecord(rec) as NodeOfKind<K>);
    return inOrder(ids, found);
  }

  async listCompanies(filter: CompanyFilter, page: PageRequest): Promise<Page<Company>> {
    return this.readNodePage(listCompaniesQuery(filter, page), page) as Promise<Page<Company>>;
  }

  async listProducts(page: PageRequest): Promise<Page<Product>> {
    return this.readNodePage(listProductsQuery(page), page) as Promise<Page<Product>>;
  }

  async mostConnected(kinds: readonly NodeKind[], limit: number): Promise<ConnectedNode[]> {
    const max = Math.trunc(limit);
    if (!(max > 0)) return [];
    return this.read(mostConnectedQuery(kinds, max), (rec) => ({
      node: nodeFromRecord(rec),
      relationships: rec.get("relationships") as number,
    }));
  }

  async search(text: string, kinds: readonly NodeKind[], limit: number): Promise<SearchHit[]> {
    const normalized = normalizeText(text);
    const max = Math.trunc(limit);
    if (normalized === "" || !(max > 0)) return [];
    const hits = await this.read(searchQuery(normalized, kinds, max), (rec) => ({
      node: nodeFromRecord(rec),
      score: rec.get("score") as number,
      matched: rec.get("matched") as string,
      sortName: rec.get("sortName") as string,
    }));
    // Cypher already ordered them; sorting again pins the tie-break to JavaScript string order.
    hits.sort((a, b) => b.score - a.score || cmp(a.sortName, b.sortName) || cmp(a.node.id, b.node.id));
    return hits.map(({ node, score, matched }) => ({ node, score, matched }));
  }

  async relationshipsOf(
    nodeIds: readonly string[],
    filter: RelationshipFilter,
    page: PageRequest,
    options: RelationshipReadOptions = {},
  ): Promise<RelationshipPage[]> {
    if (nodeIds.length === 0) return [];
    if (atRecordTime(filter)) return relationshipsOfAtRecordTime(this, nodeIds, filter, page, options);
    if (selectedKinds(filter).length === 0) return nodeIds.map(() => NO_RELATIONSHIPS);
    const query = relationshipsOfQuery(nodeIds, filter, page, options.withNeighbours ?? false);
    const pages = await this.read(
      query,
      (rec) => [rec.get("nodeId") as string, relationshipPageFromRecord(rec, page)] as const,
    );
    const byNode = new Map(pages);
    return nodeIds.map((id) => byNode.get(id) ?? NO_RELATIONSHIPS);
  }

  async relationshipsOfEach(reads: readonly RelationshipRead[]): Promise<RelationshipPage[][]> {
    // A read that needs no statement, or several (at a record time), is answered on its own.
    const inStatement = reads.map(
      (read) => read.nodeIds.length > 0 && selectedKinds(read.filter).length > 0 && !atRecordTime(read.filter),
    );
    const together = reads.filter((_, i) => inStatement[i]);
    const [row] = together.length > 0 ? await this.read(relationshipsOfEachQuery(together), (rec) => rec) : [];
    let column = 0;
    return Promise.all(
      reads.map((read, i) => {
        if (!inStatement[i]) return this.relationshipsOf(read.nodeIds, read.filter, read.page, read.options);
        const rows = row!.get(`read${column++}`) as (readonly [string, number | null, PageRow<unknown[] | null>[]])[];
        return pagesOfRead(read, rows);
      }),
    );
  }

  async relationshipsByIds(ids: readonly string[]): Promise<(Relationship | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.read(relationshipsByIdsQuery(ids), (rec) =>
      relationshipFromColumns(rec.get("relationship") as unknown[]),
    );
    return inOrder(ids, found);
  }

  async withdrawnRelationships(select: WithdrawnSelection): Promise<RelationshipIdentity[]> {
    return this.read(withdrawnRelationshipsQuery(select), (rec) => toIdentity(rec.get("props") as Props));
  }

  async listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<Page<Relationship>> {
    if (selectedKinds(filter).length === 0) return { items: [], totalCount: 0, hasNextPage: false };
    if (atRecordTime(filter)) return listRelationshipsAtRecordTime(this, filter, page);
    const result = await this.readRow(listRelationshipsQuery(filter, page), (rec) => ({
      totalCount: rec.get("totalCount") as number,
      items: (rec.get("items") as unknown[][]).map((columns) => relationshipFromColumns(columns)),
    }));
    return trimPage(result.items, result.totalCount, pageSize(page));
  }

  async evidenceByIds(ids: readonly string[]): Promise<(Evidence | null)[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, await this.read(evidenceByIdsQuery(ids), (rec) => toEvidence(rec.get("props") as Props)));
  }

  async sourcesByIds(ids: readonly string[]): Promise<(Source | null)[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, await this.read(sourcesByIdsQuery(ids), (rec) => toSource(rec.get("props") as Props)));
  }

  async listSources(filter: SourceFilter, page: PageRequest): Promise<Page<Source>> {
    const result = await this.readRow(listSourcesQuery(filter, page), (rec) => ({
      totalCount: rec.get("totalCount") as number,
      items: (rec.get("items") as Props[]).map(toSource),
    }));
    return trimPage(result.items, result.totalCount, pageSize(page));
  }

  async claimsOf(relationshipIds: readonly string[]): Promise<Claim[][]> {
    if (relationshipIds.length === 0) return [];
    const rows = await this.read(
      claimsOfQuery(relationshipIds),
      (rec) => [rec.get("relationshipId") as string, (rec.get("claims") as Props[]).map(toClaim)] as const,
    );
    const byRelationship = new Map(rows);
    // The memory store's order: by record time as written, then id (Cypher sorted the same strings).
    return relationshipIds.map((id) => (byRelationship.get(id) ?? []).sort(byRecordOrder));
  }

  async listClaims(filter: ClaimFilter, page: PageRequest): Promise<Page<Claim>> {
    const result = await this.readRow(listClaimsQuery(filter, page), (rec) => ({
      totalCount: rec.get("totalCount") as number,
      items: (rec.get("items") as Props[]).map(toClaim),
    }));
    return trimPage(result.items, result.totalCount, pageSize(page));
  }

  async claimsByIds(ids: readonly string[]): Promise<(Claim | null)[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, await this.read(claimsByIdsQuery(ids), (rec) => toClaim(rec.get("props") as Props)));
  }

  async receiptFor(key: string): Promise<Receipt | null> {
    const [receipt] = await this.read(receiptQuery(key), (rec) => toReceipt(rec.get("props") as Props));
    return receipt ?? null;
  }

  async applyBatch(batch: PreparedBatch): Promise<Receipt> {
    const { value, bookmarks } = await this.db.writeTxWithBookmarks((run) => writeBatch(run, batch));
    return { ...value, bookmark: bookmarks.join(" ") || null };
  }

  async listChanges(sinceSeq: number, page: PageRequest): Promise<Page<Change>> {
    const [result] = await this.read(listChangesQuery(sinceSeq, page), (rec) => ({
      totalCount: rec.get("totalCount") as number,
      items: (rec.get("items") as Props[]).map(toChange),
    }));
    return trimPage(result!.items, result!.totalCount, pageSize(page));
  }

  async metricsOf(subjectIds: readonly string[], kinds?: readonly string[]): Promise<Metric[][]> {
    if (subjectIds.length === 0) return [];
    const rows = await this.read(
      metricsOfQuery(subjectIds, kinds),
      (rec) => [rec.get("subjectId") as string, (rec.get("metrics") as Props[]).map(toMetric)] as const,
    );
    const bySubject = new Map(rows);
    return subjectIds.map((id) => bySubject.get(id) ?? []);
  }

  async findMoneyPaths(q: MoneyPathQuery): Promise<MoneyPathSearch> {
    const maxDepth = boundedInt("maxDepth", q.maxDepth, PATH_DEPTH);
    const limit = Math.max(0, Math.trunc(q.limit));
    const [row] = await this.read(moneyPathsQuery({ ...q, maxDepth, limit }), (rec) => ({
      walks: rec.get("walks") as number,
      found: rec.get("found") as string[][],
      hub: rec.get("hub") as boolean,
    }));
    // An unknown end has no paths.
    if (!row) return { complete: true, paths: [] };
    if (row.walks > limit) return { complete: false, reason: "LIMIT" };
    if (row.hub) return { complete: false, reason: "FANOUT" };
    return { complete: true, paths: row.found };
  }

  async readPlan(root: PlanRoot, lists: readonly PlannedList[]): Promise<PlanResult> {
    // A record time remakes relationships from their claims, which one statement does not do.
    if (planAsksRecordTime(lists)) return readPlanByLevels(this, root, lists);
    const nodeColumns = planNodeColumns(lists);
    const readNode = nodeReader(nodeColumns);
    const answer = await this.readRow(planQuery(root, lists), (rec) => {
      const row = planAnswerOf(rec);
      const nodes = new Map(row.nodes.map(readNode).map((node) => [node.id, node]));
      return { total: row.rootTotal, rows: row.rootRows, nodes };
    });
    const readRoot = nodeReader(root.columns);
    const roots = answer.rows.map(([columns, rootLists]) => ({ node: readRoot(columns), lists: rootLists }));
    const rootPage = planRootPage(
      root,
      roots.map(({ node }) => node),
      answer.total,
    );
    const kept = new Set(rootPage.items.map((node) => node.id));
    const entries = roots.filter(({ node }) => kept.has(node.id));
    return {
      root: rootPage,
      lists: lists.map((list, i) =>
        plannedListResult(
          list,
          entries.map(({ node, lists: rootLists }) => [node.id, rootLists[i]!]),
          answer.nodes,
          nodeColumns,
        ),
      ),
    };
  }

  async counts(): Promise<StoreCounts> {
    return this.readRow(countsQuery(), (rec) => ({
      companies: rec.get("companies") as number,
      products: rec.get("products") as number,
      people: rec.get("people") as number,
      sources: rec.get("sources") as number,
      evidence: rec.get("evidence") as number,
      relationships: rec.get("relationships") as number,
      claims: rec.get("claims") as number,
      metrics: rec.get("metrics") as number,
    }));
  }

  /** Nodes of any label: 0 only in an empty database (a bulk import fills no other). */
  async nodeCount(): Promise<number> {
    return this.readRow(allNodesCountQuery(), (rec) => rec.get("nodes") as number);
  }

  /**
   * Loads in batches, each its own transaction (see batched-load.ts for what a failed load leaves
   * and why running it again completes it). Refusals come before the first write.
   */
  async load(d: Dataset, options: LoadOptions = {}): Promise<LoadReport> {
    const { storeHeldClaims } = await loadInBatches(this.db, d, options);
    // Into a store without claims, every view already is the one of all its claims: no pass over them.
    if (storeHeldClaims) await this.remakeWithStoredClaims(d);
    return {
      nodes: d.companies.length + d.products.length + d.people.length,
      relationships: d.relationships.length,
      evidence: d.evidence.length,
      claims: d.claims.length,
      metrics: d.metrics.length,
    };
  }

  /**
   * A dataset's relationships are views of its own claims; where the store holds more claims about
   * one (recorded through the write path), the view is made again from all of them.
   */
  private async remakeWithStoredClaims(d: Dataset): Promise<void> {
    const inDataset = claimsByRelationship(d.claims);
    const rows = d.relationships.map((r) => ({ id: r.id, claims: inDataset.get(r.id)?.length ?? 0 }));
    for (let start = 0; start < rows.length; start += DEFAULT_LOAD_BATCH_SIZE) {
      const query = relationshipsWithOtherClaimsQuery(rows.slice(start, start + DEFAULT_LOAD_BATCH_SIZE));
      const stale = await this.read(query, (rec) => rec.get("id") as string);
      if (stale.length > 0) await this.db.writeTx((run) => remakeRelationships(run, stale, []));
    }
  }

  async clear(): Promise<void> {
    // Relationships first, then the bare nodes, in batches that keep each transaction small on a big
    // graph (`CALL {} IN TRANSACTIONS` cannot run in a managed transaction).
    for (const query of [deleteRelationshipsBatchQuery(CLEAR_BATCH_SIZE), deleteNodesBatchQuery(CLEAR_BATCH_SIZE)]) {
      for (;;) {
        const [deleted] = await this.db.write(query.cypher, query.params, (rec) => rec.get("deleted") as number);
        if (!deleted) break;
      }
    }
  }

  async ping(): Promise<void> {
    await this.db.probe();
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private read<T>(query: CypherQuery, map: (record: Neo4jRecord) => T): Promise<T[]> {
    return this.db.read(query.cypher, query.params, map);
  }

  /** Runs a statement that always answers one row (an aggregate, or a CALL of them), and maps that row. */
  private async readRow<T>(query: CypherQuery, map: (record: Neo4jRecord) => T): Promise<T> {
    const rows = await this.read(query, map);
    if (rows.length !== 1) throw incompleteAnswer(`${rows.length} rows where the statement always returns one`);
    return rows[0]!;
  }

  /** Runs a node list statement (see listNodesQuery) and cuts the extra row off. */
  private async readNodePage(query: CypherQuery, page: PageRequest): Promise<Page<GraphNode>> {
    const result = await this.readRow(query, (rec) => ({
      totalCount: rec.get("totalCount") as number,
      items: (rec.get("items") as Props[]).map(toNode),
    }));
    return trimPage(result.items, result.totalCount, pageSize(page));
  }
}

// ---------- records -> domain ----------

function nodeFromRecord(rec: Neo4jRecord): GraphNode {
  return toNode(rec.get("props") as Props);
}

/**
 * A node's page from the rows of relationshipPageSubquery (one row more than `first` when there is a
 * next page), its neighbours found by `nodeOf`, each row read by `readRelationship`.
 */
function pageFromRows<Other, Row, Node extends NodeRow>(
  rows: readonly PageRow<Other>[],
  totalCount: number | null,
  page: PageRequest,
  nodeOf: (other: Other) => Node | null,
  readRelationship: (columns: readonly unknown[]) => Row,
) {
  const first = pageSize(page);
  const items = first === null ? rows : rows.slice(0, first);
  const hasNextPage = first !== null && rows.length > first;
  const neighbours = new Map<string, Node>();
  for (const [, other] of items) {
    const node = nodeOf(other);
    if (node) neighbours.set(node.id, node);
  }
  return {
    items: items.map(([relationship]) => readRelationship(relationship)),
    totalCount,
    hasNextPage,
    neighbours: [...neighbours.keys()].sort().map((id) => neighbours.get(id)!),
  };
}

/** A whole page, counted, from rows of every part with the other ends' columns. */
function wholePage(
  rows: readonly PageRow<unknown[] | null>[],
  totalCount: number | null,
  page: PageRequest,
): RelationshipPage {
  const nodeOf = (other: unknown[] | null) => (other ? nodeFromColumns(other) : null);
  const whole = pageFromRows(rows, totalCount, page, nodeOf, relationshipFromColumns);
  if (whole.totalCount === null) throw incompleteAnswer("a page without the count it was read with");
  return { ...whole, totalCount: whole.totalCount };
}

function relationshipPageFromRecord(rec: Neo4jRecord, page: PageRequest): RelationshipPage {
  return wholePage(rec.get("rows") as PageRow<unknown[] | null>[], rec.get("totalCount") as number | null, page);
}

/** The page of a node that does not exist: it has no relationships. */
const NO_RELATIONSHIPS: RelationshipPage = { items: [], totalCount: 0, hasNextPage: false, neighbours: [] };

/** One read's pages, in the order of its node ids, from its `[nodeId, totalCount, rows]` rows. */
function pagesOfRead(
  read: RelationshipRead,
  rows: readonly (readonly [string, number | null, PageRow<unknown[] | null>[]])[],
): RelationshipPage[] {
  const byNode = new Map(
    rows.map(([nodeId, totalCount, pageRows]) => [nodeId, wholePage(pageRows, totalCount, read.page)]),
  );
  return read.nodeIds.map((id) => byNode.get(id) ?? NO_RELATIONSHIPS);
}

/** The one row of a plan statement, read by the columns planQuery returns. */
function planAnswerOf(rec: Neo4jRecord): PlanAnswer {
  const column = <K extends keyof PlanAnswer>(key: K) => rec.get(key) as PlanAnswer[K];
  return { rootTotal: column("rootTotal"), rootRows: column("rootRows"), nodes: column("nodes") };
}

/** The root page as readPlanByLevels gives it: a trimmed companies page, or the nodes found in the order asked. */
function planRootPage(root: PlanRoot, nodes: NodeRow[], total: number): Page<NodeRow> {
  if (root.kind === "companies") return trimPage(nodes, total, pageSize(root.page));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const found = unique(root.ids).flatMap((id) => byId.get(id) ?? []);
  return { items: found, totalCount: found.length, hasNextPage: false };
}

/**
 * One planned list's pages for the nodes of its level, and its nested lists for the other ends of
 * the kept items only (an end reached only through another node's extra row is not on any page).
 */
function plannedListResult(
  list: PlannedList,
  entries: readonly (readonly [string, PlanListRow])[],
  nodes: ReadonlyMap<string, NodeRow>,
  readWith: readonly NodeColumn[] | undefined,
): PlannedListResult {
  // The nodes were read with every list's columns; each list's neighbours hold its own.
  const view = sameColumns(list.nodeColumns, readWith) ? undefined : nodeView(list.nodeColumns);
  const nodeOf = (id: string) => {
    const node = nodes.get(id);
    if (!node) throw incompleteAnswer(`the planned read lacks the node ${id}`);
    return view ? view(node) : node;
  };
  const readRelationship: (columns: readonly unknown[]) => RelationshipRow = relationshipReader(
    list.parts ?? RELATIONSHIP_PARTS,
  );
  const pages = new Map<string, PlannedPage>(
    entries.map(([id, [totalCount, rows]]) => [
      id,
      pageFromRows(rows, totalCount, list.page, nodeOf, readRelationship),
    ]),
  );
  const reached = new Set([...pages].flatMap(([id, page]) => page.items.map((r) => (r.from === id ? r.to : r.from))));
  const nested = new Map(entries.flatMap(([, [, , nested]]) => nested).filter(([id]) => reached.has(id)));
  // A node on a page without the lists planned under it would read as a node with none of them.
  const unanswered = list.next.length === 0 ? [] : [...reached].filter((id) => !nested.has(id));
  if (unanswered.length > 0) throw incompleteAnswer(`the planned read lacks the lists under ${unanswered.join(", ")}`);
  return {
    pages,
    next: list.next.map((child, i) =>
      plannedListResult(
        child,
        [...nested].map(([id, lists]) => [id, lists[i]!]),
        nodes,
        readWith,
      ),
    ),
  };
}

/**
 * An answer missing what its statement always returns: the result was cut short, or read half
 * before and half after a change. Passed on, it would read as "no data"; a retry can succeed.
 */
function incompleteAnswer(what: string): StoreUnavailableError {
  return new StoreUnavailableError(`Neo4j answered incompletely: ${what}`, { incomplete: true });
}

/** `items` were fetched with one extra row when a page size was given. */
function trimPage<T>(items: T[], totalCount: number, first: number | null): Page<T> {
  if (first === null) return { items, totalCount, hasNextPage: false };
  return { items: items.slice(0, first), totalCount, hasNextPage: items.length > first };
}

/** Lookups answer only the ids that exist, once each; callers get one answer per id they asked for. */
function inOrder<T extends { id: string }>(ids: readonly string[], found: readonly T[]): (T | null)[] {
  const byId = new Map(found.map((x) => [x.id, x]));
  return ids.map((id) => byId.get(id) ?? null);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
