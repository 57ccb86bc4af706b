import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordBatchDocument, type RecordBatchMutationVariables, type RecordsInput } from "../../schema/client";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import type { GraphStore } from "../../src/store/graph-store";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";
import { loadedStoreFactories } from "../helpers/stores";

const EDITOR_KEY = "typed-editor-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)}`;
const RELATIONSHIP = "acme-typed-buys-azure-openai-from-microsoft";

/** A complete batch written against the kit's generated types: tsc checks every field name and enum. */
const RECORDS: RecordsInput = {
  sources: [
    {
      id: "typed-filing",
      kind: "FILING",
      title: "Acme Typed annual report",
      publishedOn: "2025-02-01",
      language: "en",
      url: "https://example.com/acme-typed-2024",
    },
  ],
  evidence: [
    {
      id: "ev-typed-filing",
      source: "typed-filing",
      kind: "STATEMENT",
      quote: "Acme Typed spent about US$1.5 million on Azure OpenAI in 2024.",
      locator: "p. 12",
      gloss: "Acme Typed's Azure OpenAI spend in 2024.",
      refersTo: { from: "2024-01-01", to: "2024-12-31", label: "2024" },
      disclosure: "DISCLOSED",
    },
  ],
  companies: [{ id: "acme-typed", name: "Acme Typed", country: "US", evidence: ["ev-typed-filing"] }],
  relationships: [
    { id: RELATIONSHIP, kind: "BUYS_FROM", from: "acme-typed", to: "microsoft", product: "azure-openai" },
  ],
  claims: [
    {
      id: "typed-claim",
      relationship: RELATIONSHIP,
      source: "typed-filing",
      amount: { estimate: 1.5e6, low: 1e6, high: 2e6, qualifier: "APPROXIMATE", period: "YEAR" },
      refersTo: { from: "2024-01-01", to: "2024-12-31", label: "2024" },
      disclosure: "DISCLOSED",
      evidence: ["ev-typed-filing"],
    },
  ],
};

const READ_BACK = `{
  relationship(id: "${RELATIONSHIP}") {
    kind
    from { id name }
    to { id }
    amount { low high estimate currency period }
    claims { nodes { id recordedBy source { id kind } evidence { id kind locator } } }
  }
  changes(since: 0) { totalCount }
}`;

describe.each(loadedStoreFactories())("a recordBatch written against the typed input (%s)", (_name, load) => {
  let store: GraphStore;
  let server: TestServer;
  beforeAll(async () => {
    store = await load(loadSeed());
    server = await startTestServer(store, { API_KEYS });
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });

  const send = (input: RecordBatchMutationVariables["input"]) =>
    postGraphQL(server.url, print(RecordBatchDocument), { input }, { authorization: `Bearer ${EDITOR_KEY}` });

  it("records from the kit's RecordBatch document, stamped by the server, and reads back as sent", async () => {
    const before = (await server.gql(`{ changes(since: 0) { totalCount } }`)).data as {
      changes: { totalCount: number };
    };
    const sent = await send({ key: "typed-batch-1", records: RECORDS });
    expect(sent.body.errors).toBeUndefined();
    const receipt = sent.body.data.recordBatch;
    // One claim: one change, the next seq of the feed.
    const seq = before.changes.totalCount + 1;
    expect(receipt).toMatchObject({ key: "typed-batch-1", by: "ana", firstSeq: seq, lastSeq: seq });
    expect(receipt.claimIds).toEqual(["typed-claim"]);

    const read = await server.gql(READ_BACK);
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      relationship: {
        kind: "BUYS_FROM",
        from: { id: "acme-typed", name: "Acme Typed" },
        to: { id: "microsoft" },
        amount: { low: 1e6, high: 2e6, estimate: 1.5e6, currency: "USD", period: "YEAR" },
        claims: {
          nodes: [
            {
              id: "typed-claim",
              recordedBy: "ana",
              source: { id: "typed-filing", kind: "FILING" },
              evidence: [{ id: "ev-typed-filing", kind: "STATEMENT", locator: "p. 12" }],
            },
          ],
        },
      },
      changes: { totalCount: seq },
    });
  });

  it("refuses a mistake in the typed and in the JSON form in the same words, and records nothing", async () => {
    const broken = { ...RECORDS, claims: [{ ...RECORDS.claims![0]!, id: "typed-claim-2", relationship: "nowhere" }] };
    const typed = await send({ key: "typed-broken", records: broken });
    const json = await send({ key: "json-broken", recordsJson: broken });
    const problem = "claims[0] 'typed-claim-2': unknown relationship id 'nowhere'";
    expect(typed.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(typed.body.errors?.[0]?.message).toContain(`input.records: ${problem}`);
    expect(json.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(json.body.errors?.[0]?.message).toBe(
      typed.body.errors?.[0]?.message.replaceAll("input.records:", "input.recordsJson:"),
    );
    const both = await send({ key: "typed-both", records: RECORDS, recordsJson: RECORDS as Record<string, unknown> });
    expect(both.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(both.body.errors?.[0]?.message).toContain("send records or recordsJson, not both");
    // A field the type does not have is GraphQL's to refuse, before any resolver runs.
    const unknown = await send({
      key: "typed-unknown",
      records: { companies: [{ id: "x", name: "X", ceo: "y" }] } as never,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknown.body.errors?.[0]?.message).toContain('Field "ceo" is not defined by type "CompanyInput"');
    const changes = await server.gql(`{ changes(since: 0) { nodes { batchKey } } }`);
    const keys = (changes.data as { changes: { nodes: { batchKey: string }[] } }).changes.nodes.map((n) => n.batchKey);
    const refused = ["typed-broken", "json-broken", "typed-both", "typed-unknown"];
    expect(keys.filter((key) => refused.includes(key))).toEqual([]);
  });
});
