import { MultiDirectedGraph } from "graphology";
import type { Dataset } from "../../domain/dataset";
import type { RelationshipPart } from "../../domain/relationship-parts";
import type {
  Company,
  Derivation,
  Evidence,
  GraphNode,
  Metric,
  NodeKind,
  Product,
  Relationship,
  Source,
} from "../../domain/entities";
import { searchKeys } from "../../domain/text";
import type {
  ClaimFilter,
  CompanyFilter,
  GraphStore,
  LoadReport,
  ConnectedNode,
  NodeOfKind,
  Page,
  PageRequest,
  PlannedList,
  PlanResult,
  PlanRoot,
  RelationshipFilter,
  RelationshipRead,
  RelationshipReadOptions,
  RelationshipPagesOf,
  PagesOfEach,
  SearchHit,
  SourceFilter,
  StoreCounts,
  WithdrawnSelection,
} from "../graph-store";
import { isSelected } from "../relationship-filter";
import {
  answerForRecordedKey,
  batchRefused,
  type Change,
  numberedChanges,
  type PreparedBatch,
  raceProblems,
  type Receipt,
  receiptOf,
} from "../../domain/batch";
import { type Claim, derivedFromAt, listedClaims } from "../../domain/claims";
import { withDerivations } from "../../domain/dataset";
import { DomainError } from "../../domain/errors";
import { type Journal, type JournalEntry } from "./journal";
import {
  byRecordOrder,
  claimsByRelationship,
  identityOf,
  type RelationshipIdentity,
  relationshipFromClaims,
} from "../../domain/relationship-view";
import { atRecordTime, listRelationshipsAtRecordTime, relationshipsOfAtRecordTime } from "../record-time";
import { byId, matchesFilter, narrowsBeyondKindAndEnd, pageBoundsById, pageById } from "../relationship-filter";
import { Adjacency } from "./adjacency";
import { distinctById, endsOfPage } from "./page-ends";
import { keptMatching, type SortedViews, sortedViewsOf } from "./sorted-views";
import { type EdgeAttrs, mostConnectedIn, type NodeAttrs, searchIn, type StoreGraph } from "./node-ranking";
import { keptRowView, readPlanByLevels } from "../read-plan";
import { refuseLoad, refuseSelfLoops, unknownEndProblem } from "../load-checks";

/**
 * The embedded store: the whole graph in memory (graphology), for `npm start` with nothing else
 * installed and as the reference the Neo4j adapter is compared against.
 */
export class MemoryStore implements GraphStore {
  readonly name = "memory" as const;
  private graph: StoreGraph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: false });
  private evidence = new Map<string, Evidence>();
  private sources = new Map<string, Source>();
  private metrics = new Map<string, Metric>();
  private metricsBySubject = new Map<string, Metric[]>();
  private claims = new Map<string, Claim>();
  private claimsByRelationshipId = new Map<string, Claim[]>();
  private receipts = new Map<string, Receipt>();
  private changes: Change[] = [];
  /** Relationships whose every claim is withdrawn: kept for reads at earlier record times. */
  private withdrawn = new Map<string, RelationshipIdentity>();

  /** With a journal, every acknowledged batch is on disk first (see journal.ts). */
  constructor(private readonly journal: Journal | null = null) {}
  // Sorted views and the adjacency index, rebuilt lazily after a load.
  private sorted: SortedViews | null = null;
  private adjacencyIndex: Adjacency | null = null;

  async nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, "node") : null));
  }

  async nodesOfKindByIds<K extends NodeKind>(kind: K, ids: readonly string[]): Promise<(NodeOfKind<K> | null)[]> {
    const nodes = await this.nodesByIds(ids);
    return nodes.map((n) => (n && n.nodeKind === kind ? (n as NodeOfKind<K>) : null));
  }

  async listCompanies(filter: CompanyFilter, page: PageRequest): Promise<Page<Company>> {
    const { companies } = this.views();
    const filtered = filter.kind || filter.country || filter.ids;
    const all = !filtered
      ? companies
      : companies.filter(
          (c) =>
            (!filter.kind || c.kind === filter.kind) &&
            (!filter.country || c.country === filter.country) &&
            (!filter.ids || filter.ids.includes(c.id)),
        );
    return pageById(all, page.first, page.after);
  }

  async listProducts(page: PageRequest): Promise<Page<Product>> {
    return pageById(this.views().products, page.first, page.after);
  }

  async mostConnected(kinds: readonly NodeKind[], limit: number): Promise<ConnectedNode[]> {
    return mostConnectedIn(this.graph, kinds, limit);
  }

  async search(text: string, kinds: readonly NodeKind[], limit: number): Promise<SearchHit[]> {
    return searchIn(this.graph, text, kinds, limit);
  }

  async relationshipsOf<P extends RelationshipPart = RelationshipPart>(
    nodeIds: readonly string[],
    filter: RelationshipFilter,
    page: PageRequest,
    options: RelationshipReadOptions<P> = {},
  ): Promise<RelationshipPagesOf<P>> {
    if (atRecordTime(filter)) return relationshipsOfAtRecordTime(this, nodeIds, filter, page, options);
    const adjacency = this.adjacency();
    const narrowed = narrowsBeyondKindAndEnd(filter);
    const rowOf = keptRowView(options.parts);
    return nodeIds.map((id) => {
      if (!adjacency.node(id)) return { items: [], totalCount: 0, hasNextPage: false, neighbours: [] };
      const candidates = adjacency.of(id, filter.kinds, filter.direction);
      const rels = narrowed
        ? adjacency.narrowed(`${id}\n${JSON.stringify(filter)}`, candidates, (r) => matchesFilter(r, id, filter))
        : candidates;
      const { start, end } = pageBoundsById(rels, page.first, page.after);
      const items = rels.slice(start, end);
      const ends = options.withNeighbours ? endsOfPage(adjacency, id, filter, rels, start, end) : [];
      return {
        items: options.parts ? items.map(rowOf) : items,
        totalCount: rels.length,
        hasNextPage: end < rels.length,
        neighbours: distinctById(ends),
      };
    });
  }

  /** The reference: each read as relationshipsOf answers it. */
  async relationshipsOfEach<const Reads extends readonly RelationshipRead<RelationshipPart>[]>(
    reads: Reads,
  ): Promise<PagesOfEach<Reads>> {
    const pages = reads.map((read) => this.relationshipsOf(read.nodeIds, read.filter, read.page, read.options));
    // Each read's pages hold the parts it asked for: the order of the reads is the order of the answers.
    return (await Promise.all(pages)) as PagesOfEach<Reads>;
  }

  async relationshipsByIds(ids: readonly string[]): Promise<(Relationship | null)[]> {
    return ids.map((id) => (this.graph.hasEdge(id) ? this.graph.getEdgeAttribute(id, "rel") : null));
  }

  async listRelationships(filter: RelationshipFilter, page: PageRequest): Promise<Page<Relationship>> {
    if (atRecordTime(filter)) return listRelationshipsAtRecordTime(this, filter, page);
    return pageById(this.relationshipsMatching(filter), page.first, page.after);
  }

  async evidenceByIds(ids: readonly string[]): Promise<(Evidence | null)[]> {
    return ids.map((id) => this.evidence.get(id) ?? null);
  }

  async sourcesByIds(ids: readonly string[]): Promise<(Source | null)[]> {
    return ids.map((id) => this.sources.get(id) ?? null);
  }

  async listSources(filter: SourceFilter, page: PageRequest): Promise<Page<Source>> {
    const kinds = filter.kinds ?? [];
    const cited = filter.derivesFrom ?? [];
    const sources = [...this.sources.values()].filter(
      (s) =>
        (kinds.length === 0 || kinds.includes(s.kind)) &&
        (cited.length === 0 || derivedFromAt(s, null).some((id) => cited.includes(id))),
    );
    return pageById(sources.sort(byId), page.first, page.after);
  }

  async withdrawnRelationships(select: WithdrawnSelection): Promise<RelationshipIdentity[]> {
    return [...this.withdrawn.values()].filter((identity) => isSelected(identity, select)).sort(byId);
  }

  async claimsOf(relationshipIds: readonly string[]): Promise<Claim[][]> {
    return relationshipIds.map((id) => [...(this.claimsByRelationshipId.get(id) ?? [])]);
  }

  async listClaims(filter: ClaimFilter, page: PageRequest): Promise<Page<Claim>> {
    const groups = filter.relationshipIds?.length
      ? filter.relationshipIds.map((id) => this.claimsByRelationshipId.get(id) ?? [])
      : [...this.claimsByRelationshipId.values()];
    const knownAt = filter.knownAt ?? null;
    const listed = groups.flatMap((group) => listedClaims(group, knownAt, filter.includeWithdrawn ?? false));
    const sourceIds = filter.sourceIds ?? [];
    const kept = listed.filter((claim) => sourceIds.length === 0 || sourceIds.includes(claim.sourceId));
    return pageById(kept.sort(byId), page.first, page.after);
  }

  async claimsByIds(ids: readonly string[]): Promise<(Claim | null)[]> {
    return ids.map((id) => this.claims.get(id) ?? null);
  }

  async receiptFor(key: string): Promise<Receipt | null> {
    return this.receipts.get(key) ?? null;
  }

  async applyBatch(batch: PreparedBatch): Promise<Receipt> {
    const previous = this.receipts.get(batch.key);
    if (previous) return answerForRecordedKey(previous, batch.contentHash);
    const raced = raceProblems(
      batch,
      (id) => this.claims.has(id),
      (id) => Boolean(this.claims.get(id)?.retraction),
    );
    if (raced.length > 0) throw batchRefused(raced);
    this.journal?.append(batch, this.changes.length + 1);
    return this.applyPrepared(batch);
  }

  async listChanges(sinceSeq: number, page: PageRequest): Promise<Page<Change>> {
    return pageById(this.changes.slice(Math.max(0, sinceSeq)), page.first, page.after);
  }

  /**
   * Replays the journal over what the store holds (the seed): every batch it acknowledged before.
   * Answers how many, and the torn last line a crash may have left (skipped: never acknowledged).
   */
  replayJournal(): { batches: number; tornTail: string | null } {
    if (!this.journal) return { batches: 0, tornTail: null };
    const { batches, tornTail } = this.journal.recover();
    for (const batch of batches) {
      this.refuseRenumbering(batch);
      if (!this.receipts.has(batch.key)) this.applyPrepared(batch);
    }
    return { batches: batches.length, tornTail };
  }

  /**
   * An acknowledged seq never changes: a journal line whose batch would get other seqs than it was
   * given (a second writer appended to the file, or it was edited) stops the start, loudly, rather
   * than renumber the feed that clients synced from.
   */
  private refuseRenumbering(batch: JournalEntry): void {
    const next = this.changes.length + 1;
    if (batch.firstSeq === undefined || batch.firstSeq === next) return;
    throw new DomainError(
      "INTERNAL",
      `the journal ${this.journal!.path} is out of order at line ${batch.line}: batch '${batch.key}' was acknowledged with seq ${batch.firstSeq}, but the lines before it end at seq ${next - 1}; ` +
        "another writer appended to it or it was edited. Nothing was served, so no seq was renumbered: restore the journal from a backup, or move the lines after the last good one to a file of their own and import it",
    );
  }

  private applyPrepared(batch: PreparedBatch): Receipt {
    const { identities, claims, ...records } = batch.records;
    this.putRecords({ ...records, relationships: [], withdrawn: [] });
    this.loadClaims([...claims, ...batch.retracted]);
    const declared = new Map(identities.map((identity) => [identity.id, identity]));
    for (const id of batch.affected) this.remake(id, declared.get(id));
    const firstSeq = this.changes.length + 1;
    this.changes.push(...numberedChanges(batch, firstSeq));
    const receipt = receiptOf(batch, firstSeq);
    this.receipts.set(batch.key, receipt);
    return receipt;
  }

  /**
   * A dataset's relationships are views of its own claims; where the store holds more claims about
   * one (recorded through the write path), the view is made again from all of them.
   */
  private remakeWithStoredClaims(d: Dataset): void {
    const inDataset = claimsByRelationship(d.claims);
    for (const r of d.relationships) {
      const stored = this.claimsByRelationshipId.get(r.id)?.length ?? 0;
      if (stored !== (inDataset.get(r.id)?.length ?? 0)) this.remake(r.id, identityOf(r));
    }
  }

  /** Remakes a relationship from all its claims; one whose claims are all withdrawn is kept as withdrawn. */
  private remake(id: string, declared: RelationshipIdentity | undefined): void {
    const stored = this.graph.hasEdge(id) ? this.graph.getEdgeAttribute(id, "rel") : null;
    const identity = declared ?? (stored && identityOf(stored)) ?? this.withdrawn.get(id);
    if (!identity) return;
    const view = relationshipFromClaims(identity, this.claimsByRelationshipId.get(id) ?? [], this.sources, null);
    if (stored) this.graph.dropEdge(id);
    if (view) {
      this.graph.addDirectedEdgeWithKey(id, view.from, view.to, { rel: view });
      this.withdrawn.delete(id);
    } else this.withdrawn.set(id, identity);
    this.sorted = null;
    this.adjacencyIndex = null;
  }

  async metricsOf(subjectIds: readonly string[], kinds?: readonly string[]): Promise<Metric[][]> {
    return subjectIds.map((id) =>
      (this.metricsBySubject.get(id) ?? [])
        .filter((m) => !kinds || kinds.length === 0 || kinds.includes(m.kind))
        .sort(byId),
    );
  }

  async readPlan(root: PlanRoot, lists: readonly PlannedList[]): Promise<PlanResult> {
    return readPlanByLevels(this, root, lists);
  }

  async counts(): Promise<StoreCounts> {
    let companies = 0;
    let products = 0;
    let people = 0;
    this.graph.forEachNode((_id, { node }) => {
      if (node.nodeKind === "Company") companies++;
      else if (node.nodeKind === "Product") products++;
      else people++;
    });
    return {
      companies,
      products,
      people,
      sources: this.sources.size,
      evidence: this.evidence.size,
      relationships: this.graph.size,
      claims: this.claims.size,
      metrics: this.metrics.size,
    };
  }

  async load(d: Dataset): Promise<LoadReport> {
    this.assertLoadable(d);
    this.putRecords(d);
    this.loadClaims(d.claims);
    this.remakeWithStoredClaims(d);
    return {
      nodes: d.companies.length + d.products.length + d.people.length,
      relationships: d.relationships.length,
      evidence: d.evidence.length,
      claims: d.claims.length,
      metrics: d.metrics.length,
    };
  }

  /** Claims by id; a claim loaded again replaces itself in its relationship's list, which stays in record order. */
  private loadClaims(claims: readonly Claim[]): void {
    for (const claim of claims) {
      const previous = this.claims.get(claim.id);
      if (previous) {
        const group = this.claimsByRelationshipId.get(previous.relationshipId) ?? [];
        this.claimsByRelationshipId.set(
          previous.relationshipId,
          group.filter((c) => c.id !== claim.id),
        );
      }
      this.claims.set(claim.id, claim);
      const group = this.claimsByRelationshipId.get(claim.relationshipId) ?? [];
      this.claimsByRelationshipId.set(claim.relationshipId, [...group, claim].sort(byRecordOrder));
    }
  }

  /**
   * Sources, evidence, nodes, relationship views and metrics, each replacing a record with its id;
   * derivations join the source they are about (a source recorded again keeps those it had).
   */
  private putRecords(d: Omit<Dataset, "claims">): void {
    const joined = (s: Source, more: readonly Derivation[]) => withDerivations([s], more)[0]!;
    for (const s of d.sources)
      this.sources.set(s.id, joined({ ...s, derivations: this.sources.get(s.id)?.derivations ?? [] }, s.derivations));
    for (const derivation of d.derivations) {
      const source = this.sources.get(derivation.sourceId);
      if (source) this.sources.set(source.id, joined(source, [derivation]));
    }
    for (const identity of d.withdrawn) {
      if (this.graph.hasEdge(identity.id)) this.graph.dropEdge(identity.id);
      this.withdrawn.set(identity.id, identity);
    }
    for (const e of d.evidence) this.evidence.set(e.id, e);
    for (const node of [...d.companies, ...d.products, ...d.people]) {
      this.graph.mergeNode(node.id, { node, keys: searchKeys(node.name, node.aliases) });
    }
    for (const rel of d.relationships) {
      // An id that now connects other nodes is replaced, not duplicated.
      if (this.graph.hasEdge(rel.id)) this.graph.dropEdge(rel.id);
      this.withdrawn.delete(rel.id);
      this.graph.addDirectedEdgeWithKey(rel.id, rel.from, rel.to, { rel });
    }
    for (const m of d.metrics) {
      const previous = this.metrics.get(m.id);
      if (previous)
        this.metricsBySubject.set(
          previous.subjectId,
          (this.metricsBySubject.get(previous.subjectId) ?? []).filter((x) => x.id !== m.id),
        );
      this.metrics.set(m.id, m);
      this.metricsBySubject.set(m.subjectId, [...(this.metricsBySubject.get(m.subjectId) ?? []), m]);
    }
    this.sorted = null;
    this.adjacencyIndex = null;
  }

  /**
   * Checks before writing anything, so a refused load writes nothing (Neo4j checks the same before
   * its first batch): endpoints must exist in the dataset or already in the store.
   */
  private assertLoadable(d: Dataset): void {
    const incoming = new Set([...d.companies, ...d.products, ...d.people].map((n) => n.id));
    refuseSelfLoops(d.relationships);
    refuseLoad(
      d.relationships.flatMap((r) =>
        [r.from, r.to]
          .filter((end) => !incoming.has(end) && !this.graph.hasNode(end))
          .map((end) => unknownEndProblem(r.id, end)),
      ),
    );
  }

  async clear(): Promise<void> {
    this.graph.clear();
    this.evidence.clear();
    this.sources.clear();
    this.metrics.clear();
    this.metricsBySubject.clear();
    this.claims.clear();
    this.claimsByRelationshipId.clear();
    this.receipts.clear();
    this.withdrawn.clear();
    this.changes = [];
    this.sorted = null;
    this.adjacencyIndex = null;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.journal?.lock?.release();
  }

  /** Names the url this process serves at in the data folder's writer lock, for a refused writer to read. */
  servingAt(url: string): void {
    this.journal?.lock?.servingAt(url);
  }

  private adjacency(): Adjacency {
    this.adjacencyIndex ??= new Adjacency(
      this.views().relationships,
      new Map(this.graph.mapNodes((id, attributes) => [id, attributes.node])),
    );
    return this.adjacencyIndex;
  }

  /** The relationships a filter keeps, ordered by id (see sorted-views.ts). */
  private relationshipsMatching(filter: RelationshipFilter): Relationship[] {
    return keptMatching(this.views(), filter);
  }

  private views(): SortedViews {
    this.sorted ??= sortedViewsOf(this.graph);
    return this.sorted;
  }
}
