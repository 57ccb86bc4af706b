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
  CompanyFilter,
  GraphStore,
  LoadReport,
  MoneyPathQuery,
  MoneyPathSearch,
  NodeOfKind,
  Page,
  PageRequest,
  RelationshipFilter,
  RelationshipPage,
  RelationshipReadOptions,
  SearchHit,
  StoreCounts,
} from "../graph-store";
import { loadInBatches, type LoadOptions } from "./batched-load";
import { Neo4jExecutor, type Neo4jExecutorOptions, type Neo4jRecord } from "./executor";
import { toEvidence, toMetric, toNode, toRelationship, toSource } from "./mapping";
import { countsQuery } from "./queries/count-queries";
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
  relationshipsOfQuery,
  selectedKinds,
} from "./queries/relationship-queries";
import { searchQuery } from "./queries/search-query";
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
    const empty: RelationshipPage = { items: [], totalCount: 0, hasNextPage: false, neighbours: [] };
    if (nodeIds.length === 0) return [];
    if (selectedKinds(filter).length === 0) return nodeIds.map(() => empty);
    const query = relationshipsOfQuery(nodeIds, filter, page, options.withNeighbours ?? false);
    const pages = await this.read(
      query,
      (rec) => [rec.get("nodeId") as string, relationshipPageFromRecord(rec)] as const,
    );
    const byNode = new Map(pages);
    return nodeIds.map((id) => byNode.get(id) ?? empty);
  }

  async relationshipsByIds(ids: readonly string[]): Promise<(Relationship | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.read(relationshipsByIdsQuery(ids), (rec) =>
      toRelationship(
        rec.get("props") as Props,
        rec.get("kind") as string,
        rec.get("fromId") as string,
        rec.get("toId") as string,
      ),
    );
    return inOrder(ids, found);
  }

  async listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<Page<Relationship>> {
    if (selectedKinds(filter).length === 0) return { items: [], totalCount: 0, hasNextPage: false };
    const [result] = await this.read(listRelationshipsQuery(filter, page), (rec) => ({
      totalCount: rec.get("totalCount") as number,
      items: (rec.get("items") as RelationshipRow[]).map(relationshipFromRow),
    }));
    return trimPage(result!.items, result!.totalCount, pageSize(page));
  }

  async evidenceByIds(ids: readonly string[]): Promise<(Evidence | null)[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, await this.read(evidenceByIdsQuery(ids), (rec) => toEvidence(rec.get("props") as Props)));
  }

  async sourcesByIds(ids: readonly string[]): Promise<(Source | null)[]> {
    if (ids.length === 0) return [];
    return inOrder(ids, await this.read(sourcesByIdsQuery(ids), (rec) => toSource(rec.get("props") as Props)));
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

  async counts(): Promise<StoreCounts> {
    const [counts] = await this.read(countsQuery(), (rec) => ({
      companies: rec.get("companies") as number,
      products: rec.get("products") as number,
      people: rec.get("people") as number,
      sources: rec.get("sources") as number,
      evidence: rec.get("evidence") as number,
      relationships: rec.get("relationships") as number,
      metrics: rec.get("metrics") as number,
    }));
    return counts!;
  }

  /**
   * Loads in batches, each its own transaction (see batched-load.ts for what a failed load leaves
   * and why running it again completes it). Refusals come before the first write.
   */
  async load(d: Dataset, options: LoadOptions = {}): Promise<LoadReport> {
    await loadInBatches(this.db, d, options);
    return {
      nodes: d.companies.length + d.products.length + d.people.length,
      relationships: d.relationships.length,
      evidence: d.evidence.length,
      metrics: d.metrics.length,
    };
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

  /** Runs a node list statement (see listNodesQuery) and cuts the extra row off. */
  private async readNodePage(query: CypherQuery, page: PageRequest): Promise<Page<GraphNode>> {
    const [result] = await this.read(query, (rec) => ({
      totalCount: rec.get("totalCount") as number,
      items: (rec.get("items") as Props[]).map(toNode),
    }));
    return trimPage(result!.items, result!.totalCount, pageSize(page));
  }
}

// ---------- records -> domain ----------

/** A relationship as RELATIONSHIP_PROJECTION returns it. */
interface RelationshipRow {
  props: Props;
  kind: string;
  fromId: string;
  toId: string;
}

function relationshipFromRow(row: RelationshipRow): Relationship {
  return toRelationship(row.props, row.kind, row.fromId, row.toId);
}

function nodeFromRecord(rec: Neo4jRecord): GraphNode {
  return toNode(rec.get("props") as Props);
}

function relationshipPageFromRecord(rec: Neo4jRecord): RelationshipPage {
  return {
    items: (rec.get("items") as RelationshipRow[]).map(relationshipFromRow),
    totalCount: rec.get("totalCount") as number,
    hasNextPage: rec.get("hasNextPage") as boolean,
    neighbours: (rec.get("neighbours") as Props[]).map(toNode),
  };
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
