import { type Change, type Receipt, stampedRecords } from "../domain/batch";
import type { DatasetFile } from "../domain/dataset";
import { BadInputError } from "../domain/errors";
import { requireRole } from "../domain/roles";
import { recordBatch } from "../store/record-batch";
import { pageRequest } from "./arguments";
import type { Context } from "./context";
import type { ChangesArgs, RecordBatchInput } from "./types/batch.type";
import { toConnection } from "./types/connection.type";

/**
 * The mutations' paths: who may write, the record time and author stamped on what is written,
 * and the one write path of store/record-batch.ts.
 */

const MAX_KEY_LENGTH = 200;

export function recordClaims(ctx: Context, input: RecordBatchInput): Promise<Receipt> {
  const principal = requireRole(ctx.principal, ["editor", "admin"], "recording claims");
  if (input.retractions.length > 0) requireRole(ctx.principal, ["admin"], "retracting claims");
  return write(ctx, input, principal.name);
}

export function retractClaim(ctx: Context, input: RecordBatchInput): Promise<Receipt> {
  const principal = requireRole(ctx.principal, ["admin"], "retracting claims");
  return write(ctx, input, principal.name);
}

async function write(ctx: Context, input: RecordBatchInput, by: string): Promise<Receipt> {
  const key = input.key.trim();
  if (key === "" || key.length > MAX_KEY_LENGTH)
    throw new BadInputError(`key must be 1 to ${MAX_KEY_LENGTH} characters`, { argument: "key" });
  const at = new Date().toISOString();
  const files = [recordsFile(input, at, by)];
  const retractions = input.retractions.map((r) => ({ claimId: r.claim, reason: r.reason }));
  const receipt = await recordBatch(ctx.store, { key, by, at, files, retractions }, ctx.heldTexts);
  const { claimIds, retractedIds, firstSeq, lastSeq } = receipt;
  ctx.log.info(
    { key, by, firstSeq, lastSeq, claims: claimIds.length, retracted: retractedIds.length },
    "batch recorded",
  );
  return receipt;
}

/**
 * The batch's records as the file the write path reads, named after the field they came in: the
 * typed `records` and the JSON `recordsJson` go through the same checks from here on, stamped with
 * who records them and when, whatever was sent.
 */
function recordsFile(input: RecordBatchInput, at: string, by: string): DatasetFile {
  if (input.records && input.recordsJson)
    throw new BadInputError("send records or recordsJson, not both", { argument: "recordsJson" });
  const [name, records] = input.recordsJson
    ? ["input.recordsJson", input.recordsJson]
    : ["input.records", input.records ?? {}];
  return { name, content: stampedRecords(records, at, by, "overwrite") };
}

/** A seq a client saw: 0 (none yet) or a seq of the feed. */
export function checkSince(since: number): number {
  if (!Number.isInteger(since) || since < 0)
    throw new BadInputError("since must be 0 or a seq from the feed", { argument: "since" });
  return since;
}

export async function changesPage(ctx: Context, args: ChangesArgs) {
  return toConnection(await ctx.store.listChanges(checkSince(args.since), pageRequest(ctx, args)));
}

/** Subscription.changes: the feed after `since`, then every change as it is written (see store/change-feed.ts). */
export function changeStream(ctx: Context, since: number): AsyncIterableIterator<Change> {
  const from = checkSince(since);
  if (!ctx.feed) throw new BadInputError("subscriptions are served over WebSocket, on the server's GraphQL path");
  return ctx.feed.changesAfter(from);
}
