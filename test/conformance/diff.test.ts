import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diff as diffBetween } from "../../src/analytics/diff";
import { type Dataset, parseDataset } from "../../src/domain/dataset";
import type { GraphStore } from "../../src/store/graph-store";
import { NO_HELD_TEXTS, recordBatch } from "../../src/store/record-batch";
import { claimRecord, purchaseOf, reportWireFiling } from "../helpers/claim-records";
import { monthly } from "../helpers/datasets";
import { execute } from "../helpers/execute";
import { loadedStoreFactories } from "../helpers/stores";

/**
 * Purchases from `m` (and one investment) whose claims arrive and leave over a year of record time:
 * - t: a report and a wire repeating it (2024-04-01/02, 18M-20M), then a filing far higher
 *   (2025-02-01, 30M-40M) that wins: amount and agreement change;
 * - x: the report says 10M, then corrects itself to 12M (2024-05-01): the amount changes;
 * - w: the report's "at least 1M" stands; a filing's 5M (2025-02-01) is retracted 2025-03-01;
 * - s: the report says it is current; a filing (2025-02-01) says it is over: status and agreement;
 * - m invests in t: first recorded 2024-09-01;
 * - v: recorded by a batch on 2025-01-15;
 * - z: the report's claim, retracted by a batch on 2024-10-01: withdrawn.
 */
function diffGraph(): Dataset {
  const [buys, claim] = [purchaseOf, claimRecord];
  return parseDataset([
    {
      name: "diff",
      content: {
        ...reportWireFiling(),
        companies: ["m", "s", "t", "v", "w", "x", "z"].map((id) => ({ id, name: id.toUpperCase() })),
        products: [{ id: "p", name: "P" }],
        relationships: [
          ...["s", "t", "w", "x", "z"].map(buys),
          { id: "m-invests-in-t", kind: "INVESTS_IN", from: "m", to: "t" },
        ],
        claims: [
          claim("t-report", "t-buys", "report", "2024-04-01", { amount: monthly(20e6, 18e6, 20e6), confidence: 0.8 }),
          claim("t-wire", "t-buys", "wire", "2024-04-02", { amount: monthly(20e6, 18e6, 20e6), confidence: 0.9 }),
          claim("t-filing", "t-buys", "filing", "2025-02-01", { amount: monthly(null, 30e6, 40e6, "RANGE") }),
          claim("w-report", "w-buys", "report", "2024-04-01", { amount: monthly(null, 1e6, null, "AT_LEAST") }),
          claim("w-filing", "w-buys", "filing", "2025-02-01", {
            amount: monthly(5e6, 5e6, 5e6, "EXACT"),
            retraction: { at: "2025-03-01", by: "editor", reason: "another company's figure" },
          }),
          claim("x-report", "x-buys", "report", "2024-04-01", { amount: monthly(10e6, 10e6, 10e6, "EXACT") }),
          claim("x-correction", "x-buys", "report", "2024-05-01", {
            ...{ amount: monthly(12e6, 12e6, 12e6, "EXACT"), supersedes: "x-report" },
          }),
          claim("s-report", "s-buys", "report", "2024-04-01", { status: "CURRENT" }),
          claim("s-filing", "s-buys", "filing", "2025-02-01", { status: "FORMER" }),
          claim("z-report", "z-buys", "report", "2024-04-01", { amount: monthly(3e6, 3e6, 3e6, "EXACT") }),
          claim("m-invests-report", "m-invests-in-t", "report", "2024-09-01", {}),
        ],
      },
    },
  ]);
}

const vBatch = {
  key: "record-v",
  by: "editor-1",
  at: "2025-01-15T09:00:00Z",
  retractions: [],
  files: [
    {
      name: "v",
      content: {
        relationships: [{ id: "v-buys", kind: "BUYS_FROM", from: "v", to: "m", product: "p" }],
        claims: [
          {
            ...{ id: "v-report", relationship: "v-buys", source: "report", disclosure: "REPORTED" },
            ...{ evidence: ["ev-report"], amount: monthly(7e6, 7e6, 7e6, "EXACT") },
            ...{ recordedAt: "2025-01-15", recordedBy: "editor-1" },
          },
        ],
      },
    },
  ],
};

const zRetraction = {
  key: "retract-z",
  by: "editor-1",
  at: "2024-10-01T09:00:00Z",
  retractions: [{ claimId: "z-report", reason: "not a purchase" }],
  files: [],
};

const DIFF = `query ($from: LocalDate!, $to: LocalDate!, $companies: [ID!], $kinds: [RelationshipKind!], $first: Int, $after: String) {
  diff(from: $from, to: $to, companies: $companies, kinds: $kinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id change parts
      before { knownAt status amount { low high } agreement { claims independentOrigins conflicting dissent } }
      after { knownAt status amount { low high } agreement { claims independentOrigins conflicting dissent } }
    }
  }
}`;

interface DiffNode {
  id: string;
  change: string;
  parts: string[];
  before: {
    knownAt: string;
    status: string;
    amount: { low: number; high: number | null } | null;
    agreement: object;
  } | null;
  after: {
    knownAt: string;
    status: string;
    amount: { low: number; high: number | null } | null;
    agreement: object;
  } | null;
}
interface DiffAnswer {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: DiffNode[];
}

describe.each(loadedStoreFactories())("what changed between two record times on %s", (_name, load) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await load(diffGraph());
    await recordBatch(store, zRetraction, NO_HELD_TEXTS);
    await recordBatch(store, vBatch, NO_HELD_TEXTS);
  });
  afterAll(() => store?.close());

  const diff = async (variables: Record<string, unknown>): Promise<DiffAnswer> => {
    const answer = await execute(store, DIFF, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!.diff as DiffAnswer;
  };
  const summary = (answer: DiffAnswer) => answer.nodes.map((n) => [n.id, n.change, n.parts]);
  const EVERY_PART = ["AMOUNT", "STATUS", "AGREEMENT"];

  it("lists what appeared, was withdrawn or changed, by id, with what changed", async () => {
    const answer = await diff({ from: "2024-04-15", to: "2025-06-01" });
    // w is back where it was (its filing retracted): not listed.
    expect(summary(answer)).toEqual([
      ["m-invests-in-t", "APPEARED", EVERY_PART],
      ["s-buys", "CHANGED", ["STATUS", "AGREEMENT"]],
      ["t-buys", "CHANGED", ["AMOUNT", "AGREEMENT"]],
      ["v-buys", "APPEARED", EVERY_PART],
      ["x-buys", "CHANGED", ["AMOUNT"]],
      ["z-buys", "WITHDRAWN", EVERY_PART],
    ]);
    expect(answer.totalCount).toBe(6);
    const byId = new Map(answer.nodes.map((n) => [n.id, n]));
    expect(byId.get("t-buys")!.before).toEqual({
      ...{ knownAt: "2024-04-15", status: "CURRENT", amount: { low: 18e6, high: 20e6 } },
      agreement: { claims: 2, independentOrigins: 1, conflicting: false, dissent: [] },
    });
    expect(byId.get("t-buys")!.after).toEqual({
      ...{ knownAt: "2025-06-01", status: "CURRENT", amount: { low: 30e6, high: 40e6 } },
      agreement: { claims: 3, independentOrigins: 2, conflicting: true, dissent: ["t-report", "t-wire"] },
    });
    expect(byId.get("s-buys")!.before).toMatchObject({ status: "CURRENT", agreement: { claims: 1 } });
    expect(byId.get("s-buys")!.after).toMatchObject({ status: "FORMER", agreement: { claims: 2 } });
    expect(byId.get("x-buys")!.before!.amount).toEqual({ low: 10e6, high: 10e6 });
    expect(byId.get("x-buys")!.after!.amount).toEqual({ low: 12e6, high: 12e6 });
    expect(byId.get("v-buys")).toMatchObject({ before: null, after: { amount: { low: 7e6, high: 7e6 } } });
    expect(byId.get("z-buys")).toMatchObject({ before: { amount: { low: 3e6, high: 3e6 } }, after: null });
  });

  it("sees a retraction as a change back", async () => {
    const answer = await diff({ from: "2025-02-15", to: "2025-06-01" });
    expect(summary(answer)).toEqual([["w-buys", "CHANGED", ["AMOUNT", "AGREEMENT"]]]);
    expect(answer.nodes[0]!.before).toMatchObject({ amount: { low: 5e6, high: 5e6 }, agreement: { claims: 2 } });
    expect(answer.nodes[0]!.after).toMatchObject({ amount: { low: 1e6, high: null }, agreement: { claims: 1 } });
  });

  it("lists nothing between a day and itself, nor before anything was recorded", async () => {
    expect((await diff({ from: "2025-06-01", to: "2025-06-01" })).nodes).toEqual([]);
    expect((await diff({ from: "2023-01-01", to: "2024-03-31" })).nodes).toEqual([]);
  });

  it("filters by company at either end and by kind", async () => {
    const ofT = await diff({ from: "2024-04-15", to: "2025-06-01", companies: ["t"] });
    expect(ofT.nodes.map((n) => n.id)).toEqual(["m-invests-in-t", "t-buys"]);
    const investments = await diff({ from: "2024-04-15", to: "2025-06-01", kinds: ["INVESTS_IN"] });
    expect(investments.nodes.map((n) => n.id)).toEqual(["m-invests-in-t"]);
    const ofVZ = await diff({ from: "2024-04-15", to: "2025-06-01", companies: ["v", "z"], kinds: ["BUYS_FROM"] });
    expect(ofVZ.nodes.map((n) => n.id)).toEqual(["v-buys", "z-buys"]);
  });

  it("pages by cursor like the other lists", async () => {
    const first = await diff({ from: "2024-04-15", to: "2025-06-01", first: 4 });
    expect(first.nodes.map((n) => n.id)).toEqual(["m-invests-in-t", "s-buys", "t-buys", "v-buys"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await diff({ from: "2024-04-15", to: "2025-06-01", first: 4, after: first.pageInfo.endCursor });
    expect(rest.nodes.map((n) => n.id)).toEqual(["x-buys", "z-buys"]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(6);
  });

  it("refuses bad arguments with a coded error", async () => {
    const refusal = async (variables: Record<string, unknown>) => {
      const answer = await execute(store, DIFF, variables);
      expect(answer.data?.diff ?? null).toBeNull();
      expect(answer.errors).toHaveLength(1);
      return answer.errors![0]!.message;
    };
    expect(await refusal({ from: "2025-06-01", to: "2024-04-15" })).toMatch(/from .* must not be after to/);
    expect(await refusal({ from: "2025-02-30", to: "2025-06-01" })).toMatch(/2025-02-30|LocalDate/);
    expect(await refusal({ from: "2024-04-15", to: "2025-06-01", companies: ["Not An Id"] })).toMatch(/not a valid id/);
    const many = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect(await refusal({ from: "2024-04-15", to: "2025-06-01", companies: many })).toMatch(/at most 100/);
    expect(await refusal({ from: "2024-04-15", to: "2025-06-01", first: 0 })).toMatch(
      /first|Argument Validation Error/,
    );
    // The code clients see (the server turns it into extensions.code).
    const reversed = diffBetween(store, { from: "2025-06-01", to: "2024-04-15" }, {});
    await expect(reversed).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { argument: "from" } });
    const unreal = diffBetween(store, { from: "2024-04-15", to: "2024-13-01" }, {});
    await expect(unreal).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { argument: "to" } });
  });
});
