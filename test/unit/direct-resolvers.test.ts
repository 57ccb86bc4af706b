import "reflect-metadata";
import { graphql, type GraphQLSchema } from "graphql";
import { createPubSub } from "@graphql-yoga/subscription";
import { buildSchema } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { createContext } from "../../src/graphql/context";
import { resolvers } from "../../src/graphql/resolvers";
import { validateArgs } from "../../src/graphql/validate-args";
import { loadConfig } from "../../src/server/config";
import { getSchema } from "../../src/server/schema";
import { MemoryStore } from "../../src/store/memory/memory-store";

/**
 * The served schema calls field resolvers directly rather than through type-graphql's handler
 * (src/graphql/direct-resolvers.ts). Each answer here, data and errors, must equal the one of a
 * schema type-graphql builds alone from the same resolvers, where every call goes through its
 * handler: the same methods, the same argument classes, the same refusals.
 */
describe("field resolvers called directly answer as type-graphql's handler does", () => {
  const store = new MemoryStore();
  const limits = loadConfig({}).limits;
  let served: GraphQLSchema;
  let throughHandler: GraphQLSchema;

  beforeAll(async () => {
    await store.load(loadSeed());
    served = await getSchema();
    throughHandler = await buildSchema({ resolvers, validateFn: validateArgs, pubSub: createPubSub() });
  });

  const answer = async (schema: GraphQLSchema, source: string, variableValues?: Record<string, unknown>) => {
    const result = await graphql({ schema, source, variableValues, contextValue: createContext(store, limits) });
    return JSON.parse(JSON.stringify(result)) as { data?: unknown; errors?: { message: string }[] };
  };

  const same = async (source: string, variableValues?: Record<string, unknown>) => {
    const reference = await answer(throughHandler, source, variableValues);
    expect(await answer(served, source, variableValues)).toEqual(reference);
    return reference;
  };

  it("a nested read: lists with arguments, ends, amounts and their bounds", async () => {
    const reference = await same(`{ companies(first: 5) { nodes { id name
      customers(first: 3) { totalCount nodes { spend { low high display } customer { id suppliers(first: 2) { nodes { supplier { id } } } } } }
      competitors { nodes { company { id } relationship { kind startKnown } } }
    } } }`);
    expect(reference.errors).toBeUndefined();
  });

  it("a refused argument fails its field on every item with the same error", async () => {
    const tooSmall = await same(`{ companies(first: 3) { nodes { id customers(first: 0) { nodes { id } } } } }`);
    expect(tooSmall.errors?.length).toBeGreaterThan(0);
    const badProduct = await same(
      `query($p: [String!]) { company(id: "microsoft") { customers(product: $p) { nodes { id } } } }`,
      { p: ["Not A Slug"] },
    );
    expect(badProduct.errors?.length).toBeGreaterThan(0);
  });

  it("arguments left out keep their defaults; the ones given reach the resolver", async () => {
    const reference = await same(
      `query($p: [String!]) { company(id: "microsoft") { customers(product: $p) { totalCount nodes { id } } suppliers { totalCount } } }`,
      { p: ["azure-openai"] },
    );
    expect(reference.errors).toBeUndefined();
  });
});
