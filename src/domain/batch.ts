import type { Claim } from "./claims";
import type { DatasetFile, ParsedRecords } from "./dataset";
import { BadInputError } from "./errors";

/**
 * The write path's vocabulary (DESIGN.md section 9): a batch of records written all or nothing,
 * once however often it is sent, and the change feed its claims leave behind.
 */

export const CHANGE_KINDS = ["RECORDED", "SUPERSEDED", "RETRACTED"] as const;
/** RECORDED: a claim is new; SUPERSEDED: a newer claim corrects it; RETRACTED: it was withdrawn. */
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

/** The changes a batch makes: each new claim recorded (and what it supersedes), each retraction. */
export function changesOf(
  key: string,
  by: string,
  at: string,
  claims: readonly Claim[],
  retracted: readonly Claim[],
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
