import type { PlannedList, PlanRoot } from "../../graph-store";
import { idAfter, whereClause } from "../cypher-rules";
import { cypherInt, type Params } from "../executor";
import { cypher, type CypherQuery, pageSize, unique } from "./cypher-query";
import { companyConditions, companyParams } from "./node-queries";
import { relationshipPageParams, relationshipPageSubquery, relationshipProjection } from "./relationship-queries";

/**
 * A whole planned read in one statement: the root's nodes, then for each planned list a subquery
 * per node that pages its relationships (exactly as relationshipsOf does, LIMIT inside the pattern)
 * and, for the other ends of that page, the lists planned under it, nested to any depth. One row
 * `rootTotal, rootRows`: each root row `{node, lists}`, each list `{totalCount, rows, nested}`,
 * `nested` holding `{id, lists}` per distinct other end. The statement's shape follows the plan;
 * every value is a parameter, named by the list's place in the plan (`l0_`, `l0_1_`, ...).
 */
export function planQuery(root: PlanRoot, lists: readonly PlannedList[]): CypherQuery {
  const params: Params = {};
  const listBlocks = lists.map((list, i) => listSubquery(list, `l${i}`, params));
  const rootRow = `{node: properties(n), lists: [${lists.map((_, i) => `l${i}`).join(", ")}]}`;
  const body = [...listBlocks, `RETURN collect(${rootRow}) AS rootRows`].join("\n");
  if (root.kind === "nodes") {
    const text = cypher`
      CALL () {
        UNWIND $rootIds AS rootId
        MATCH (n:Entity {id: rootId})
        ${body}
      }
      RETURN size(rootRows) AS rootTotal, rootRows`;
    return { cypher: text, params: { ...params, rootIds: unique(root.ids) } };
  }
  const conditions = companyConditions(root.filter);
  const first = pageSize(root.page);
  const text = cypher`
    CALL () {
      MATCH (n:Company)${whereClause(conditions)}
      RETURN count(n) AS rootTotal
    }
    CALL () {
      MATCH (n:Company)${whereClause([...conditions, idAfter("n", root.page.after, "rootAfter")])}
      WITH n ORDER BY n.id${first === null ? "" : " LIMIT $rootTake"}
      ${body}
    }
    RETURN rootTotal, rootRows`;
  const rootParams = {
    ...companyParams(root.filter),
    rootAfter: root.page.after || null,
    rootTake: first === null ? null : cypherInt(first + 1),
  };
  return { cypher: text, params: { ...params, ...rootParams } };
}

/**
 * The subquery binding `name` to one list's answer for the node `n`; its parameters are added to
 * `params` under `${name}_`, its nested lists named `${name}_0`, `${name}_1`, ...
 */
function listSubquery(list: PlannedList, name: string, params: Params): string {
  const prefix = `${name}_`;
  Object.assign(params, relationshipPageParams(list.filter, list.page, prefix));
  const nestedBlocks = list.next.map((child, i) => listSubquery(child, `${name}_${i}`, params));
  const nested =
    list.next.length === 0
      ? "WITH *, [] AS nested"
      : cypher`
          CALL (rows) {
            UNWIND rows AS x
            WITH DISTINCT x.m AS n
            ${nestedBlocks.join("\n")}
            RETURN collect({id: n.id, lists: [${list.next.map((_, i) => `${name}_${i}`).join(", ")}]}) AS nested
          }`;
  const rowsOut = `[x IN rows | {relationship: ${relationshipProjection("x.r")}, other: properties(x.m)}]`;
  return cypher`
    CALL (n) {
      ${relationshipPageSubquery(list.filter, list.page, prefix)}
      ${nested}
      RETURN {totalCount: totalCount, rows: ${rowsOut}, nested: nested} AS ${name}
    }`;
}
