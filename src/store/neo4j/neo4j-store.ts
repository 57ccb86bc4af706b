import type { Dataset } from "../../domain/dataset";
import {
  type Company,
  type Evidence,
  type GraphNode,
  type Metric,
  NODE_KINDS,
  type NodeKind,
  type Product,
  RELATIONSHIP_KINDS,
  type Relationship,
  type RelationshipKind,
  type Source,
  SYMMETRIC_KINDS,
} from "../../domain/entities";
import { BadInputError, DomainError } from "../../domain/errors";
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
import { cypherInt, Neo4jExecutor, type Neo4jExecutorOptions, type RunQuery } from "./executor";
import {
  compact,
  evidenceProps,
  metricProps,
  nodeProps,
  relationshipProps,
  sourceProps,
  toEvidence,
  toMetric,
  toNode,
  toRelationship,
  toSource,
} from "./mapping";
import { ensureSchema } from "./schema";
import { COMMON_FILTER, IN_FORCE, PATH_QUANTIFIERS, typePattern } from "./cypher-rules";
import { MONEY_AGAINST_ARROW, MONEY_WITH_ARROW } from "../../domain/money-flow";
import { boundedInt, PATH_DEPTH } from "../../domain/bounds";
import { refuseLoad, refuseSelfLoops, unknownEndProblem } from "../load-checks";

type Props = Record<string, unknown>;

const BATCH_SIZE = 1000;
const CLEAR_BATCH_SIZE = 10_000;
const SYMMETRIC = [...SYMMETRIC_KINDS];

/** Every relationship with id `idVar` whatever its type: one index seek per type. */
function relationshipByIdUnion(idVar: string): string {
  return RELATIONSHIP_KINDS.map(
    (k) => `MATCH (a)-[r:${k} {id: ${idVar}}]->(b) RETURN r, a.id AS fromId, b.id AS toId`,
  ).join("\n  UNION ALL\n  ");
}

/** The relationship as a map the mapper reads; `r`, `a`, `b` must be bound. */
const REL_PROJECTION = "{props: properties(r), kind: type(r), fromId: startNode(r).id, toId: endNode(r).id}";

/**
 * The production store. Relationships are real Neo4j relationships typed by their kind, every node
 * is `:Entity` plus its kind label, and the whole filter and paging logic runs in Cypher, one
 * statement per call, so that DataLoader batches stay one round trip.
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
    const found = await this.db.read(
      "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS props",
      { ids: unique(ids) },
      (rec) => toNode(rec.get("props") as Props),
    );
    return inOrder(ids, found);
  }

  async nodesOfKindByIds<K extends NodeKind>(kind: K, ids: readonly string[]): Promise<(NodeOfKind<K> | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.db.read(
      "UNWIND $ids AS id MATCH (n:Entity {id: id}) WHERE n.nodeKind = $kind RETURN properties(n) AS props",
      { ids: unique(ids), kind },
      (rec) => toNode(rec.get("props") as Props) as NodeOfKind<K>,
    );
    return inOrder(ids, found);
  }

  async listCompanies(filter: CompanyFilter, page: PageRequest): Promise<Page<Company>> {
    const where = `($kind IS NULL OR n.kind = $kind)
      AND ($country IS NULL OR n.country = $country)
      AND ($ids IS NULL OR n.id IN $ids)`;
    return this.listNodes(
      "Company",
      where,
      {
        kind: filter.kind || null,
        country: filter.country || null,
        // An empty id list selects nothing, as in the memory store.
        ids: filter.ids ? [...filter.ids] : null,
      },
      page,
    ) as Promise<Page<Company>>;
  }

  async listProducts(page: PageRequest): Promise<Page<Product>> {
    return this.listNodes("Product", "true", {}, page) as Promise<Page<Product>>;
  }

  async search(text: string, kinds: readonly NodeKind[], limit: number): Promise<SearchHit[]> {
    const q = normalizeText(text);
    const max = Math.trunc(limit);
    if (q === "" || !(max > 0)) return [];
    // The same numbers and matched key as bestMatch: exact 3, prefix 2, word prefix 1.5, substring 1; aliases x0.9.
    const cypher = `
      MATCH (n:Entity)
      WHERE n.searchText CONTAINS $q AND ($kinds IS NULL OR n.nodeKind IN $kinds)
      WITH n, n.searchKeys AS keys
      WITH n, keys, [i IN range(0, size(keys) - 1) |
        (CASE
           WHEN keys[i] = $q THEN 3.0
           WHEN keys[i] STARTS WITH $q THEN 2.0
           WHEN keys[i] CONTAINS $wordQ THEN 1.5
           WHEN keys[i] CONTAINS $q THEN 1.0
           ELSE 0.0
         END) * (CASE WHEN i = 0 THEN 1.0 ELSE 0.9 END)] AS scores
      WITH n, keys, scores, reduce(best = 0.0, s IN scores | CASE WHEN s > best THEN s ELSE best END) AS score
      WHERE score > 0
      RETURN properties(n) AS props, score, head([i IN range(0, size(keys) - 1) WHERE scores[i] = score | keys[i]]) AS matched,
             keys[0] AS sortName, n.id AS id
      ORDER BY score DESC, sortName ASC, id ASC
      LIMIT $limit`;
    const hits = await this.db.read(
      cypher,
      { q, wordQ: ` ${q}`, kinds: kinds.length > 0 ? [...kinds] : null, limit: cypherInt(max) },
      (rec) => ({
        node: toNode(rec.get("props") as Props),
        score: rec.get("score") as number,
        matched: rec.get("matched") as string,
        sortName: rec.get("sortName") as string,
      }),
    );
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
    const kinds = selectedKinds(filter);
    if (nodeIds.length === 0) return [];
    if (kinds.length === 0) return nodeIds.map(() => empty);
    // When asked for, the other ends come back in the same statement: no second round trip. The
    // fragment is one of two fixed strings chosen by a boolean, never built from input.
    const neighbours = options.withNeighbours
      ? `CALL (pageRows) {
          UNWIND pageRows AS x
          WITH DISTINCT x.m AS m
          ORDER BY m.id
          RETURN collect(properties(m)) AS neighbours
        }`
      : "WITH *, [] AS neighbours";
    const cypher = `
      UNWIND $ids AS nodeId
      CALL (nodeId) {
        MATCH (n:Entity {id: nodeId})-[r:${typePattern(kinds)}]-(m)
        WHERE ($direction = 'BOTH' OR type(r) IN $symmetric
               OR ($direction = 'OUT' AND startNode(r) = n)
               OR ($direction = 'IN' AND endNode(r) = n))
          AND ($counterpartIds IS NULL OR m.id IN $counterpartIds)
          AND ${COMMON_FILTER}
        WITH r, m ORDER BY r.id
        RETURN collect({r: r, m: m}) AS rows
      }
      WITH nodeId, rows, [x IN rows WHERE $after IS NULL OR x.r.id > $after] AS rest
      WITH nodeId, size(rows) AS totalCount, rest,
           CASE WHEN $first IS NULL THEN rest ELSE rest[0..$first] END AS pageRows
      ${neighbours}
      RETURN nodeId, totalCount, size(pageRows) < size(rest) AS hasNextPage,
             [r IN [x IN pageRows | x.r] | ${REL_PROJECTION}] AS items, neighbours`;
    const pages = await this.db.read(
      cypher,
      {
        ids: unique(nodeIds),
        ...filterParams(filter),
        direction: filter.direction ?? "BOTH",
        symmetric: SYMMETRIC,
        after: page.after || null,
        first: page.first === undefined ? null : cypherInt(page.first),
      },
      (rec) => ({
        id: rec.get("nodeId") as string,
        page: {
          items: (rec.get("items") as RelRow[]).map(fromRelRow),
          totalCount: rec.get("totalCount") as number,
          hasNextPage: rec.get("hasNextPage") as boolean,
          neighbours: (rec.get("neighbours") as Props[]).map(toNode),
        },
      }),
    );
    const byNode = new Map<string, RelationshipPage>(pages.map((p) => [p.id, p.page]));
    return nodeIds.map((id) => byNode.get(id) ?? empty);
  }

  async relationshipsByIds(ids: readonly string[]): Promise<(Relationship | null)[]> {
    if (ids.length === 0) return [];
    const cypher = `
      UNWIND $ids AS id
      CALL (id) {
        ${relationshipByIdUnion("id")}
      }
      RETURN properties(r) AS props, type(r) AS kind, fromId, toId`;
    const found = await this.db.read(cypher, { ids: unique(ids) }, (rec) =>
      fromRelRow({ props: rec.get("props"), kind: rec.get("kind"), fromId: rec.get("fromId"), toId: rec.get("toId") }),
    );
    return inOrder(ids, found);
  }

  async listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<Page<Relationship>> {
    const kinds = selectedKinds(filter);
    if (kinds.length === 0) return { items: [], totalCount: 0, hasNextPage: false };
    const first = page.first === undefined ? null : Math.max(0, Math.trunc(page.first));
    const match = `
        MATCH (a)-[r:${typePattern(kinds)}]->(b)
        WHERE ($counterpartIds IS NULL OR a.id IN $counterpartIds OR b.id IN $counterpartIds)
          AND ${COMMON_FILTER}`;
    const cypher = `
      CALL () {
        ${match}
        RETURN count(r) AS totalCount
      }
      CALL () {
        ${match}
          AND ($after IS NULL OR r.id > $after)
        WITH r ORDER BY r.id ${first === null ? "" : "LIMIT $limit"}
        RETURN collect(${REL_PROJECTION}) AS items
      }
      RETURN totalCount, items`;
    const [result] = await this.db.read(
      cypher,
      { ...filterParams(filter), after: page.after || null, limit: first === null ? null : cypherInt(first + 1) },
      (rec) => ({ totalCount: rec.get("totalCount") as number, items: (rec.get("items") as RelRow[]).map(fromRelRow) }),
    );
    return trimPage(result!.items, result!.totalCount, first);
  }

  async evidenceByIds(ids: readonly string[]): Promise<(Evidence | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.db.read(
      "UNWIND $ids AS id MATCH (e:Evidence {id: id}) RETURN properties(e) AS props",
      { ids: unique(ids) },
      (rec) => toEvidence(rec.get("props") as Props),
    );
    return inOrder(ids, found);
  }

  async sourcesByIds(ids: readonly string[]): Promise<(Source | null)[]> {
    if (ids.length === 0) return [];
    const found = await this.db.read(
      "UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN properties(s) AS props",
      { ids: unique(ids) },
      (rec) => toSource(rec.get("props") as Props),
    );
    return inOrder(ids, found);
  }

  async metricsOf(subjectIds: readonly string[], kinds?: readonly string[]): Promise<Metric[][]> {
    if (subjectIds.length === 0) return [];
    const cypher = `
      UNWIND $ids AS subjectId
      CALL (subjectId) {
        MATCH (m:Metric {subjectId: subjectId})
        WHERE $kinds IS NULL OR m.kind IN $kinds
        WITH m ORDER BY m.id
        RETURN collect(properties(m)) AS metrics
      }
      RETURN subjectId, metrics`;
    const rows = await this.db.read(
      cypher,
      { ids: unique(subjectIds), kinds: kinds && kinds.length > 0 ? [...kinds] : null },
      (rec) => [rec.get("subjectId") as string, (rec.get("metrics") as Props[]).map(toMetric)] as const,
    );
    const bySubject = new Map(rows);
    return subjectIds.map((id) => bySubject.get(id) ?? []);
  }

  async findMoneyPaths(q: MoneyPathQuery): Promise<MoneyPathSearch> {
    const quantifier = PATH_QUANTIFIERS.get(boundedInt("maxDepth", q.maxDepth, PATH_DEPTH))!;
    const limit = Math.max(0, Math.trunc(q.limit));
    const money = typePattern([...MONEY_WITH_ARROW, ...MONEY_AGAINST_ARROW]);
    // One quantified path pattern walks every trail in money direction; the node-uniqueness check
    // keeps the simple ones. Prefixes that stop short of `b` are counted (and their ends checked
    // for hubs) because a level-by-level walk would hold them too: past `limit` of them, or at a
    // hub, the caller walks itself so that caps apply exactly as they would there.
    const cypher = `
      MATCH (a:Entity {id: $fromId})
      MATCH (b:Entity {id: $toId})
      CALL (a, b) {
        CALL (a, b) {
          MATCH p = (a) ((x)-[r:${money}]-(y)
              WHERE x <> b AND y <> a
                AND ((type(r) IN $forward AND startNode(r) = x) OR (type(r) IN $backward AND endNode(r) = x))
                AND ${IN_FORCE}
            )${quantifier} (z)
          WITH p, z, nodes(p) AS ns
          WHERE (z = b OR length(p) < $maxDepth)
            AND all(i IN range(1, size(ns) - 1) WHERE NOT ns[i] IN ns[0..i])
          RETURN p, z
          LIMIT $take
        }
        RETURN count(p) AS walks,
               collect(CASE WHEN z = b THEN [r IN relationships(p) | r.id] END) AS found,
               collect(DISTINCT CASE WHEN z <> b THEN z END) AS ends
      }
      RETURN walks, found,
             any(n IN [a] + ends WHERE COUNT { (n)-[:${typePattern(MONEY_WITH_ARROW)}]->() } > $fanoutCap
                                  OR COUNT { (n)<-[:${typePattern(MONEY_AGAINST_ARROW)}]-() } > $fanoutCap) AS hub`;
    const [row] = await this.db.read(
      cypher,
      {
        fromId: q.fromId,
        toId: q.toId,
        maxDepth: cypherInt(q.maxDepth),
        asOf: q.asOf || null,
        forward: [...MONEY_WITH_ARROW],
        backward: [...MONEY_AGAINST_ARROW],
        take: cypherInt(limit + 1),
        fanoutCap: cypherInt(q.fanoutCap),
      },
      (rec) => ({
        walks: rec.get("walks") as number,
        found: rec.get("found") as string[][],
        hub: rec.get("hub") as boolean,
      }),
    );
    // An unknown end has no paths.
    if (!row) return { complete: true, paths: [] };
    if (row.walks > limit) return { complete: false, reason: "LIMIT" };
    if (row.hub) return { complete: false, reason: "FANOUT" };
    return { complete: true, paths: row.found };
  }

  async counts(): Promise<StoreCounts> {
    // Each single-label or single-type count is answered from Neo4j's count store.
    const relCounts = RELATIONSHIP_KINDS.map((k) => `MATCH ()-[r:${k}]->() RETURN count(r) AS c`).join(" UNION ALL ");
    const cypher = `
      CALL () { MATCH (n:Company) RETURN count(n) AS companies }
      CALL () { MATCH (n:Product) RETURN count(n) AS products }
      CALL () { MATCH (n:Person) RETURN count(n) AS people }
      CALL () { MATCH (n:Source) RETURN count(n) AS sources }
      CALL () { MATCH (n:Evidence) RETURN count(n) AS evidence }
      CALL () { MATCH (n:Metric) RETURN count(n) AS metrics }
      CALL () { CALL () { ${relCounts} } RETURN sum(c) AS relationships }
      RETURN companies, products, people, sources, evidence, relationships, metrics`;
    const [counts] = await this.db.read(cypher, {}, (rec) => ({
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

  async load(d: Dataset): Promise<LoadReport> {
    refuseSelfLoops(d.relationships);
    // One write transaction: if any statement fails, nothing of this load is committed. The driver
    // may run it again on a transient failure, which is harmless because every statement merges.
    await this.db.writeTx(async (run) => {
      await batched(
        run,
        "UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row",
        d.sources.map((s) => compact(sourceProps(s))),
      );
      await batched(
        run,
        "UNWIND $rows AS row MERGE (e:Evidence {id: row.id}) SET e = row",
        d.evidence.map((e) => compact(evidenceProps(e))),
      );
      for (const kind of NODE_KINDS) {
        const nodes = [...d.companies, ...d.products, ...d.people].filter((n) => n.nodeKind === kind);
        const others = NODE_KINDS.filter((k) => k !== kind).join(":");
        // A node that changed kind since the last load loses its old kind label.
        await batched(
          run,
          `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row REMOVE n:${others} SET n:${kind}`,
          nodes.map((n) => compact(nodeProps(n))),
        );
      }
      await this.loadRelationships(run, d.relationships);
      await batched(
        run,
        "UNWIND $rows AS row MERGE (m:Metric {id: row.id}) SET m = row",
        d.metrics.map((m) => compact(metricProps(m))),
      );
    });
    return {
      nodes: d.companies.length + d.products.length + d.people.length,
      relationships: d.relationships.length,
      evidence: d.evidence.length,
      metrics: d.metrics.length,
    };
  }

  async clear(): Promise<void> {
    // Batches keep each transaction small on a big graph; `CALL {} IN TRANSACTIONS` cannot run in a
    // managed transaction.
    for (;;) {
      const [deleted] = await this.db.write(
        "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted",
        { batch: cypherInt(CLEAR_BATCH_SIZE) },
        (rec) => rec.get("deleted") as number,
      );
      if (!deleted) return;
    }
  }

  async ping(): Promise<void> {
    await this.db.probe();
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async loadRelationships(run: RunQuery, rels: readonly Relationship[]): Promise<void> {
    // An id that now has another type or other ends is replaced, not duplicated (as in MemoryStore).
    await batched(
      run,
      `UNWIND $rows AS row
       CALL (row) {
         ${relationshipByIdUnion("row.id")}
       }
       WITH row, r, fromId, toId
       WHERE type(r) <> row.kind OR fromId <> row.from OR toId <> row.to
       DELETE r`,
      rels.map((r) => ({ id: r.id, kind: r.kind, from: r.from, to: r.to })),
    );
    for (const kind of RELATIONSHIP_KINDS) {
      const rows = rels
        .filter((r) => r.kind === kind)
        .map((r) => ({ from: r.from, to: r.to, props: compact(relationshipProps(r)) }));
      for (const chunk of chunks(rows, BATCH_SIZE)) {
        const records = await run(
          `UNWIND $rows AS row
           MATCH (a:Entity {id: row.from})
           MATCH (b:Entity {id: row.to})
           MERGE (a)-[r:${kind} {id: row.props.id}]->(b)
           SET r = row.props
           RETURN count(r) AS written`,
          { rows: chunk },
        );
        const written = records[0]?.get("written") as number;
        if (written !== chunk.length) {
          // Throwing rolls the whole load back.
          const ends = [...new Set(chunk.flatMap((r) => [r.from, r.to]))];
          const known = new Set(
            (await run("UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id", { ids: ends })).map(
              (rec) => rec.get("id") as string,
            ),
          );
          refuseLoad(
            chunk.flatMap((r) =>
              [r.from, r.to].filter((end) => !known.has(end)).map((end) => unknownEndProblem(String(r.props.id), end)),
            ),
          );
          throw new DomainError("INTERNAL", `wrote ${written} of ${chunk.length} ${kind} relationships`);
        }
      }
    }
  }

  private async listNodes(kind: NodeKind, where: string, params: Props, page: PageRequest): Promise<Page<GraphNode>> {
    const first = page.first === undefined ? null : Math.max(0, Math.trunc(page.first));
    // `kind` comes from NODE_KINDS (callers pass literals).
    const cypher = `
      CALL () {
        MATCH (n:${kind}) WHERE ${where}
        RETURN count(n) AS totalCount
      }
      CALL () {
        MATCH (n:${kind}) WHERE ${where} AND ($after IS NULL OR n.id > $after)
        WITH n ORDER BY n.id ${first === null ? "" : "LIMIT $limit"}
        RETURN collect(properties(n)) AS items
      }
      RETURN totalCount, items`;
    const [result] = await this.db.read(
      cypher,
      { ...params, after: page.after || null, limit: first === null ? null : cypherInt(first + 1) },
      (rec) => ({ totalCount: rec.get("totalCount") as number, items: (rec.get("items") as Props[]).map(toNode) }),
    );
    return trimPage(result!.items, result!.totalCount, first);
  }
}

interface RelRow {
  props: Props;
  kind: string;
  fromId: string;
  toId: string;
}

function fromRelRow(row: RelRow): Relationship {
  return toRelationship(row.props, row.kind, row.fromId, row.toId);
}

/** The kinds a filter asks for, spelled from the fixed list; an empty filter means all of them. */
function selectedKinds(filter: RelationshipFilter): RelationshipKind[] {
  if (!filter.kinds || filter.kinds.length === 0) return [...RELATIONSHIP_KINDS];
  return RELATIONSHIP_KINDS.filter((k) => filter.kinds!.includes(k));
}

/** Empty lists mean "no restriction", as in matchesFilter. */
function filterParams(filter: RelationshipFilter): Props {
  const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? [...xs] : null);
  return {
    counterpartIds: list(filter.counterpartIds),
    productIds: list(filter.productIds),
    statuses: list(filter.statuses),
    asOf: filter.asOf || null,
  };
}

/** `items` were fetched with one extra row when a page size was given. */
function trimPage<T>(items: T[], totalCount: number, first: number | null): Page<T> {
  if (first === null) return { items, totalCount, hasNextPage: false };
  return { items: items.slice(0, first), totalCount, hasNextPage: items.length > first };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function inOrder<T extends { id: string }>(ids: readonly string[], found: readonly T[]): (T | null)[] {
  const byId = new Map(found.map((x) => [x.id, x]));
  return ids.map((id) => byId.get(id) ?? null);
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function batched(run: RunQuery, cypher: string, rows: readonly Props[]): Promise<void> {
  for (const chunk of chunks(rows, BATCH_SIZE)) await run(cypher, { rows: chunk });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
