import { SignJWT } from "jose";
import { hashKey } from "../../src/server/auth";
import { filing } from "./batches";
import { type Answer, postGraphQL } from "./post-graphql";

/**
 * Concurrent writers over HTTP, the same on both stores: bursts of one key mixed with distinct
 * keys, then a retraction, a JWT editor's batch and a further write, each of which must succeed and
 * leave the change feed gap-free.
 */

export const BURST_EDITOR_KEY = "burst-editor-key-0123456789";
const BURST_ADMIN_KEY = "burst-admin-key-0123456789";
const JWT_SECRET = "a-shared-secret-of-at-least-32-characters-burst";
const JWT_ISSUER = "https://id.example";
const JWT_AUDIENCE = "company-graph";

/** The server settings the burst's credentials need. */
export const BURST_ENV = {
  API_KEYS: `ana:editor:${hashKey(BURST_EDITOR_KEY)},root:admin:${hashKey(BURST_ADMIN_KEY)}`,
  JWT_SECRET,
  JWT_ISSUER,
  JWT_AUDIENCE,
};

const RECORD = `mutation ($input: RecordBatchInput!) {
  recordBatch(input: $input) { key firstSeq lastSeq claimIds by }
}`;
const RETRACT = `mutation ($claim: ID!, $key: String!) {
  retractClaim(claim: $claim, reason: "misread", key: $key) { retractedIds firstSeq lastSeq }
}`;
const FEED = `query ($after: String) { changes(since: 0, first: 100, after: $after) {
  nodes { seq kind claimId batchKey } pageInfo { hasNextPage endCursor } } }`;

export interface Receipted {
  readonly key: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
}

/** A recordBatch mutation's variables: a key and the records, in the typed input's shape. */
export interface BatchVariables {
  readonly input: { readonly key: string; readonly records: object };
}

export async function recordOver(url: string, batch: BatchVariables, credential: string): Promise<Answer> {
  return (await postGraphQL(url, RECORD, batch, { authorization: `Bearer ${credential}` })).body;
}

function editorToken(subject = "maria@example.org"): Promise<string> {
  return new SignJWT({ role: "editor" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(subject)
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(JWT_SECRET));
}

/** Every change of the feed, page by page, in seq order. */
export async function feedOf(url: string): Promise<{ seq: number; kind: string; claimId: string; batchKey: string }[]> {
  const all = [];
  let after: string | null = null;
  for (;;) {
    const page: Answer = (await postGraphQL(url, FEED, { after })).body;
    if (page.errors) throw new Error(`the feed failed: ${JSON.stringify(page.errors)}`);
    all.push(...page.data.changes.nodes);
    if (!page.data.changes.pageInfo.hasNextPage) return all;
    after = page.data.changes.pageInfo.endCursor;
  }
}

/** The receipt an answer carries, or a thrown error naming what went wrong. */
function receiptOf(answer: Answer, field = "recordBatch"): Receipted {
  if (answer.errors) throw new Error(`a write failed: ${JSON.stringify(answer.errors)}`);
  return answer.data[field] as Receipted;
}

/**
 * The burst: `sameKey` sends of one new batch mixed with `distinct` batches of their own keys, all
 * at once, then a retraction of one of their claims, a JWT editor's batch and one more write. Returns
 * every receipt acknowledged; throws on any failed write.
 */
export async function writeBurst(url: string, tag: string, sameKey = 20, distinct = 30): Promise<Receipted[]> {
  const shared = filing(`${tag}-same`, `${tag}-same-claim`);
  const sends = [
    ...Array.from({ length: sameKey }, () => shared),
    ...Array.from({ length: distinct }, (_, i) => filing(`${tag}-distinct-${i}`, `${tag}-distinct-claim-${i}`)),
  ];
  // Interleave the two kinds so that retries and new batches meet in every order.
  const shuffled = sends
    .map((batch, i) => ({ batch, order: (i * 7919) % sends.length }))
    .sort((a, b) => a.order - b.order);
  const answers = await Promise.all(shuffled.map(({ batch }) => recordOver(url, batch, BURST_EDITOR_KEY)));
  const receipts = answers.map((answer) => receiptOf(answer));
  const retracted = receiptOf(
    (
      await postGraphQL(
        url,
        RETRACT,
        { claim: `${tag}-distinct-claim-0`, key: `${tag}-retract` },
        { authorization: `Bearer ${BURST_ADMIN_KEY}` },
      )
    ).body,
    "retractClaim",
  );
  const byJwt = receiptOf(await recordOver(url, filing(`${tag}-jwt`, `${tag}-jwt-claim`), await editorToken()));
  const further = receiptOf(await recordOver(url, filing(`${tag}-further`, `${tag}-further-claim`), BURST_EDITOR_KEY));
  return [...receipts, { ...retracted, key: `${tag}-retract` }, byJwt, further];
}
