import type { Change, PreparedBatch, Receipt } from "../../domain/batch";
import { answerForRecordedKey, batchRefused, numberedChanges, raceProblems, receiptOf } from "../../domain/batch";
import { NODE_KINDS, type Relationship, RELATIONSHIP_KINDS } from "../../domain/entities";
import {
  identityOf,
  type RelationshipIdentity,
  relationshipFromClaims,
  sourceLineage,
  VIEW_RULES_VERSION,
} from "../../domain/relationship-view";
import { DEFAULT_LOAD_BATCH_SIZE, runQuery, writeRelationships } from "./batched-load";
import type { Neo4jExecutor, RunQuery } from "./executor";
import { relationshipFromColumns, toClaim, toIdentity, toSource } from "./mapping";
import { forgetWithdrawnQuery, withdrawnRelationshipsQuery, writeWithdrawnQuery } from "./queries/withdrawn-queries";
import {
  advanceChangesQuery,
  deleteRelationshipsQuery,
  lockChangesQuery,
  receiptQuery,
  writeChangesQuery,
  writeReceiptQuery,
  staleViewsQuery,
} from "./queries/batch-queries";
import { claimsByIdsQuery, claimsOfQuery } from "./queries/claim-queries";
import {
  writeClaimsQuery,
  writeDerivationsQuery,
  writeEvidenceQuery,
  writeMetricsQuery,
  writeNodesOfKindQuery,
  writeSourcesQuery,
} from "./queries/load-queries";
import { sourcesByIdsQuery } from "./queries/node-queries";
import { relationshipsByIdsQuery } from "./queries/relationship-queries";

type Props = Record<string, unknown>;

/**
 * One batch in one transaction, a unit the driver re-runs whole on a transient failure: the change
 * counter locked first (so batches apply one after the other), the key checked under the lock, the
 * records written, the affected relationships remade from all their claims as this transaction
 * sees them, then the changes, the counter and the receipt, committed together or not at all. A
 * key already recorded writes nothing (and answers its receipt, or refuses other content).
 */
export async function writeBatch(run: RunQuery, batch: PreparedBatch): Promise<Receipt> {
  const [lock] = await runQuery(run, lockChangesQuery());
  const last = lock!.get("last") as number;
  const [previous] = await runQuery(run, receiptQuery(batch.key));
  if (previous) {
    await runQuery(run, advanceChangesQuery(last));
    return answerForRecordedKey(toReceipt(previous.get("props") as Props), batch.contentHash);
  }
  await refuseRaces(run, batch);
  await writeRecords(run, batch);
  await remakeRelationships(run, batch.affected, batch.records.identities);
  const firstSeq = last + 1;
  const changes: Change[] = numberedChanges(batch, firstSeq);
  if (changes.length > 0) await runQuery(run, writeChangesQuery(changes));
  await runQuery(run, advanceChangesQuery(last + changes.length));
  const receipt = receiptOf(batch, firstSeq);
  await runQuery(run, writeReceiptQuery(receipt));
  return receipt;
}

/** Claims a batch committed since this one was checked, read under the lock (see raceProblems). */
async function refuseRaces(run: RunQuery, batch: PreparedBatch): Promise<void> {
  const ids = [...batch.records.claims, ...batch.retracted].map((claim) => claim.id);
  const stored = new Map(
    (await runQuery(run, claimsByIdsQuery(ids))).map((rec) => {
      const claim = toClaim(rec.get("props") as Props);
      return [claim.id, claim];
    }),
  );
  const raced = raceProblems(
    batch,
    (id) => stored.has(id),
    (id) => Boolean(stored.get(id)?.retraction),
  );
  if (raced.length > 0) throw batchRefused(raced);
}

export function toReceipt(p: Props): Receipt {
  return {
    key: String(p.key),
    at: String(p.at),
    by: String(p.by),
    firstSeq: Number(p.firstSeq),
    lastSeq: Number(p.lastSeq),
    claimIds: (p.claimIds as string[] | undefined) ?? [],
    retractedIds: (p.retractedIds as string[] | undefined) ?? [],
    contentHash: typeof p.contentHash === "string" ? p.contentHash : null,
    bookmark: null,
  };
}

async function writeRecords(run: RunQuery, batch: PreparedBatch): Promise<void> {
  const { records } = batch;
  const nodes = [...records.companies, ...records.products, ...records.people];
  const writes = [
    records.sources.length > 0 ? writeSourcesQuery("MERGE", records.sources) : null,
    records.evidence.length > 0 ? writeEvidenceQuery("MERGE", records.evidence) : null,
    ...NODE_KINDS.map((kind) => {
      const ofKind = nodes.filter((node) => node.nodeKind === kind);
      return ofKind.length > 0 ? writeNodesOfKindQuery(kind, "MERGE", ofKind) : null;
    }),
    records.metrics.length > 0 ? writeMetricsQuery("MERGE", records.metrics) : null,
    records.derivations.length > 0 ? writeDerivationsQuery("MERGE", records.derivations) : null,
    writeClaimsQuery("MERGE", [...records.claims, ...batch.retracted]),
  ];
  for (const query of writes) if (query) await runQuery(run, query);
}

/**
 * Each relationship from every claim about it, as this transaction sees them; written by kind, or
 * kept as withdrawn when no claim is counted. `declared`: identities of relationships not stored yet.
 */
export async function remakeRelationships(
  run: RunQuery,
  ids: readonly string[],
  declared: readonly RelationshipIdentity[],
): Promise<void> {
  const identities = await identitiesOf(run, declared, ids);
  const claims = new Map(
    (await runQuery(run, claimsOfQuery(ids))).map((rec) => [
      rec.get("relationshipId") as string,
      (rec.get("claims") as Props[]).map(toClaim),
    ]),
  );
  const sources = await sourceLineage([...claims.values()].flat(), async (ids) =>
    (await runQuery(run, sourcesByIdsQuery(ids))).map((rec) => toSource(rec.get("props") as Props)),
  );
  const views: Relationship[] = [];
  const gone: RelationshipIdentity[] = [];
  for (const identity of ids.flatMap((id) => identities.get(id) ?? [])) {
    const view = relationshipFromClaims(identity, claims.get(identity.id) ?? [], sources, null);
    if (view) views.push(view);
    else gone.push(identity);
  }
  if (gone.length > 0) {
    await runQuery(run, deleteRelationshipsQuery(gone.map((identity) => identity.id)));
    await runQuery(run, writeWithdrawnQuery(gone));
  }
  if (views.length > 0) await runQuery(run, forgetWithdrawnQuery(views.map((view) => view.id)));
  for (const kind of RELATIONSHIP_KINDS) {
    const ofKind = views.filter((view) => view.kind === kind);
    if (ofKind.length > 0) await writeRelationships(run, kind, ofKind, RELATIONSHIP_KINDS);
  }
}

/** The identities of `ids`: declared by the batch, else stored as edges, else stored as withdrawn. */
async function identitiesOf(
  run: RunQuery,
  declared: readonly RelationshipIdentity[],
  ids: readonly string[],
): Promise<Map<string, RelationshipIdentity>> {
  const stored = (await runQuery(run, relationshipsByIdsQuery(ids))).map((rec) =>
    identityOf(relationshipFromColumns(rec.get("relationship") as unknown[])),
  );
  const withdrawn = (await runQuery(run, withdrawnRelationshipsQuery({ ids }))).map((rec) =>
    toIdentity(rec.get("props") as Props),
  );
  return new Map([...withdrawn, ...stored, ...declared].map((identity) => [identity.id, identity]));
}

/**
 * Views made by older rules (VIEW_RULES_VERSION) made again from their claims, a batch per
 * transaction: a database loaded before a rule changed serves what the rules say now. Answers how many.
 */
export async function remakeStaleViews(db: Neo4jExecutor, batchSize = DEFAULT_LOAD_BATCH_SIZE): Promise<number> {
  let remade = 0;
  for (;;) {
    const query = staleViewsQuery(VIEW_RULES_VERSION, batchSize);
    const ids = await db.read(query.cypher, query.params, (rec) => rec.get("id") as string);
    if (ids.length === 0) return remade;
    await db.writeTx((run) => remakeRelationships(run, ids, []));
    remade += ids.length;
  }
}
