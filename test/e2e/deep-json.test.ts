import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { hashKey } from "../../src/server/auth";
import { loadConfig } from "../../src/server/config";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { type CapturedLog, capturedLog } from "../helpers/captured-log";
import { startTestServer, type TestServer } from "../helpers/http-server";

const EDITOR_KEY = "deep-editor-key-0123456789";
const API_KEYS = `ana:editor:${hashKey(EDITOR_KEY)}`;
const COMPANY = `{ company(id: "microsoft") { id } }`;
const RECORD = `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { key } }`;
const BY_ID = `query ($id: ID!) { company(id: $id) { id } }`;

/** JSON text of arrays nested `depth` levels: `[[]]` is 2. Arrays keep 100,000 levels under the body limit. */
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Answer["body"] };
}

/**
 * The three ways deep JSON reaches the server, each carrying a value `depth` levels deep:
 * a POST's extensions (nothing reads them), a batch's records, and a GET's variables.
 */
function requests(url: string, depth: number) {
  const post = (body: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${EDITOR_KEY}` },
      body,
    }).then(answerOf);
  const query = (q: string) => `${url}?query=${encodeURIComponent(q)}`;
  return {
    extensions: () => post(`{"query":${JSON.stringify(COMPANY)},"extensions":{"deep":${nested(depth)}}}`),
    batch: () =>
      post(
        `{"query":${JSON.stringify(RECORD)},"variables":{"input":{"key":"k","recordsJson":{"claims":${nested(depth)}}}}}`,
      ),
    getVariables: () =>
      fetch(`${query(BY_ID)}&variables={"id":${nested(depth)}}`, { headers: { "apollo-require-preflight": "1" } }).then(
        answerOf,
      ),
  };
}

/** Data, or errors that all carry a client's code: never a 5xx, never an internal error. */
function expectDataOrCoded(answer: Answer): void {
  expect(answer.status).toBeLessThan(500);
  for (const error of answer.body.errors ?? []) {
    expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
    expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
  }
  if (answer.status === 200 && !answer.body.errors) expect(answer.body.data).toBeTruthy();
}

function expectRefused(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
}

/** A server on the seed with `env`, its log captured. */
async function serveSeed(env: Record<string, string>): Promise<{ server: TestServer; log: CapturedLog }> {
  const store = new MemoryStore();
  await store.load(loadSeed());
  const log = capturedLog();
  return { server: await startTestServer(store, env, log.logger), log };
}

describe("JSON nested deep, over HTTP", () => {
  let server: TestServer;
  let log: CapturedLog;
  beforeAll(async () => {
    ({ server, log } = await serveSeed({ API_KEYS }));
  });
  afterAll(async () => {
    // Nothing recorded, nothing failed inside.
    expect((await server.gql(`{ changes { totalCount } }`)).data).toEqual({ changes: { totalCount: 0 } });
    expect(log.errors()).toEqual([]);
    await server?.stop();
  });

  it("answers 10 levels with data or the request's own mistake", async () => {
    const at10 = requests(server.url, 10);
    const extensions = await at10.extensions();
    expect(extensions).toEqual({ status: 200, body: { data: { company: { id: "microsoft" } } } });
    // The batch holds an array where a claim belongs: the loader's refusal, as for any bad record.
    const batch = await at10.batch();
    expectDataOrCoded(batch);
    expect(batch.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(batch.body.errors?.[0]?.message).toContain("input.recordsJson: claims[0]");
    const get = await at10.getVariables();
    expectRefused(get, 400, "BAD_USER_INPUT");
    expect(get.body.errors?.[0]?.message).toContain('Variable "$id" got invalid value');
  });

  it.each([1_000, 5_000, 100_000])(
    "refuses %i levels with JSON_TOO_DEEP (400) before anything walks them",
    async (depth) => {
      const deep = requests(server.url, depth);
      for (const answer of [await deep.extensions(), await deep.batch()]) {
        expectRefused(answer, 400, "JSON_TOO_DEEP");
        expect(answer.body.errors?.[0]?.message).toBe("the request's JSON is nested deeper than 64 levels, the limit");
      }
      const get = await deep.getVariables();
      // 100,000 levels make a URL longer than Node reads (16 kB): refused before any route, still coded.
      if (depth === 100_000) expectRefused(get, 431, "REQUEST_HEADERS_TOO_LARGE");
      else expectRefused(get, 400, "JSON_TOO_DEEP");
    },
  );

  it("refuses a document whose values nest deeper than the limit, before the parser recurses into them", async () => {
    for (const depth of [65, 1_990]) {
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ company(id: ${nested(depth)}) { id } }` }),
      }).then(answerOf);
      expectRefused(res, 400, "JSON_TOO_DEEP");
    }
    // Brackets inside a string are text, not nesting: this id reaches the resolver, which refuses it.
    const text = await server.gql(`{ company(id: "${nested(100)}") { id } }`);
    expect(text.errors?.[0]?.message).toMatch(/is not a valid id/);
  });

  it("draws the line at MAX_JSON_DEPTH: 64 levels pass, 65 do not, by POST and by GET alike", async () => {
    // The body is 2 levels around extensions.deep, and so around the GET's variables.id.
    const within = requests(server.url, 62);
    expect((await within.extensions()).status).toBe(200);
    expectDataOrCoded(await within.batch());
    expectRefused(await within.getVariables(), 400, "BAD_USER_INPUT");
    const beyond = requests(server.url, 63);
    expectRefused(await beyond.extensions(), 400, "JSON_TOO_DEEP");
    expectRefused(await beyond.getVariables(), 400, "JSON_TOO_DEEP");
  });
});

describe("JSON at the deepest MAX_JSON_DEPTH allows", () => {
  let server: TestServer;
  let log: CapturedLog;
  beforeAll(async () => {
    ({ server, log } = await serveSeed({ API_KEYS, MAX_JSON_DEPTH: "1000" }));
  });
  afterAll(() => server?.stop());

  it("walks a value just within the limit everywhere without overflowing", async () => {
    const within = requests(server.url, 995);
    // A claim that is an array 995 deep goes through argument validation and the loader's messages.
    const claimId = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${EDITOR_KEY}` },
      body: `{"query":${JSON.stringify(RECORD)},"variables":{"input":{"key":"k","recordsJson":{"claims":[{"id":${nested(992)}}]}}}}`,
    }).then(answerOf);
    for (const answer of [await within.extensions(), await within.batch(), await within.getVariables(), claimId]) {
      expectDataOrCoded(answer);
    }
    expect(claimId.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expectRefused(await requests(server.url, 1_000).extensions(), 400, "JSON_TOO_DEEP");
    expect(log.errors()).toEqual([]);
  });
});

describe("MAX_JSON_DEPTH", () => {
  it("is 64 unless set, at most 1000, and leaves room for a query as deep as MAX_QUERY_DEPTH allows", () => {
    expect(loadConfig({}).limits.maxJsonDepth).toBe(64);
    expect(loadConfig({ MAX_JSON_DEPTH: "1000" }).limits.maxJsonDepth).toBe(1000);
    expect(() => loadConfig({ MAX_JSON_DEPTH: "1001" })).toThrow(/MAX_JSON_DEPTH="1001"/);
    // 12 levels of selections, and 8 for the arguments of the deepest: 20.
    expect(() => loadConfig({ MAX_JSON_DEPTH: "19" })).toThrow(
      /MAX_JSON_DEPTH=19: at least MAX_QUERY_DEPTH \+ 8 \(20\)/,
    );
    expect(loadConfig({ MAX_JSON_DEPTH: "20" }).limits.maxJsonDepth).toBe(20);
  });
});
