import { createHash } from "node:crypto";
import type { Claim } from "./claims";
import { type DatasetFile, type ParsedRecords, STAMPED_COLLECTIONS } from "./dataset";
import { BadInputError, IdempotencyKeyReusedError } from "./errors";

/**
 * The write path's vocabulary (README, "Recording facts"): a batch of records written all or nothing,
 * once however often it is sent, and the change feed its claims leave behind.
 */

export const CHANGE_KINDS = ["RECORDED", "SUPERSEDED", "RETRACTED", "LINEAGE"] as const;
/**
 * RECORDED: a claim is new; SUPERSEDED: a newer claim corrects it; RETRACTED: it was withdrawn;
 * LINEAGE: a stored claim's source was learnt to repeat another (a derivation), so its origins,
 * and the relationship's corroboration, may have changed.
 */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One entry of the change feed, in commit order: `seq` grows by one per change, across batches. */
export interface Change {
  /** `seq` zero-padded, so that ids sort in commit order. */
  readonly id: string;
  readonly seq: number;
  readonly kind: ChangeKind;
  readonly claimId: string;
  readonly relationshipId: string;
  readonly batchKey: string;
  readonly at: string;
  readonly by: string;
  /** For a retraction: why. */
  readonly reason: string | null;
}

function changeId(seq: number): string {
  return String(seq).padStart(12, "0");
}

/** A claim to withdraw, and why. */
export interface RetractionRequest {
  readonly claimId: string;
  readonly reason: string;
}

/** What a client asks to record. */
export interface BatchRequest {
  /** Client-chosen: the same key sent again (a retry) records nothing more and gets the first receipt. */
  readonly key: string;
  /** Records in the dataset file format (`{ sources: [...], claims: [...] }`), named for messages. */
  readonly files: readonly DatasetFile[];
  readonly retractions: readonly RetractionRequest[];
  /** Who asks, and when: stamped on retractions and the change feed. */
  readonly by: string;
  readonly at: string;
}

/** A batch checked against the store, ready to be written in one step. */
export interface PreparedBatch {
  readonly key: string;
  /** The hash of what was asked (see contentHashOf): a key answers again only for the same content. */
  readonly contentHash: string;
  readonly by: string;
  readonly at: string;
  readonly records: ParsedRecords;
  /** Stored claims, now with their retraction. */
  readonly retracted: readonly Claim[];
  /** The relationships whose views the batch changes. */
  readonly affected: readonly string[];
  /** The changes it makes, in order, before the store numbers them. */
  readonly changes: readonly Omit<Change, "id" | "seq">[];
}

/** What a written batch answers, the first time and on every retry. */
export interface Receipt {
  readonly key: string;
  readonly at: string;
  readonly by: string;
  /** The seq of the batch's first and last change (equal when it made one; 0 and 0 when none). */
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly claimIds: readonly string[];
  readonly retractedIds: readonly string[];
  /** contentHashOf the batch's request; null for a batch recorded before keys were bound to content. */
  readonly contentHash: string | null;
  /**
   * Neo4j's bookmark of the write: a request that sends it back reads after it, whichever
   * server replica answers (null on the embedded store, and on a retry's receipt).
   */
  readonly bookmark: string | null;
}

/** Claims are immutable: a new claim's id must be new (checked before a write, and again in it). */
export function alreadyRecorded(claims: readonly Claim[], recorded: (claimId: string) => boolean): string[] {
  return claims
    .filter((claim) => recorded(claim.id))
    .map(
      (claim) => `claims '${claim.id}': already recorded; claims are immutable: record a new one that supersedes it`,
    );
}

/**
 * Claims a concurrent batch recorded (or retracted) between this one's check and its write: the
 * store refuses the batch then, as the check would have.
 */
export function raceProblems(
  batch: PreparedBatch,
  recorded: (claimId: string) => boolean,
  retracted: (claimId: string) => boolean,
): string[] {
  return [
    ...alreadyRecorded(batch.records.claims, recorded),
    ...batch.retracted
      .filter((claim) => retracted(claim.id))
      .map((claim) => `retractions '${claim.id}': already retracted`),
  ];
}

/**
 * The changes a batch makes: each new claim recorded (and what it supersedes), each retraction,
 * and each stored claim whose lineage the batch's derivations changed (`relearnt`). Every write that
 * can change an answer is in the feed, so every replica tailing it learns of it.
 */
export function changesOf(
  key: string,
  by: string,
  at: string,
  claims: readonly Claim[],
  retracted: readonly Claim[],
  relearnt: readonly Pick<Claim, "id" | "relationshipId">[] = [],
): Omit<Change, "id" | "seq">[] {
  const base = { batchKey: key, by, at };
  return [
    ...claims.flatMap((claim) => [
      { ...base, kind: "RECORDED" as const, claimId: claim.id, relationshipId: claim.relationshipId, reason: null },
      ...(claim.supersedes
        ? [
            {
              ...base,
              kind: "SUPERSEDED" as const,
              claimId: claim.supersedes,
              relationshipId: claim.relationshipId,
              reason: null,
            },
          ]
        : []),
    ]),
    ...retracted.map((claim) => ({
      ...base,
      kind: "RETRACTED" as const,
      claimId: claim.id,
      relationshipId: claim.relationshipId,
      reason: claim.retraction?.reason ?? null,
    })),
    ...relearnt.map((claim) => ({
      ...base,
      kind: "LINEAGE" as const,
      claimId: claim.id,
      relationshipId: claim.relationshipId,
      reason: null,
    })),
  ];
}

/** The receipt of a prepared batch once its changes are numbered from `firstSeq`. */
export function receiptOf(batch: PreparedBatch, firstSeq: number): Receipt {
  const count = batch.changes.length;
  return {
    key: batch.key,
    at: batch.at,
    by: batch.by,
    firstSeq: count === 0 ? 0 : firstSeq,
    lastSeq: count === 0 ? 0 : firstSeq + count - 1,
    claimIds: batch.records.claims.map((claim) => claim.id),
    retractedIds: batch.retracted.map((claim) => claim.id),
    // Journal lines written before keys were bound to content hold no hash.
    contentHash: batch.contentHash ?? null,
    bookmark: null,
  };
}

/** The batch's changes numbered from `firstSeq`. */
export function numberedChanges(batch: PreparedBatch, firstSeq: number): Change[] {
  return batch.changes.map((change, index) => ({ ...change, seq: firstSeq + index, id: changeId(firstSeq + index) }));
}

/** A batch refused: every problem, nothing recorded. */
export function batchRefused(problems: readonly string[]): BadInputError {
  return new BadInputError(`the batch is invalid, nothing was recorded:\n  - ${problems.join("\n  - ")}`, {
    problems: problems.join("\n"),
  });
}

/**
 * What a batch asks, as one hash: its records and retractions in canonical JSON (object keys
 * sorted), without the record time and author stamped on its claims, which differ between a send
 * and its retry. A key is bound to this hash when first recorded.
 */
export function contentHashOf(request: Pick<BatchRequest, "files" | "retractions">): string {
  const content = {
    records: request.files.map((file) => unstamped(file.content)),
    retractions: request.retractions.map(({ claimId, reason }) => ({ claimId, reason })),
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function unstamped(content: unknown): unknown {
  return withStamped(content, ({ recordedAt: _at, recordedBy: _by, ...record }) => record);
}

/** The fields the write path sets on every record of a stamped collection (claims, derivations). */
export const STAMPED_FIELDS = ["recordedAt", "recordedBy"] as const;

/**
 * The one stamp of record time and author on a batch's claims and derivations: `overwrite` (the
 * API: the server says who and when, whatever was sent) or only where a record leaves them out (an
 * import, whose files may carry the times of an earlier recording).
 */
export function stampedRecords(content: unknown, at: string, by: string, mode: "overwrite" | "fill"): unknown {
  return withStamped(content, (record) =>
    mode === "overwrite"
      ? { ...record, recordedAt: at, recordedBy: by }
      : { ...record, recordedAt: record.recordedAt ?? at, recordedBy: record.recordedBy ?? by },
  );
}

/** The content with each object of its stamped collections changed by `change`; anything else as it is. */
function withStamped(content: unknown, change: (record: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (typeof content !== "object" || content === null || Array.isArray(content)) return content;
  const out: Record<string, unknown> = { ...content };
  for (const collection of STAMPED_COLLECTIONS) {
    const records = out[collection];
    if (!Array.isArray(records)) continue;
    out[collection] = records.map((record: unknown) =>
      typeof record === "object" && record !== null && !Array.isArray(record)
        ? change(record as Record<string, unknown>)
        : record,
    );
  }
  return out;
}

/**
 * A key sent again: the same content answers the first receipt; other content is refused, and
 * nothing is written. Receipts from before keys were bound to content answer as they did.
 */
export function answerForRecordedKey(first: Receipt, contentHash: string): Receipt {
  if (first.contentHash === null || first.contentHash === contentHash) return first;
  throw new IdempotencyKeyReusedError(first.key, first);
}

/** A batch must record something: a record or a retraction. */
export function emptyBatchProblems(records: ParsedRecords, retractions: readonly RetractionRequest[]): string[] {
  const recordCount = Object.values(records).reduce((sum, list: readonly unknown[]) => sum + list.length, 0);
  return recordCount === 0 && retractions.length === 0
    ? ["the batch is empty: it needs at least one record (sources, evidence, claims, ...) or one retraction"]
    : [];
}
