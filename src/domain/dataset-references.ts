import { type GraphNode, type NodeKind, RELATIONSHIP_ENDPOINTS, SYMMETRIC_KINDS } from "./entities";
import type { ParsedRecords, StoredRecords } from "./dataset";
import type { RelationshipIdentity } from "./relationship-view";

/**
 * The reference rules of a dataset or a batch: ids unique within their collection, every
 * reference to a record of the right kind among the records read or those already stored,
 * evidence of the right kind for its source, claims that hold together.
 */

/** Checks that every id is unique and every reference points at a record of the right kind. */
class References {
  private readonly nodes = new Map<string, GraphNode>();
  private evidenceIds = new Set<string>();

  constructor(
    private readonly where: Map<string, string>,
    private readonly problems: string[],
  ) {}

  at(collection: string, id: string): string {
    return this.where.get(`${collection}:${id}`) ?? `${collection} '${id}'`;
  }

  report(collection: string, id: string, problem: string): void {
    this.problems.push(`${this.at(collection, id)}: ${problem}`);
  }

  registerNodes(collection: string, list: readonly GraphNode[]): void {
    for (const node of list) {
      const previous = this.nodes.get(node.id);
      if (previous) this.report(collection, node.id, `id is already used by a ${previous.nodeKind}`);
      else this.nodes.set(node.id, node);
    }
  }

  /** The ids of `list`, each duplicate reported. */
  unique(collection: string, list: readonly { id: string }[]): Set<string> {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) this.report(collection, item.id, "duplicate id");
      seen.add(item.id);
    }
    return seen;
  }

  /** Stored nodes are known to be unique; a record read with the same id replaces one. */
  registerStoredNodes(list: readonly GraphNode[]): void {
    for (const node of list) if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  registerEvidence(ids: Set<string>): void {
    this.evidenceIds = ids;
  }

  needEvidence(collection: string, id: string, ids: readonly string[]): void {
    for (const e of ids) if (!this.evidenceIds.has(e)) this.report(collection, id, `unknown evidence id '${e}'`);
  }

  needNode(collection: string, id: string, field: string, ref: string | null, kind?: NodeKind): void {
    if (ref === null) return;
    const node = this.nodes.get(ref);
    if (!node) this.report(collection, id, `unknown ${(kind ?? "node").toLowerCase()} id '${ref}' in '${field}'`);
    else if (kind && node.nodeKind !== kind)
      this.report(collection, id, `'${field}' must be a ${kind}, '${ref}' is a ${node.nodeKind}`);
  }
}

export function checkReferences(
  d: ParsedRecords,
  stored: StoredRecords,
  where: Map<string, string>,
  problems: string[],
): void {
  const refs = new References(where, problems);
  refs.registerNodes("companies", d.companies);
  refs.registerNodes("products", d.products);
  refs.registerNodes("people", d.people);
  refs.registerStoredNodes(stored.nodes);
  const sourceIds = union(refs.unique("sources", d.sources), stored.sources);
  refs.registerEvidence(union(refs.unique("evidence", d.evidence), stored.evidence));
  const relationshipIds = refs.unique("relationships", d.identities);
  refs.unique("claims", d.claims);
  refs.unique("metrics", d.metrics);
  refs.unique("derivations", d.derivations);

  checkEvidenceKinds(d, stored, refs);
  for (const s of d.sources) {
    for (const cited of s.derivedFrom) {
      if (cited === s.id) refs.report("sources", s.id, "a source cannot be derived from itself");
      else if (!sourceIds.has(cited)) refs.report("sources", s.id, `unknown source id '${cited}' in 'derivedFrom'`);
    }
  }
  for (const [collection, list] of [
    ["companies", d.companies],
    ["products", d.products],
    ["people", d.people],
  ] as const) {
    for (const node of list) refs.needEvidence(collection, node.id, node.evidenceIds);
  }
  for (const derivation of d.derivations) {
    for (const [field, id] of [
      ["source", derivation.sourceId],
      ["derivedFrom", derivation.derivedFrom],
    ] as const)
      if (!sourceIds.has(id)) refs.report("derivations", derivation.id, `unknown source id '${id}' in '${field}'`);
    refs.needEvidence("derivations", derivation.id, derivation.evidenceIds);
  }
  checkRelationshipReferences(d.identities, refs);
  checkClaimReferences(d, stored, relationshipIds, refs);
  for (const m of d.metrics) {
    refs.needNode("metrics", m.id, "subject", m.subjectId);
    refs.needNode("metrics", m.id, "product", m.productId, "Product");
    refs.needNode("metrics", m.id, "counterparty", m.counterpartyId);
    refs.needEvidence("metrics", m.id, m.evidenceIds);
  }
}

/**
 * Evidence comes from a known source: a QUOTE from one whose text is held (so it can be checked),
 * a STATEMENT in the recorder's words with a locator saying where the source says it.
 */
function checkEvidenceKinds(d: ParsedRecords, stored: StoredRecords, refs: References): void {
  const sources = new Map([...stored.sources, ...d.sources].map((s) => [s.id, s]));
  for (const e of d.evidence) {
    const source = sources.get(e.sourceId);
    if (!source) refs.report("evidence", e.id, `unknown source id '${e.sourceId}'`);
    else if (e.kind === "QUOTE" && source.document === null)
      refs.report(
        "evidence",
        e.id,
        `a QUOTE needs a source whose text is held; '${e.sourceId}' has none: record a STATEMENT with a locator`,
      );
    if (e.kind === "STATEMENT" && e.locator === null)
      refs.report("evidence", e.id, "a STATEMENT needs a locator (url, page or section)");
  }
}

/**
 * A claim is about a relationship of the dataset, from a source of it, citing evidence from that
 * same source; it supersedes a claim about the same relationship; every relationship has a claim.
 */
function checkClaimReferences(
  d: ParsedRecords,
  stored: StoredRecords,
  relationshipIds: ReadonlySet<string>,
  refs: References,
): void {
  const evidenceSource = new Map([...stored.evidence, ...d.evidence].map((e) => [e.id, e.sourceId]));
  const claimRelationship = new Map([...stored.claims, ...d.claims].map((c) => [c.id, c.relationshipId]));
  const sourceIds = new Set([...stored.sources, ...d.sources].map((s) => s.id));
  const knownRelationships = union(new Set(relationshipIds), stored.relationships);
  for (const c of d.claims) {
    if (!knownRelationships.has(c.relationshipId))
      refs.report("claims", c.id, `unknown relationship id '${c.relationshipId}'`);
    if (!sourceIds.has(c.sourceId)) refs.report("claims", c.id, `unknown source id '${c.sourceId}'`);
    refs.needEvidence("claims", c.id, c.evidenceIds);
    for (const e of c.evidenceIds.filter((id) => evidenceSource.has(id) && evidenceSource.get(id) !== c.sourceId))
      refs.report("claims", c.id, `evidence '${e}' comes from '${evidenceSource.get(e)}', not from the claim's source`);
    if (c.supersedes !== null && claimRelationship.get(c.supersedes) !== c.relationshipId)
      refs.report("claims", c.id, `supersedes '${c.supersedes}', which is not a claim about the same relationship`);
  }
  const claimed = new Set(d.claims.map((c) => c.relationshipId));
  for (const id of relationshipIds) if (!claimed.has(id)) refs.report("relationships", id, "no claim states it");
}

/** `ids` with the ids of `stored` added. */
function union(ids: Set<string>, stored: readonly { id: string }[]): Set<string> {
  for (const record of stored) ids.add(record.id);
  return ids;
}

function checkRelationshipReferences(relationships: readonly RelationshipIdentity[], refs: References): void {
  const symmetric = new Set<string>();
  for (const r of relationships) {
    const [fromKind, toKind] = RELATIONSHIP_ENDPOINTS[r.kind];
    refs.needNode("relationships", r.id, "from", r.from, fromKind);
    refs.needNode("relationships", r.id, "to", r.to, toKind);
    refs.needNode("relationships", r.id, "product", r.productId, "Product");
    if (r.kind === "BUYS_FROM" && r.productId === null) refs.report("relationships", r.id, "BUYS_FROM needs a product");
    if (!SYMMETRIC_KINDS.has(r.kind)) continue;
    // Stored once, read from either end: the same pair twice would be counted twice.
    const key = [r.kind, [r.from, r.to].sort().join("|"), r.market ?? "", r.productId ?? ""].join("/");
    if (symmetric.has(key))
      refs.report(
        "relationships",
        r.id,
        `${r.kind} between '${r.from}' and '${r.to}' is stored twice (it has no direction)`,
      );
    symmetric.add(key);
  }
}
