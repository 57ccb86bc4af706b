import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { filing } from "../helpers/batches";
import { capturedLog } from "../helpers/captured-log";
import { startTestServer, type TestServer } from "../helpers/http-server";
import { postGraphQL } from "../helpers/post-graphql";
import { servedUrl, startServerProcess } from "../helpers/server-process";
import { BURST_ENV, feedOf, writeBurst } from "../helpers/write-burst";

const EDITOR_KEY = "editor-key-0123456789";
const ADMIN_KEY = "admin-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)},root:admin:${hashKey(ADMIN_KEY)}`;

const RECORD = `mutation ($input: RecordBatchInput!) {
  recordBatch(input: $input) { key firstSeq lastSeq claimIds by at }
}`;
const RETRACT = `mutation ($claim: ID!, $key: String!) {
  retractClaim(claim: $claim, reason: "the filing was misread", key: $key) { retractedIds firstSeq }
}`;
const TIKTOK_CLAIMS = `query ($knownAt: LocalDate) {
  relationship(id: "tiktok-buys-azure-openai-from-microsoft") {
    agreement { claims conflicting }
    claims(knownAt: $knownAt) { nodes { id recordedBy source { id kind } } }
  }
}`;

const post = (url: string, query: string, variables: unknown, key?: string) =>
  postGraphQL(url, query, variables, key ? { authorization: `Bearer ${key}` } : {});

describe("writes over HTTP", () => {
  let server: TestServer;
  let store: MemoryStore;
  const log = capturedLog();
  beforeAll(async () => {
    store = new MemoryStore();
    await store.load(loadSeed());
    server = await startTestServer(store, { API_KEYS }, log.logger);
  });
  afterAll(() => server?.stop());

  it("refuses a write without a credential, or with a bad one, and writes nothing", async () => {
    const before = await store.counts();
    const anonymous = await post(server.url, RECORD, filing("k-anon"));
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.body.errors?.[0]?.message).toContain("recording claims needs a credential");
    const bad = await post(server.url, RECORD, filing("k-bad"), "not-a-key");
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await store.counts()).toEqual(before);
    // Reads stay open.
    expect((await post(server.url, TIKTOK_CLAIMS, {})).body.data.relationship.agreement.claims).toBe(1);
  });

  it("records with an editor's key, once however often the batch is sent, stamped with who and when", async () => {
    const first = await post(server.url, RECORD, filing("k-1"), EDITOR_KEY);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.recordBatch).toMatchObject({ key: "k-1", firstSeq: 1, lastSeq: 1, by: "ana" });
    const retry = await post(server.url, RECORD, filing("k-1"), EDITOR_KEY);
    expect(retry.body.data.recordBatch).toEqual(first.body.data.recordBatch);
    const read = await post(server.url, TIKTOK_CLAIMS, {});
    expect(read.body.data.relationship.agreement).toEqual({ claims: 2, conflicting: true });
    expect(read.body.data.relationship.claims.nodes).toContainEqual({
      id: "filing-tiktok",
      recordedBy: "ana",
      source: { id: "annual-filing", kind: "FILING" },
    });
  });

  it("names the record and field of a bad batch, and records nothing", async () => {
    const broken = filing("k-broken", "filing-tiktok-2");
    (broken.input.records.claims[0] as Record<string, unknown>).relationship = "no-such-relationship";
    const res = await post(server.url, RECORD, broken, EDITOR_KEY);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toContain(
      "input.records: claims[0] 'filing-tiktok-2': unknown relationship id 'no-such-relationship'",
    );
    expect((await post(server.url, `{ changes { totalCount } }`, {})).body.data.changes.totalCount).toBe(1);
  });

  it("lets only an admin retract; a retracted claim is gone at a later knownAt and there at an earlier one", async () => {
    const byEditor = await post(server.url, RETRACT, { claim: "filing-tiktok", key: "r-1" }, EDITOR_KEY);
    expect(byEditor.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byAdmin = await post(server.url, RETRACT, { claim: "filing-tiktok", key: "r-1" }, ADMIN_KEY);
    expect(byAdmin.body.data.retractClaim).toEqual({ retractedIds: ["filing-tiktok"], firstSeq: 2 });
    const today = new Date().toISOString().slice(0, 10);
    const ids = async (knownAt: string | null) =>
      (await post(server.url, TIKTOK_CLAIMS, { knownAt })).body.data.relationship.claims.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await ids(today)).not.toContain("filing-tiktok");
    expect(await ids(null)).not.toContain("filing-tiktok");
    // Recorded and retracted on the same day: no earlier day saw it either, but the feed keeps both.
    const feed = await post(server.url, `{ changes(since: 0) { nodes { seq kind claimId by reason } } }`, {});
    expect(feed.body.data.changes.nodes).toEqual([
      { seq: 1, kind: "RECORDED", claimId: "filing-tiktok", by: "ana", reason: null },
      { seq: 2, kind: "RETRACTED", claimId: "filing-tiktok", by: "root", reason: "the filing was misread" },
    ]);
  });

  it("logs every write once, with the request id the answer carries back", async () => {
    const traced = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${EDITOR_KEY}`, "x-request-id": "req-42" },
      body: JSON.stringify({ query: RECORD, variables: filing("k-traced", "filing-traced") }),
    });
    expect(traced.headers.get("x-request-id")).toBe("req-42");
    expect(log.lines).toContainEqual(
      expect.objectContaining({ msg: "batch recorded", requestId: "req-42", key: "k-traced", by: "ana", claims: 1 }),
    );
  });
});

describe("concurrent writers on the embedded store", () => {
  let server: TestServer;
  const log = capturedLog();
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    server = await startTestServer(store, BURST_ENV, log.logger);
  });
  afterAll(() => server?.stop());

  it("keep the feed gap-free: retries of one key mixed with new batches, then every later write", async () => {
    const receipts = await writeBurst(server.url, "burst");
    const feed = await feedOf(server.url);
    // Each batch records one claim (one change), the retraction one more: 1 + 30 + 1 + 1 + 1.
    expect(feed.map((change) => change.seq)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    const same = receipts.filter((r) => r.key === "burst-same");
    expect(same).toHaveLength(20);
    expect(new Set(same.map((r) => r.firstSeq))).toEqual(new Set([feed.find((c) => c.batchKey === "burst-same")!.seq]));
    expect(log.errors()).toEqual([]);
  });
});

describe("an acknowledged write survives the process", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-journal-"));
  const children: ChildProcess[] = [];
  const env = { PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: dataDir, API_KEYS };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const started = async () => {
    const proc = startServerProcess(env);
    children.push(proc.child);
    return { proc, url: await servedUrl(proc) };
  };

  it("is there after SIGKILL and a restart, and a torn last line is reported and skipped", async () => {
    const first = await started();
    const written = await post(first.url, RECORD, filing("k-durable"), EDITOR_KEY);
    expect(written.body.data.recordBatch.claimIds).toEqual(["filing-tiktok"]);
    const acknowledged = (await post(first.url, TIKTOK_CLAIMS, {})).body.data.relationship.agreement;
    expect(acknowledged.conflicting).toBe(true);
    first.proc.child.kill("SIGKILL");
    await first.proc.exited;

    // A crash in the middle of the next append leaves half a line.
    fs.appendFileSync(path.join(dataDir, "journal.ndjson"), '{"key":"k-torn","by":"ana","records":{"cla');
    const second = await started();
    const read = await post(second.url, TIKTOK_CLAIMS, {});
    expect(read.body.data.relationship.agreement).toEqual(acknowledged);
    expect(second.proc.out() + second.proc.err()).toContain("torn line");
    // The journal goes on cleanly after the cut: a new write and another restart keep both.
    const next = await post(second.url, RECORD, filing("k-after", "filing-tiktok-again"), EDITOR_KEY);
    expect(next.body.data.recordBatch.firstSeq).toBe(written.body.data.recordBatch.lastSeq + 1);
    second.proc.child.kill("SIGKILL");
    await second.proc.exited;
    const third = await started();
    const again = await post(third.url, TIKTOK_CLAIMS, {});
    expect(again.body.data.relationship.agreement.claims).toBe(acknowledged.claims + 1);
  }, 180_000);
});

describe("writes with JWTs from an identity provider", () => {
  const secret = "a-shared-secret-of-at-least-32-characters";
  const env = { JWT_SECRET: secret, JWT_ISSUER: "https://id.example", JWT_AUDIENCE: "company-graph" };
  let server: TestServer;
  beforeAll(async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    server = await startTestServer(store, env);
  });
  afterAll(() => server?.stop());

  const token = (claims: Record<string, unknown>, options: { audience?: string; expires?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("maria@example.org")
      .setIssuer(env.JWT_ISSUER)
      .setAudience(options.audience ?? env.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? "5m")
      .sign(new TextEncoder().encode(secret));

  it("records with an editor's token, and names its subject as the author", async () => {
    const res = await post(server.url, RECORD, filing("jwt-1"), await token({ role: ["reader", "editor"] }));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.recordBatch).toMatchObject({ by: "maria@example.org", claimIds: ["filing-tiktok"] });
  });

  it("refuses a token for another audience, an expired one and a reader's", async () => {
    const wrongAudience = await post(
      server.url,
      RECORD,
      filing("jwt-2"),
      await token({ role: "editor" }, { audience: "x" }),
    );
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.body.errors?.[0]?.message).toMatch(/^the JWT is not valid: .*aud/);
    const expired = await post(
      server.url,
      RECORD,
      filing("jwt-3"),
      await token({ role: "editor" }, { expires: "1s ago" }),
    );
    expect(expired.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reader = await post(server.url, RECORD, filing("jwt-4"), await token({ role: "reader" }));
    expect(reader.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("checks tokens against the provider's JWKS url", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" }] };
    const provider = http.createServer((_req, res) =>
      res.setHeader("content-type", "application/json").end(JSON.stringify(jwks)),
    );
    await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}/jwks.json`;
    const store = new MemoryStore();
    await store.load(loadSeed());
    const withJwks = await startTestServer(store, {
      JWT_JWKS_URL: jwksUrl,
      JWT_ISSUER: env.JWT_ISSUER,
      JWT_AUDIENCE: env.JWT_AUDIENCE,
    });
    try {
      const signed = await new SignJWT({ role: "admin" })
        .setProtectedHeader({ alg: "ES256", kid: "k1" })
        .setSubject("ops")
        .setIssuer(env.JWT_ISSUER)
        .setAudience(env.JWT_AUDIENCE)
        .setExpirationTime("5m")
        .sign(privateKey);
      const res = await post(withJwks.url, RECORD, filing("jwks-1"), signed);
      expect(res.body.data?.recordBatch).toMatchObject({ by: "ops" });
    } finally {
      await withJwks.stop();
      provider.close();
    }
  });
});

describe("quotes from a held text", () => {
  const documents = fs.mkdtempSync(path.join(os.tmpdir(), "cg-documents-"));
  fs.writeFileSync(path.join(documents, "call-2025.txt"), "Our cloud revenue from TikTok grew again this quarter.\n");
  let withTexts: TestServer;
  let withoutTexts: TestServer;
  beforeAll(async () => {
    const serving = async (env: Record<string, string>) => {
      const store = new MemoryStore();
      await store.load(loadSeed());
      return startTestServer(store, env);
    };
    withTexts = await serving({ API_KEYS, DOCUMENTS_DIR: documents });
    withoutTexts = await serving({ API_KEYS });
  });
  afterAll(async () => {
    await withTexts?.stop();
    await withoutTexts?.stop();
    fs.rmSync(documents, { recursive: true, force: true });
  });

  /** A call transcript the server holds, and a quote from it. */
  const quoted = (key: string, quote: string) => ({
    input: {
      key,
      records: {
        sources: [
          {
            ...{ id: "earnings-call", kind: "COMPANY_STATEMENT", title: "Earnings call", publishedOn: "2025-01-30" },
            ...{ language: "en", document: "call-2025.txt" },
          },
        ],
        evidence: [
          {
            ...{ id: "ev-call", source: "earnings-call", kind: "QUOTE", quote, gloss: quote },
            ...{ refersTo: { label: "Q4 2024" }, disclosure: "DISCLOSED" },
          },
        ],
        claims: [
          {
            ...{ id: `call-${key}`, relationship: "tiktok-buys-azure-from-microsoft", source: "earnings-call" },
            ...{ disclosure: "DISCLOSED", evidence: ["ev-call"] },
          },
        ],
      },
    },
  });

  it("records a quote that is verbatim in the held text, and refuses one that is not", async () => {
    const verbatim = await post(withTexts.url, RECORD, quoted("q-1", "cloud revenue from TikTok grew"), EDITOR_KEY);
    expect(verbatim.body.errors).toBeUndefined();
    const altered = await post(withTexts.url, RECORD, quoted("q-2", "cloud revenue from TikTok doubled"), EDITOR_KEY);
    expect(altered.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(altered.body.errors?.[0]?.message).toContain(
      "evidence 'ev-call': the quote is not verbatim in 'call-2025.txt'",
    );
  });

  it("refuses a quote it cannot check, where the text is not held", async () => {
    const res = await post(withoutTexts.url, RECORD, quoted("q-3", "cloud revenue from TikTok grew"), EDITOR_KEY);
    expect(res.body.errors?.[0]?.message).toContain("the text of 'call-2025.txt' is not held here");
  });
});
