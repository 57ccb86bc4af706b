import { describe, expect, it } from "vitest";
import { planAnswerOf } from "../../src/store/neo4j/plan-result";
import { PLAN_PART, type PlanAnswerPart } from "../../src/store/neo4j/queries/plan-query";

// A plan statement answers in many records; put together, they are one answer, whatever order
// they came in, and an answer without its one root total is not passed off as a complete one.
describe("the records of a Neo4j plan statement", () => {
  const root = (id: string): PlanAnswerPart => [PLAN_PART.rootRow, [[id, "Company", id], []]];
  const nodes = (...ids: string[]): PlanAnswerPart => [PLAN_PART.nodes, ids.map((id) => [id, "Company", id])];

  it("put together the total, the root rows in order and every batch of nodes", () => {
    const answer = planAnswerOf([root("a"), nodes("x", "y"), [PLAN_PART.rootTotal, 7], root("b"), nodes("z")]);
    expect(answer.rootTotal).toBe(7);
    expect(answer.rootRows.map(([node]) => node[0])).toEqual(["a", "b"]);
    expect(answer.nodes.map((node) => node[0])).toEqual(["x", "y", "z"]);
  });

  it("fail with STORE_UNAVAILABLE without exactly one root total", () => {
    expect(() => planAnswerOf([root("a")])).toThrow(expect.objectContaining({ code: "STORE_UNAVAILABLE" }));
    const twice: PlanAnswerPart[] = [
      [PLAN_PART.rootTotal, 1],
      [PLAN_PART.rootTotal, 1],
    ];
    expect(() => planAnswerOf(twice)).toThrow(/2 root totals/);
  });
});
