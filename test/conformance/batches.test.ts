import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { type BatchRequest, contentHashOf } from "../../src/domain/batch";
import type { DomainError } from "../../src/domain/errors";
import type { GraphStore } from "../../src/store/graph-store";
import { NO_HELD_TEXTS, prepareBatch, recordBatch } from "../../src/store/record-batch";
import { monthly } from "../helpers/datasets";
import { loadedStoreFactories } from "../helpers/stores";

const TIKTOK = "tiktok-buys-azure-openai-from-microsoft";

/** A filing that puts TikTok's spend far higher, and a new customer with its own claim. */
function filingBatch(key: string): BatchRequest {
  const claim = (id: string, relationship: string, amount: unknown) => ({
    ...{ id, relationship, source: "annual-filing", amount, disclosure: "DISCLOSED", evidence: ["ev-annual-filing"] },
    ...{ recordedAt: "2025-02-01", recordedBy: "editor-1" },
  });
  return {
    key,
    by: "editor-1",
    at: "2025-02-01T10:00:00Z",
    retractions: [],
    files: [
      {
        name: "filing",
        content: {
          sources: [
            {
              id: "annual-filing",
              kind: "FILING",
              title: "An annual filing",
              publishedOn: "2025-01-31",
              language: "en",
            },
          ],
          evidence: [
            {
              ...{
                id: "ev-annual-filing",
                source: "annual-filing",
                kind: "STATEMENT",
                quote: "Spend stated in the filing.",
              },
              ...{
                gloss: "Spend stated in the filing.",
                locator: "p. 40",
                refersTo: { label: "2024" },
                disclosure: "DISCLOSED",
              },
            },
          ],
          companies: [{ id: "acme-retail", name: "Acme Retail", evidence: ["ev-annual-filing"] }],
          relationships: [
            {
              id: "acme-retail-buys-azure-openai",
              kind: "BUYS_FROM",
              from: "acme-retail",
              to: "microsoft",
              product: "azure-openai",
            },
          ],
          claims: [
            claim("filing-tiktok", TIKTOK, monthly(50e6, 50e6, 50e6, "EXACT")),
            claim("filing-acme", "acme-retail-buys-azure-openai", monthly(null, 2e6, 3e6, "RANGE")),
          ],
        },
      },
    ],
  };
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (err) {
    return err as DomainError;
  }
  throw new Error("the batch was accepted");
}

describe.each(loadedStoreFactories())("recording batches on %s", (_name, load) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await load(loadSeed());
  });
  afterAll(() => store?.close());

  const relationship = async (id: string) => (await store.relationshipsByIds([id]))[0];

  it("writes a batch whole and remakes the relationships its claims are about", async () => {
    const before = await store.counts();
    const receipt = await recordBatch(store, filingBatch("filing-1"), NO_HELD_TEXTS);
    expect(receipt).toMatchObject({
      key: "filing-1",
      firstSeq: 1,
      lastSeq: 2,
      claimIds: ["filing-tiktok", "filing-acme"],
    });
    expect(await store.counts()).toMatchObject({
      companies: before.companies + 1,
      sources: before.sources + 1,
      relationships: before.relationships + 1,
      claims: before.claims + 2,
    });
    expect((await relationship(TIKTOK))!.agreement).toMatchObject({
      claims: 2,
      independentOrigins: 2,
      conflicting: true,
    });
    expect((await relationship("acme-retail-buys-azure-openai"))!.amount).toMatchObject({ low: 2e6, high: 3e6 });
    const [customers] = await store.relationshipsOf(["microsoft"], { kinds: ["BUYS_FROM"], direction: "IN" }, {});
    expect(customers!.items.map((r) => r.from)).toContain("acme-retail");
  });

  it("records a batch sent again once, and answers the first receipt", async () => {
    const before = await store.counts();
    const again = await recordBatch(store, filingBatch("filing-1"), NO_HELD_TEXTS);
    expect(again).toMatchObject({ key: "filing-1", firstSeq: 1, lastSeq: 2 });
    expect(await store.counts()).toEqual(before);
  });

  it("binds a key to its content, also when the store alone checks it (a send that raced the first)", async () => {
    const before = await store.counts();
    const other = filingBatch("filing-1");
    (other.files[0]!.content as { claims: { confidence?: number }[] }).claims[0]!.confidence = 0.5;
    const err = await refusal(recordBatch(store, other, NO_HELD_TEXTS));
    expect(err.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(err.message).toContain("key 'filing-1' was first used on 2025-02-01T10:00:00Z (seqs 1..2)");
    // The store's own check, as when the key was recorded between recordBatch's look and the write:
    // a batch prepared under a new key (nothing in it is recorded yet) is then sent under this one.
    const source = { id: "another-filing", kind: "FILING", title: "Another filing", publishedOn: null, language: "en" };
    const prepared = await prepareBatch(
      store,
      {
        key: "filing-1",
        by: "editor-1",
        at: "2025-06-01",
        retractions: [],
        files: [{ name: "s", content: { sources: [source] } }],
      },
      NO_HELD_TEXTS,
    );
    const sameContent = { ...prepared, contentHash: contentHashOf(filingBatch("filing-1")) };
    expect(await store.applyBatch(sameContent)).toMatchObject({ key: "filing-1", firstSeq: 1, lastSeq: 2 });
    expect((await refusal(store.applyBatch(prepared))).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await store.sourcesByIds(["another-filing"]))[0]).toBeNull();
    expect(await store.counts()).toEqual(before);
    expect((await store.listChanges(0, {})).totalCount).toBe(2);
  });

  it("refuses a batch that does not hold together, naming the record and field, and writes nothing", async () => {
    const before = await store.counts();
    const broken = filingBatch("broken");
    const records = broken.files[0]!.content as { relationships: { from: string }[] };
    records.relationships[0]!.from = "no-such-company";
    const err = await refusal(recordBatch(store, broken, NO_HELD_TEXTS));
    expect(err.code).toBe("BAD_USER_INPUT");
    expect(err.message).toContain(
      "filing: relationships[0] 'acme-retail-buys-azure-openai': unknown company id 'no-such-company' in 'from'",
    );
    // Claims are immutable: an id already recorded is refused.
    expect(err.message).toContain("claims 'filing-tiktok': already recorded");
    expect(await store.counts()).toEqual(before);
    expect(await store.receiptFor("broken")).toBeNull();
  });

  it("supersedes and retracts, and lists every change in commit order", async () => {
    const correction = {
      ...{ id: "filing-tiktok-fixed", relationship: TIKTOK, source: "annual-filing", supersedes: "filing-tiktok" },
      ...{ amount: monthly(19e6, 19e6, 19e6, "EXACT"), disclosure: "DISCLOSED", evidence: ["ev-annual-filing"] },
      ...{ recordedAt: "2025-03-01", recordedBy: "editor-1" },
    };
    const fixed = await recordBatch(
      store,
      {
        key: "fix-1",
        by: "editor-1",
        at: "2025-03-01T09:00:00Z",
        retractions: [],
        files: [{ name: "fix", content: { claims: [correction] } }],
      },
      NO_HELD_TEXTS,
    );
    expect(fixed).toMatchObject({ firstSeq: 3, lastSeq: 4 });
    expect((await relationship(TIKTOK))!.amount).toMatchObject({ low: 19e6, high: 19e6 });

    const retracted = await recordBatch(
      store,
      {
        key: "retract-1",
        by: "admin-1",
        at: "2025-04-01T09:00:00Z",
        retractions: [{ claimId: "filing-acme", reason: "another company's spend" }],
        files: [],
      },
      NO_HELD_TEXTS,
    );
    expect(retracted).toMatchObject({ firstSeq: 5, lastSeq: 5, retractedIds: ["filing-acme"] });
    // Its only claim withdrawn, Acme's purchase is no longer served now...
    expect(await relationship("acme-retail-buys-azure-openai")).toBeNull();
    // ...and the claim stays, with who withdrew it and why.
    expect((await store.claimsByIds(["filing-acme"]))[0]!.retraction).toEqual({
      at: "2025-04-01T09:00:00Z",
      by: "admin-1",
      reason: "another company's spend",
    });
    // Record time: the retraction is seen from its day on; before, the claim was counted.
    const acme = (knownAt: string) =>
      store.listClaims({ relationshipIds: ["acme-retail-buys-azure-openai"], knownAt }, {});
    expect((await acme("2025-03-31")).items.map((c) => c.id)).toEqual(["filing-acme"]);
    expect((await acme("2025-04-01")).items).toEqual([]);
    const [beforeFix] = await store.relationshipsOf(["tiktok"], { kinds: ["BUYS_FROM"], knownAt: "2025-02-15" }, {});
    // Before the fix, the filing's 50M (confidence 1) outweighed the article's 18M-20M (0.8), which dissented.
    const tiktokBeforeFix = beforeFix!.items.find((r) => r.id === TIKTOK)!;
    expect(tiktokBeforeFix.amount).toMatchObject({ low: 50e6, high: 50e6 });
    expect(tiktokBeforeFix.agreement.dissent).toEqual(["claim-tiktok-buys-azure-openai-from-microsoft"]);
    const changes = await store.listChanges(0, {});
    expect(changes.items.map((c) => [c.seq, c.kind, c.claimId])).toEqual([
      [1, "RECORDED", "filing-tiktok"],
      [2, "RECORDED", "filing-acme"],
      [3, "RECORDED", "filing-tiktok-fixed"],
      [4, "SUPERSEDED", "filing-tiktok"],
      [5, "RETRACTED", "filing-acme"],
    ]);
    expect((await store.listChanges(3, { first: 1 })).items.map((c) => c.seq)).toEqual([4]);
  });

  it("refuses to retract what is not there or already withdrawn", async () => {
    const retract = (claimId: string, reason = "wrong") =>
      recordBatch(
        store,
        {
          key: `r-${claimId}`,
          by: "a",
          at: "2025-05-01",
          retractions: [{ claimId, reason }],
          files: [],
        },
        NO_HELD_TEXTS,
      );
    expect((await refusal(retract("no-such-claim"))).message).toContain("retractions 'no-such-claim': no such claim");
    expect((await refusal(retract("filing-acme"))).message).toContain("already retracted on 2025-04-01T09:00:00Z");
    expect((await refusal(retract(`claim-${TIKTOK}`, " "))).message).toContain("a retraction needs a reason");
  });

  it("keeps the claims recorded through the write path when the dataset is loaded again", async () => {
    const before = await relationship(TIKTOK);
    await store.load(loadSeed());
    expect(await relationship(TIKTOK)).toEqual(before);
    expect(before!.agreement.claims).toBe(2);
  });

  it("records one of two batches sent at once with the same new claim, and refuses the other", async () => {
    const racing = (key: string) => {
      const batch = filingBatch(key);
      const records = batch.files[0]!.content as { claims: { id: string }[]; relationships: unknown[] };
      records.claims = records.claims.slice(0, 1).map((claim) => ({ ...claim, id: "racing-claim" }));
      records.relationships = [];
      return recordBatch(store, batch, NO_HELD_TEXTS);
    };
    const outcomes = await Promise.allSettled([racing("race-a"), racing("race-b")]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as DomainError).message).toContain("claims 'racing-claim': already recorded");
    expect(
      (await store.listClaims({ relationshipIds: [TIKTOK], includeWithdrawn: true }, {})).items.map((c) => c.id),
    ).toContain("racing-claim");
  });
});
