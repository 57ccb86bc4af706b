import type { BatchRequest, PreparedBatch, Receipt, RetractionRequest } from "../domain/batch";
import {
  alreadyRecorded,
  answerForRecordedKey,
  batchRefused,
  changesOf,
  contentHashOf,
  emptyBatchProblems,
} from "../domain/batch";
import type { Claim } from "../domain/claims";
import { checkRecords, type ParsedRecords, readRecords, type StoredRecords } from "../domain/dataset";
import type { GraphNode } from "../domain/entities";
import { identityOf } from "../domain/relationship-view";
import { DomainError, SeedInvalidError } from "../domain/errors";
import type { GraphStore } from "./graph-store";

/**
 * The write path, once for both stores: a batch is read with the dataset rules, its references
 * are resolved among its own records and those the store holds, claims stay immutable, and only
 * then does the store write it, all or nothing (GraphStore.applyBatch). A key already recorded
 * with the same content answers the first receipt and writes nothing; with other content it is
 * refused (the store checks both again under its write lock, for a key that a concurrent send
 * records first).
 */
export async function recordBatch(store: GraphStore, request: BatchRequest, texts: HeldTexts): Promise<Receipt> {
  const contentHash = contentHashOf(request);
  const recorded = async () => {
    const first = await store.receiptFor(request.key);
    return first && answerForRecordedKey(first, contentHash);
  };
  const previous = await recorded();
  if (previous) return previous;
  try {
    return await store.applyBatch(await prepareBatch(store, request, texts));
  } catch (err) {
    // A concurrent send of this key, recorded after the look above, makes this one's claims read as
    // already recorded: the key answers before that refusal, as it would have a moment later.
    if (err instanceof DomainError && err.code === "BAD_USER_INPUT") {
      const raced = await recorded();
      if (raced) return raced;
    }
    throw err;
  }
}

/** The texts of the documents the server holds, by file name; null when it holds none by that name. */
export interface HeldTexts {
  textOf(document: string): string | null;
}

/** A server that holds no document: every quote that needs checking is refused. */
export const NO_HELD_TEXTS: HeldTexts = { textOf: () => null };

export async function prepareBatch(store: GraphStore, request: BatchRequest, texts: HeldTexts): Promise<PreparedBatch> {
  const read = readRecords(request.files);
  if (read.problems.length === 0) {
    const empty = emptyBatchProblems(read.records, request.retractions);
    if (empty.length > 0) throw batchRefused(empty);
  }
  const stored = await storedReferences(store, read.records, request);
  const problems = [
    ...referenceProblems(read, stored),
    ...quoteProblems(read.records, stored, texts),
    ...alreadyRecorded(read.records.claims, storedClaim(stored)),
    ...retractionProblems(request, stored),
  ];
  if (problems.length > 0) throw batchRefused(problems);
  const retracted = request.retractions.map((r) =>
    retract(
      stored.claims.find((c) => c.id === r.claimId)!,
      r,
      request,
    ),
  );
  const claims = read.records.claims;
  const relearnt = await claimsCitingCopiesOf(
    store,
    read.records.derivations.map((d) => d.sourceId),
  );
  return {
    key: request.key,
    contentHash: contentHashOf(request),
    by: request.by,
    at: request.at,
    records: read.records,
    retracted,
    affected: [...new Set([...claims, ...retracted, ...relearnt].map((claim) => claim.relationshipId))].sort(),
    changes: changesOf(request.key, request.by, request.at, claims, retracted, relearnt),
  };
}

/**
 * The stored claims from one of these sources or from a source that repeats one of them, however
 * indirectly: a lineage learnt about the sources changes their origins, and their relationships'.
 */
async function claimsCitingCopiesOf(store: GraphStore, sourceIds: readonly string[]): Promise<readonly Claim[]> {
  const lineage = new Set(sourceIds);
  let frontier = [...lineage];
  while (frontier.length > 0) {
    const copies = (await store.listSources({ derivesFrom: frontier }, {})).items.map((source) => source.id);
    frontier = copies.filter((id) => !lineage.has(id));
    frontier.forEach((id) => lineage.add(id));
  }
  if (lineage.size === 0) return [];
  return (await store.listClaims({ sourceIds: [...lineage], includeWithdrawn: true }, {})).items;
}

/** What the dataset rules find wrong with the records, among their own and the stored ones. */
function referenceProblems(read: ReturnType<typeof readRecords>, stored: StoredRecords): string[] {
  try {
    checkRecords(read, stored);
    return [];
  } catch (err) {
    if (err instanceof SeedInvalidError) return err.problems;
    throw err;
  }
}

function retract(claim: Claim, request: RetractionRequest, batch: BatchRequest): Claim {
  return { ...claim, retraction: { at: batch.at, by: batch.by, reason: request.reason } };
}

/** A quote from a source whose text is held must be verbatim in that text. */
function quoteProblems(records: ParsedRecords, stored: StoredRecords, texts: HeldTexts): string[] {
  const sources = new Map([...stored.sources, ...records.sources].map((source) => [source.id, source]));
  // Each held document is read once per batch, however many quotes it backs.
  const read = new Map<string, string | null>();
  const textOf = (document: string) => {
    if (!read.has(document)) read.set(document, texts.textOf(document));
    return read.get(document)!;
  };
  return records.evidence.flatMap((evidence) => {
    const document = sources.get(evidence.sourceId)?.document;
    if (evidence.kind !== "QUOTE" || !document) return [];
    const text = textOf(document);
    if (text === null)
      return [`evidence '${evidence.id}': the text of '${document}' is not held here, so the quote cannot be checked`];
    return text.includes(evidence.quote)
      ? []
      : [`evidence '${evidence.id}': the quote is not verbatim in '${document}'`];
  });
}

/** Whether a claim id is among the stored claims the batch's references were read with. */
function storedClaim(stored: StoredRecords): (claimId: string) => boolean {
  const ids = new Set(stored.claims.map((claim) => claim.id));
  return (claimId) => ids.has(claimId);
}

function retractionProblems(request: BatchRequest, stored: StoredRecords): string[] {
  return request.retractions.flatMap(({ claimId, reason }) => {
    const claim = stored.claims.find((c) => c.id === claimId);
    if (!claim) return [`retractions '${claimId}': no such claim`];
    if (claim.retraction) return [`retractions '${claimId}': already retracted on ${claim.retraction.at}`];
    if (reason.trim() === "") return [`retractions '${claimId}': a retraction needs a reason`];
    return [];
  });
}

/** The stored records the batch refers to and does not hold itself. */
async function storedReferences(
  store: GraphStore,
  records: ParsedRecords,
  request: BatchRequest,
): Promise<StoredRecords> {
  const { nodes, sources, evidence, relationships, claims } = referencedIds(records, request);
  const [foundNodes, foundSources, foundEvidence, foundRelationships, withdrawn, foundClaims] = await Promise.all([
    store.nodesByIds(nodes),
    store.sourcesByIds(sources),
    store.evidenceByIds(evidence),
    store.relationshipsByIds(relationships),
    // A claim may bring a withdrawn relationship back.
    relationships.length > 0 ? store.withdrawnRelationships({ ids: relationships }) : [],
    store.claimsByIds(claims),
  ]);
  const present = <T>(list: readonly (T | null)[]) => list.filter((x): x is T => x !== null);
  return {
    nodes: present(foundNodes),
    sources: present(foundSources),
    evidence: present(foundEvidence),
    relationships: [...present(foundRelationships).map(identityOf), ...withdrawn],
    claims: present(foundClaims),
  };
}

/** The ids of stored records the batch refers to and does not hold itself, per kind of record. */
function referencedIds(records: ParsedRecords, request: BatchRequest) {
  const own = <T extends { id: string }>(list: readonly T[]) => new Set(list.map((record) => record.id));
  const missing = (ids: Iterable<string | null>, held: Set<string>) => [
    ...new Set([...ids].filter((id): id is string => id !== null && !held.has(id))),
  ];
  const nodeIds = own<GraphNode>([...records.companies, ...records.products, ...records.people]);
  const nodes = missing(
    [
      ...records.identities.flatMap((r) => [r.from, r.to, r.productId]),
      ...records.metrics.flatMap((m) => [m.subjectId, m.productId, m.counterpartyId]),
    ],
    nodeIds,
  );
  const sources = missing(
    [
      ...records.evidence.map((e) => e.sourceId),
      ...records.claims.map((c) => c.sourceId),
      ...records.sources.flatMap((s) => s.derivedFrom),
      ...records.derivations.flatMap((d) => [d.sourceId, d.derivedFrom]),
    ],
    own(records.sources),
  );
  const evidence = missing(
    [
      ...records.claims,
      ...records.metrics,
      ...records.companies,
      ...records.products,
      ...records.people,
      ...records.derivations,
    ].flatMap((r) => r.evidenceIds),
    own(records.evidence),
  );
  const relationships = missing(
    records.claims.map((c) => c.relationshipId),
    own(records.identities),
  );
  const claims = [
    ...records.claims.flatMap((c) => [c.id, c.supersedes]),
    ...request.retractions.map((r) => r.claimId),
  ].filter((id): id is string => id !== null);
  return { nodes, sources, evidence, relationships, claims: [...new Set(claims)] };
}
