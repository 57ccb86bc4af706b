import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { Journal } from "../../src/store/memory/journal";
import { MemoryStore } from "../../src/store/memory/memory-store";

/** A batch as journals wrote it before derivations could be recorded: no `derivations` anywhere. */
const OLDER_LINE = {
  key: "older-batch",
  by: "ana",
  at: "2026-11-01T10:00:00.000Z",
  firstSeq: 1,
  records: {
    sources: [{ id: "older-filing", kind: "FILING", title: "A filing", publishedOn: "2025-01-31", language: "en" }].map(
      (source) => ({ ...source, publisher: null, url: null, document: null, derivedFrom: [] }),
    ),
    evidence: [
      {
        ...{ id: "ev-older-filing", sourceId: "older-filing", kind: "STATEMENT", quote: "Spend.", gloss: "Spend." },
        ...{ locator: "p. 2", refersTo: { from: null, to: null, label: "2024" }, disclosure: "DISCLOSED", facts: [] },
      },
    ],
    companies: [],
    products: [],
    people: [],
    identities: [],
    metrics: [],
    claims: [
      {
        ...{ id: "older-claim", relationshipId: "tiktok-buys-azure-openai-from-microsoft", sourceId: "older-filing" },
        ...{ amount: null, refersTo: { from: null, to: null, label: "2024" }, began: null, ended: null },
        ...{ status: "CURRENT", disclosure: "DISCLOSED", confidence: 0.9, evidenceIds: ["ev-older-filing"] },
        ...{ recordedAt: "2026-11-01T10:00:00.000Z", recordedBy: "ana", supersedes: null, retraction: null },
      },
    ],
  },
  retracted: [],
  affected: ["tiktok-buys-azure-openai-from-microsoft"],
  changes: [
    {
      ...{ kind: "RECORDED", claimId: "older-claim", relationshipId: "tiktok-buys-azure-openai-from-microsoft" },
      ...{ batchKey: "older-batch", at: "2026-11-01T10:00:00.000Z", by: "ana", reason: null },
    },
  ],
};

describe("journal lines of an earlier shape", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cg-journal-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("replay as they did: a line without derivations records its claim and counts its source", async () => {
    const file = path.join(dir, "journal.ndjson");
    writeFileSync(file, `${JSON.stringify(OLDER_LINE)}\n`);
    const store = new MemoryStore(new Journal(file));
    await store.load(loadSeed());
    expect(store.replayJournal()).toEqual({ batches: 1, tornTail: null });
    const [tiktok] = await store.relationshipsByIds(["tiktok-buys-azure-openai-from-microsoft"]);
    // The article and the filing: two claims, two origins.
    expect(tiktok!.agreement).toMatchObject({ claims: 2, independentOrigins: 2 });
    const [filing] = await store.sourcesByIds(["older-filing"]);
    expect(filing!.derivations).toEqual([]);
  });
});
