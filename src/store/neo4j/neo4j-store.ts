import type { RelationshipPart } from "../../domain/relationship-parts";
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
  PlanResult,
  PlanRoot,
  RelationshipFilter,
  RelationshipRead,
  RelationshipPagesOf,
  PagesOfEach,
  RelationshipReadOptions,
  SearchHit,
  ConnectedNode,
  SourceFilter,
  WithdrawnSelection,
  StoreCounts,
} from "../graph-store";
import { DEFAULT_LOAD_BATCH_SIZE, loadInBatches, type LoadOptions } from "./batched-load";
import { Neo4jExecutor, type Neo4jExecutorOptions, type Neo4jRecord } from "./executor";
import { relationshipFromColumns, toEvidence, toMetric, toChange, toClaim, toIdentity, toSource } from "./mapping";
import { toNode } from "./node-mapping";
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
import { NO_RELATIONSHIPS, incompleteAnswer, pageReader, pagesOfRead, trimPage } from "./page-rows";
import { planAnswerOf, planResultOf } from "./plan-result";
import { allNodesCountQuery, countsQuery } from "./queries/count-queries";
import { type CypherQuery, pageSize } from "./queries/cypher-query";
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
import { PLAN_ANSWER_COLUMN, type PageRow, type PlanAnswerPart, planQuery } from "./queries/plan-query";
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

  async relationshipsOf<P extends RelationshipPart = RelationshipPart>(
    nodeIds: readonly string[],
    filter: RelationshipFilter,
    page: PageRequest,
    options: RelationshipReadOptions<P> = {},
  ): Promise<RelationshipPagesOf<P>> {
    if (nodeIds.length === 0) return [];
    if (atRecordTime(filter)) return relationshipsOfAtRecordTime(this, nodeIds, filter, page, options);
    if (selectedKinds(filter).length === 0) return nodeIds.map(() => NO_RELATIONSHIPS);
    const query = relationshipsOfQuery(nodeIds, filter, page, options.withNeighbours ?? false, options.parts);
    const readPage = pageReader(page, options.parts);
    const pages = await this.read(query, (rec) => [rec.get("nodeId") as string, readPage(rec)] as const);
    const byNode = new Map(pages);
    return nodeIds.map((id) => byNode.get(id) ?? NO_RELATIONSHIPS);
  }

  async relationshipsOfEach<const Reads extends readonly RelationshipRead<RelationshipPart>[]>(
    reads: Reads,
  ): Promise<PagesOfEach<Reads>> {
    // A read that needs no statement, or several (at a record time), is answered on its own.
    const inStatement = reads.map(
      (read) => read.nodeIds.length > 0 && selectedKinds(read.filter).length > 0 && !atRecordTime(read.filter),
    );
    const together = reads.filter((_, i) => inStatement[i]);
    const [row] = together.length > 0 ? await this.read(relationshipsOfEachQuery(together), (rec) => rec) : [];
    let column = 0;
    const pages = reads.map((read, i) => {
      if (!inStatement[i]) return this.relationshipsOf(read.nodeIds, read.filter, read.page, read.options);
      const rows = row!.get(`read${column++}`) as (readonly [string, number | null, PageRow<unknown[] | null>[]])[];
      return pagesOfRead(read, rows);
    });
    // Each read's pages hold the parts it asked for: the order of the reads is the order of the answers.
    return (await Promise.all(pages)) as PagesOfEach<Reads>;
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
    const parts = await this.read(planQuery(root, lists), (rec) => rec.get(PLAN_ANSWER_COLUMN) as PlanAnswerPart);
    return planResultOf(root, lists, planAnswerOf(parts));
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

/** Lookups answer only the ids that exist, once each; callers get one answer per id they asked for. */
function inOrder<T extends { id: string }>(ids: readonly string[], found: readonly T[]): (T | null)[] {
  const byId = new Map(found.map((x) => [x.id, x]));
  return ids.map((id) => byId.get(id) ?? null);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
