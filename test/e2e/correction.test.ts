import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed, shippedBatches } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { NO_HELD_TEXTS, recordBatch } from "../../src/store/record-batch";
import { monthly } from "../helpers/datasets";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";

/**
 * The data as `npm start` serves it, then an editor's correction of the article's figure for
 * TikTok: US$24M-26M a month, superseding "quase US$ 20 milhões por mês". The correction's source
 * is an origin of its own (confidence 0.9 against the copies' 0.8), so it wins the consensus; the
 * relationship stays in dollars whatever other currencies its claims hold, and every analytic and
 * export still answers.
 */

const EDITOR_KEY = "editor-key-0123456789";
const TIKTOK = "tiktok-buys-azure-openai-from-microsoft";

const CORRECTION = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { firstSeq lastSeq } }`;

function correction() {
  return {
    input: {
      key: "correction-tiktok-2026",
      records: {
        sources: [
          {
            id: "editor-desk-note",
            kind: "ESTIMATE",
            title: "Editor's note",
            publishedOn: "2026-12-01",
            language: "en",
          },
        ],
        evidence: [
          {
            ...{ id: "ev-editor-desk-note", source: "editor-desk-note", kind: "STATEMENT" },
            ...{ quote: "TikTok's spend was US$24M-26M a month.", gloss: "TikTok's spend was US$24M-26M a month." },
            ...{ locator: "desk note 7", refersTo: { label: "March 2024" }, disclosure: "ESTIMATE" },
          },
        ],
        claims: [
          {
            ...{ id: "claim-tiktok-corrected-2026", relationship: TIKTOK, source: "editor-desk-note" },
            ...{ supersedes: "claim-tiktok-buys-azure-openai-from-microsoft", confidence: 0.9, disclosure: "ESTIMATE" },
            ...{ amount: monthly(25e6, 24e6, 26e6), evidence: ["ev-editor-desk-note"] },
          },
        ],
      },
    },
  };
}

const READ = `{
  relationship(id: "${TIKTOK}") {
    amount { low high currency period }
    agreement { conflicting dissent incomparable reconciled { currency } }
  }
  revenueFlows(company: "microsoft", product: "azure-openai") { flows { counterparty { id } amount { currency } } }
  buyerSupplierMatrix(companies: ["microsoft", "tiktok", "bytedance"]) { cells { buyerId amount { currency } } }
  conflicts(first: 50) { nodes { id } }
}`;

describe("a correction on the shipped data", () => {
  let server: TestServer;
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    for (const batch of shippedBatches()) await recordBatch(store, batch, NO_HELD_TEXTS);
    server = await startTestServer(store, { API_KEYS: `ed:editor:${hashKey(EDITOR_KEY)}` });
  });
  afterAll(() => server?.stop());

  it("keeps dollars, serves the consensus with the dissent named, and every analytic and export answers", async () => {
    const recorded = await postGraphQL(server.url, CORRECTION, correction(), { authorization: `Bearer ${EDITOR_KEY}` });
    expect(recorded.body.errors).toBeUndefined();
    const read = await postGraphQL(server.url, READ, {});
    expect(read.body.errors).toBeUndefined();
    const { relationship, revenueFlows, buyerSupplierMatrix, conflicts } = read.body.data;
    expect(relationship.amount).toEqual({ low: 24e6, high: 26e6, currency: "USD", period: "MONTH" });
    expect(relationship.agreement.conflicting).toBe(true);
    // Every other claim on TikTok's spend is a copy of The Information's report: all of them dissent.
    expect(relationship.agreement.dissent.length).toBeGreaterThan(5);
    expect(relationship.agreement.dissent).not.toContain("claim-tiktok-corrected-2026");
    expect(relationship.agreement.dissent).not.toContain("claim-tiktok-buys-azure-openai-from-microsoft");
    expect(conflicts.nodes.map((r: { id: string }) => r.id)).toContain(TIKTOK);
    const tiktokFlow = revenueFlows.flows.find((f: { counterparty: { id: string } }) => f.counterparty.id === "tiktok");
    expect(tiktokFlow.amount.currency).toBe("USD");
    expect(buyerSupplierMatrix.cells.length).toBeGreaterThan(0);
    const csv = await fetch(
      `${server.url.replace(/\/graphql$/, "")}/export/matrix.csv?companies=microsoft,tiktok,bytedance`,
    );
    const body = await csv.text();
    expect(csv.status).toBe(200);
    expect(body).toContain("tiktok,microsoft,azure-openai");
  });
});
