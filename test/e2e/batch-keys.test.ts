import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { filing } from "../helpers/batches";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";
import { loadedStoreFactories } from "../helpers/stores";
import { BURST_EDITOR_KEY, BURST_ENV, feedOf, recordOver } from "../helpers/write-burst";

const COUNT = `{ changes { totalCount } sources(first: 100) { totalCount } }`;

describe.each(loadedStoreFactories())("batch keys bound to content, over HTTP (%s)", (_name, load) => {
  let server: TestServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const store = await load(loadSeed());
    close = () => store.close();
    server = await startTestServer(store, BURST_ENV);
  });
  afterAll(async () => {
    await server?.stop();
    await close?.();
  });

  const counts = async () => (await postGraphQL(server.url, COUNT)).body.data;

  it("answers the first receipt to the same content, refuses other content under the key, writes nothing", async () => {
    const first = await recordOver(server.url, filing("filing-2025-01", "keyed-claim"), BURST_EDITOR_KEY);
    expect(first.errors).toBeUndefined();
    const receipt = first.data.recordBatch;
    const before = await counts();

    const retry = await recordOver(server.url, filing("filing-2025-01", "keyed-claim"), BURST_EDITOR_KEY);
    expect(retry.errors).toBeUndefined();
    expect(retry.data.recordBatch).toEqual(receipt);

    const other = await recordOver(server.url, filing("filing-2025-01", "another-claim"), BURST_EDITOR_KEY);
    expect(other.data?.recordBatch ?? null).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(other.errors?.[0]?.message).toContain(`key 'filing-2025-01' was first used on `);
    expect(other.errors?.[0]?.message).toContain(`(seq ${receipt.firstSeq})`);
    expect(other.errors?.[0]?.extensions).toMatchObject({
      key: "filing-2025-01",
      firstSeq: receipt.firstSeq,
      lastSeq: receipt.lastSeq,
    });
    expect(await counts()).toEqual(before);
    const feed = await feedOf(server.url);
    expect(feed.filter((change) => change.batchKey === "filing-2025-01")).toHaveLength(1);
    expect(feed.map((change) => change.claimId)).not.toContain("another-claim");
  });

  it("under concurrent sends of one key with two contents, records one and refuses every send of the other", async () => {
    const sends = Array.from({ length: 16 }, (_, i) => filing("filing-race", i % 2 === 0 ? "race-a" : "race-b"));
    const answers = await Promise.all(sends.map((batch) => recordOver(server.url, batch, BURST_EDITOR_KEY)));
    const recorded = answers.filter((answer) => !answer.errors).map((answer) => answer.data.recordBatch);
    const refused = answers.filter((answer) => answer.errors);
    const winner = recorded[0]!.claimIds[0] as string;
    // Every accepted send answers the one receipt of the same content; every other send is refused.
    expect(recorded).toHaveLength(8);
    expect(new Set(recorded.map((receipt) => JSON.stringify(receipt))).size).toBe(1);
    expect(refused.map((answer) => answer.errors?.[0]?.extensions?.code)).toEqual(
      Array(8).fill("IDEMPOTENCY_KEY_REUSED"),
    );
    const raced = (await feedOf(server.url)).filter((change) => change.batchKey === "filing-race");
    expect(raced.map((change) => change.claimId)).toEqual([winner]);
  });

  it("refuses an empty batch with a coded error and records no key, so the real batch can use it", async () => {
    const empty = await postGraphQL(
      server.url,
      `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { firstSeq } }`,
      { input: { key: "filing-2025-02", records: {} } },
      { authorization: `Bearer ${BURST_EDITOR_KEY}` },
    );
    expect(empty.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(empty.body.errors?.[0]?.message).toContain("the batch is empty");
    const real = await recordOver(server.url, filing("filing-2025-02", "after-empty-claim"), BURST_EDITOR_KEY);
    expect(real.errors).toBeUndefined();
    expect(real.data.recordBatch.claimIds).toEqual(["after-empty-claim"]);
  });
});
