import {
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import { LIST_FIELDS } from "../../src/graphql/list-fields";
import { getSchema } from "../../src/server/schema";
import type { GraphStore, PlannedList, PlanRoot } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { execute } from "../helpers/execute";

/**
 * A list reads only the relationship parts its selection needs (graphql/plan/selected-parts.ts).
 * For every field of every list's items, found in the schema so that a new field is covered the
 * day it is added, the answer with the parts the field asks for must equal the answer with every
 * part. A part left out fails the field that reads it (partOf), so a wrong entry shows.
 */
describe("lists read only the parts their selection needs", () => {
  const store = new MemoryStore();
  const cases: { list: string; field: string; query: string }[] = [];

  beforeAll(async () => {
    await store.load(loadSeed());
    const schema = await getSchema();
    const company = schema.getType("Company");
    if (!isObjectType(company)) throw new Error("no Company type");
    for (const list of Object.keys(LIST_FIELDS.Company)) {
      const items = getNamedType(company.getFields()[list]!.type);
      if (!isObjectType(items)) throw new Error(`${list} is not a connection`);
      const itemType = getNamedType(items.getFields().nodes!.type);
      if (!isObjectType(itemType)) throw new Error(`${list} has no object items`);
      for (const field of Object.values(itemType.getFields())) {
        cases.push({ list, field: `${itemType.name}.${field.name}`, query: listQuery(list, field) });
      }
      const connectionFields = "totalCount pageInfo { hasNextPage endCursor } edges { cursor }";
      const query = `query Q($id: ID!) { company(id: $id) { ${list}(first: 1) { ${connectionFields} } } }`;
      cases.push({ list, field: `${items.name} without items`, query });
    }
  });

  it("every field of every Company list's items, and the count, answer as with everything read", async () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const { field, query } of cases) {
      const companyIds = ["microsoft", "openai", "tiktok", "bytedance", "amazon", "intuit"];
      for (const id of companyIds) {
        const all = await execute(store, query, { id }, { planReads: false });
        expect(all.errors, `${field} ${id}`).toBeUndefined();
        expect(await execute(store, query, { id }), `${field} ${id}`).toEqual(all);
      }
    }
  });

  it("a nested read of ids and spend asks the store for the amount part only, and counts where asked", async () => {
    const planned: PlannedList[][] = [];
    const spy: GraphStore = Object.create(store, {
      readPlan: { value: (root: PlanRoot, lists: PlannedList[]) => (planned.push(lists), store.readPlan(root, lists)) },
    });
    const query = `{ company(id: "microsoft") {
      customers(first: 5) { nodes { id spend { low } customer { id suppliers { totalCount nodes { status } } } } }
      customers(first: 5) { nodes { customer { name } } }
    } }`;
    const answer = await execute(spy, query);
    expect(answer.errors).toBeUndefined();
    const contents = (list: PlannedList): unknown => ({
      parts: list.parts,
      withTotalCount: list.withTotalCount,
      next: list.next.map(contents),
    });
    expect(planned.map((lists) => lists.map(contents))).toEqual([
      [{ parts: ["amount"], withTotalCount: false, next: [{ parts: ["status"], withTotalCount: true, next: [] }] }],
    ]);
  });
});

/**
 * Nodes a plan reads carry only the columns the fields selected at their place show
 * (graphql/plan/selected-columns.ts). For every field of every node type, at the root and at the
 * other end of a list, the planned answer must equal the answer read whole: a wrong entry answers null.
 */
describe("nodes read only the columns their selection needs", () => {
  it("every field of Company, Product and Person answers as with every column read", async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    const schema = await getSchema();
    const shapes: Record<string, (field: string) => string> = {
      Company: (f) =>
        `company(id: $id) { ${f} ends: customers(first: 50) { nodes { customer { ${f} } } } links: competitors(first: 50) { nodes { company { ${f} } } } }`,
      Product: (f) => `company(id: $id) { links: products(first: 50) { nodes { product { ${f} } } } }`,
      Person: (f) => `company(id: $id) { links: people(first: 50) { nodes { person { ${f} } } } }`,
    };
    let cases = 0;
    for (const [typeName, shape] of Object.entries(shapes)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`no ${typeName} type`);
      for (const field of Object.values(type.getFields()).filter((f) => !f.args.some(isRequired))) {
        const selection = `${field.name}${subselection(getNamedType(field.type), 1)}`;
        const query = `query Q($id: ID!) { ${shape(selection)} }`;
        for (const id of ["microsoft", "openai", "bytedance"]) {
          const whole = await execute(store, query, { id }, { planReads: false });
          expect(whole.errors, `${typeName}.${field.name} ${id}`).toBeUndefined();
          expect(await execute(store, query, { id }), `${typeName}.${field.name} ${id}`).toEqual(whole);
          cases += 1;
        }
      }
    }
    expect(cases).toBeGreaterThan(40);
  });
});

describe("a part a plan did not read", () => {
  // A nullable field that fails answers null too, as GraphQL does, but never without its error.
  it("fails the field that asks for it, never answers null or a stand-in", async () => {
    const store = new MemoryStore();
    await store.load(loadSeed());
    const nothing = (lists: readonly PlannedList[]): PlannedList[] =>
      lists.map((list) => ({ ...list, parts: [], withTotalCount: false, next: nothing(list.next) }));
    const forgetful: GraphStore = Object.create(store, {
      readPlan: { value: (root: PlanRoot, lists: PlannedList[]) => store.readPlan(root, nothing(lists)) },
    });
    const fields = [
      "totalCount",
      "nodes { status }",
      "nodes { validFrom }",
      "nodes { spend { low } }",
      "nodes { note }",
    ];
    for (const field of fields) {
      const answer = await execute(forgetful, `{ company(id: "microsoft") { customers(first: 3) { ${field} } } }`);
      const messages = answer.errors?.map((error) => error.message) ?? [];
      expect(messages.length, field).toBeGreaterThan(0);
      for (const message of messages) expect(message, field).toMatch(/was read without its|without its count/);
    }
    const ids = await execute(
      forgetful,
      `{ company(id: "microsoft") { customers(first: 3) { nodes { id customer { id } } } } }`,
    );
    expect(ids.errors).toBeUndefined();
  });
});

/** `company(id) { <list>(first: 50) { nodes { <field> } } }`, with a small selection under object fields. */
function listQuery(list: string, field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter(isRequired);
  if (args.length > 0) throw new Error(`${field.name} has required arguments; give it a case of its own`);
  return `query Q($id: ID!) { company(id: $id) { ${list}(first: 50) { nodes { id ${field.name}${subselection(getNamedType(field.type), 2)} } } } }`;
}

function subselection(type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type)) return " { __typename }";
  if (!isObjectType(type) && !isInterfaceType(type)) return "";
  const fields = Object.values(type.getFields()).filter((f) => !f.args.some(isRequired));
  const inner = fields
    .map((f) => {
      const named = getNamedType(f.type);
      const leaf = !isObjectType(named) && !isInterfaceType(named) && !isUnionType(named);
      if (leaf) return f.name;
      return depth > 1 ? `${f.name}${subselection(named, depth - 1)}` : "";
    })
    .filter(Boolean);
  return ` { __typename ${inner.join(" ")} }`;
}

/** An argument a query must give: non-null and without a default. */
function isRequired(arg: { type: { toString(): string }; defaultValue: unknown }): boolean {
  return arg.type.toString().endsWith("!") && arg.defaultValue === undefined;
}
