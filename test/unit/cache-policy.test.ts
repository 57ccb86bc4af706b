import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { operationPolicy } from "../../src/server/cache-policy";
import { getSchema } from "../../src/server/schema";

const policyOf = async (query: string) => operationPolicy(await getSchema(), parse(query), 60);

describe("an operation's cache policy, read from the schema's hints", () => {
  it("is the default for plain reads, however deep", async () => {
    expect(await policyOf(`{ company(id: "x") { customers { nodes { customer { name } } } } }`)).toEqual({
      maxAge: 60,
      scope: "PUBLIC",
    });
  });

  it("takes the shortest hint selected, also through fragments", async () => {
    expect(await policyOf(`{ company(id: "x") { id } revenueFlows(company: "x") { notes } }`)).toEqual({
      maxAge: 15,
      scope: "PUBLIC",
    });
    const viaFragment = `query { ...feed } fragment feed on Query { changes { totalCount } }`;
    expect((await policyOf(viaFragment)).maxAge).toBe(0);
  });

  it("never lengthens the default", async () => {
    expect(
      (await operationPolicy(await getSchema(), parse(`{ revenueFlows(company: "x") { notes } }`), 5)).maxAge,
    ).toBe(5);
  });
});
