import type { GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import type { NodeKind } from "../../domain/entities";
import { NODE_COLUMNS, type NodeColumn, normalizeColumns } from "../../domain/node-columns";
import { LIST_FIELDS } from "../list-fields";
import { fieldsOf } from "./selections";

/**
 * The node columns each field of Company, Product and Person reads (company.type.ts, entity.type.ts
 * and their resolvers). Lists, reports and parents read the node's id only. A field missing here
 * reads every column, so a new field is slow before it is listed, never wrong.
 */
const FIELD_COLUMNS: Readonly<Record<string, readonly NodeColumn[]>> = {
  __typename: [],
  id: [],
  name: ["name"],
  aliases: ["aliases"],
  description: ["description"],
  evidence: ["evidenceIds"],
  country: ["country"],
  kind: ["kind"],
  category: ["category"],
  metrics: [],
  parent: [],
  ultimateParent: [],
  relationships: [],
  ...Object.fromEntries(Object.values(LIST_FIELDS).flatMap((lists) => Object.keys(lists).map((name) => [name, []]))),
};

/**
 * The columns the nodes of `type` need, over every selection made on them at one place of a
 * request (fragments on the type or an interface it implements count).
 */
export function selectedColumns(
  info: GraphQLResolveInfo,
  type: NodeKind,
  selections: readonly SelectionSetNode[],
): readonly NodeColumn[] {
  const objectType = info.schema.getType(type) as GraphQLObjectType;
  const columns = new Set<NodeColumn>();
  for (const field of fieldsOf(info, objectType, selections)) {
    for (const column of FIELD_COLUMNS[field.name.value] ?? NODE_COLUMNS) columns.add(column);
  }
  return normalizeColumns(columns);
}
