import {
  getNamedType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { RECORD_SCHEMAS } from "../../src/domain/dataset";
import { getSchema } from "../../src/server/schema";

/** The claim fields the server stamps, which a client never sends. */
const STAMPED: Record<string, string[]> = {
  claims: ["recordedAt", "recordedBy"],
  derivations: ["recordedAt", "recordedBy"],
};

const inputType = async (name: string) => {
  const type = (await getSchema()).getType(name);
  if (!isInputObjectType(type)) throw new Error(`${name} is not an input type`);
  return type;
};

/** `[X!]` (nullable list, items required) -> X */
function listItem(type: GraphQLInputType): GraphQLInputObjectType {
  expect(isNonNullType(type)).toBe(false);
  expect(isListType(type)).toBe(true);
  const item = getNamedType(type);
  if (!isInputObjectType(item)) throw new Error(`${item.name} is not an input type`);
  return item;
}

describe("the typed records input follows the loader's record schemas", () => {
  it("has one optional list per collection, each item with the collection's fields (less the stamped ones)", async () => {
    const records = (await inputType("RecordsInput")).getFields();
    expect(Object.keys(records).sort()).toEqual(Object.keys(RECORD_SCHEMAS).sort());
    for (const [collection, schema] of Object.entries(RECORD_SCHEMAS)) {
      const item = listItem(records[collection]!.type);
      const expected = Object.keys(schema.shape).filter((field) => !(STAMPED[collection] ?? []).includes(field));
      expect(Object.keys(item.getFields()).sort(), collection).toEqual(expected.sort());
    }
  });

  it("requires what the loader requires and uses the output types' enums", async () => {
    const schema = await getSchema();
    const evidence = (await inputType("EvidenceInput")).getFields();
    // Required in the loader: non-null; with a default or nullable there: may be left out.
    expect(String(evidence.quote!.type)).toBe("String!");
    expect(String(evidence.locator!.type)).toBe("String");
    expect(evidence.kind!.type).toBe(schema.getType("EvidenceKind"));
    expect(evidence.disclosure!.type.toString()).toBe("Disclosure!");
    const claim = (await inputType("ClaimInput")).getFields();
    expect(claim.status!.type).toBe(schema.getType("RelationshipStatus"));
    expect(String(claim.evidence!.type)).toBe("[String!]!");
    expect(String(claim.confidence!.type)).toBe("Float");
    // One schema used in several places is one type.
    expect(getNamedType(claim.amount!.type)).toBe(
      getNamedType((await inputType("MetricInput")).getFields().money!.type),
    );
  });
});
