import { type NodeColumn, normalizeColumns } from "../../../domain/node-columns";
import type { PlannedList, PlanRoot } from "../../graph-store";
import { idAfter, whereClause } from "../cypher-rules";
import { cypherInt, type Params } from "../executor";
import {
  cypher,
  type CypherQuery,
  nodeProjection,
  pageSize,
  plannedRelationshipProjection,
  unique,
} from "./cypher-query";
import { companyConditions, companyParams } from "./node-queries";
import { relationshipPageParams, relationshipPageSubquery, selectedKinds } from "./relationship-queries";
import type { RelationshipKind } from "../../../domain/entities";

/**
 * A page row: the relationship as relationshipProjection lists it (relationshipsOf) or
 * plannedRelationshipProjection (a plan), and the other end, as its columns (relationshipsOf) or its
 * id (a plan, which ships each node once).
 */
export type PageRow<Other> = readonly [relationship: readonly unknown[], other: Other];

/** A planned list's answer for one node: `[totalCount, rows, nested]`, nested `[otherId, lists]`. */
export type PlanListRow = readonly [
  totalCount: number | null,
  rows: readonly PageRow<string>[],
  nested: readonly (readonly [id: string, lists: readonly PlanListRow[]])[],
];

/** A root node as nodeProjection lists it for the root's columns, with its lists' answers in plan order. */
export type PlanRootRow = readonly [node: readonly unknown[], lists: readonly PlanListRow[]];

/**
 * What a plan statement answers, put together: the format planQuery writes and the store's decoder
 * reads, held in this one type with the records it comes in (PlanAnswerPart).
 */
export interface PlanAnswer {
  readonly rootTotal: number;
  readonly rootRows: readonly PlanRootRow[];
  /** Every other end of every page once, as nodeProjection lists it for planNodeColumns. */
  readonly nodes: readonly (readonly unknown[])[];
}

/** What the first element of a record's `part` says the second is. */
export const PLAN_PART = { rootTotal: 0, rootRow: 1, nodes: 2 } as const;

/**
 * One record of a plan statement, in its one column `part`: the root's total, one root row, or
 * some of the nodes. Many small records rather than one that holds everything: the driver decodes every string
 * of a record that spans several network chunks through a slow path (a string decoder per string,
 * over all the record's chunks), which cost more than Neo4j took to answer.
 */
export type PlanAnswerPart =
  | readonly [kind: typeof PLAN_PART.rootTotal, rootTotal: number]
  | readonly [kind: typeof PLAN_PART.rootRow, rootRow: PlanRootRow]
  | readonly [kind: typeof PLAN_PART.nodes, nodes: readonly (readonly unknown[])[]];

/**
 * Nodes per record: one record per node costs Neo4j and the driver more per node than the node
 * itself (a hub's page reaches hundreds), and a few dozen narrow nodes still fit one network chunk.
 */
const NODES_PER_RECORD = 50;

/** The statement's one column. */
export const PLAN_ANSWER_COLUMN = "part";

/** The one kind a list reads, which its rows then do not ship; null when it reads several. */
export function soleKindOf(list: PlannedList): RelationshipKind | null {
  const kinds = selectedKinds(list.filter);
  return kinds.length === 1 ? kinds[0]! : null;
}

/**
 * The columns the other ends are read with: every list's, at once (each node is shipped once, for
 * all the lists that reach it); every column when one list asks for them all.
 */
export function planNodeColumns(lists: readonly PlannedList[]): readonly NodeColumn[] | undefined {
  const columns: NodeColumn[] = [];
  const gather = (plan: readonly PlannedList[]): boolean =>
    plan.every((list) => list.nodeColumns !== undefined && (columns.push(...list.nodeColumns), gather(list.next)));
  return gather(lists) ? normalizeColumns(columns) : undefined;
}

/** The parameters of the statement's last part, which ships the answer. */
const TAIL_PARAMS: Params = { nodesPerRecord: cypherInt(NODES_PER_RECORD) };

/**
 * A whole planned read in one statement: the root's nodes, then for each planned list a subquery
 * per node that pages its relationships (exactly as relationshipsOf does, LIMIT inside the pattern)
 * and, for the other ends of that page, the lists planned under it, nested to any depth. Records
 * of one column (PlanAnswerPart): the root's total, each root row `[node, lists]`, and every other
 * end once, a few dozen to a record; all lists rather than maps (the driver decodes key names
 * again for every map). Each list is `[totalCount, rows, nested]` with rows `[relationship,
 * otherId]` and `nested` holding `[id, lists]` per distinct other end. Hubs come back as the other
 * end of hundreds of rows, so shipping each node once keeps the answer a fraction of the size;
 * nodes ship only the columns the plan names. The statement's shape follows the plan; every value
 * is a parameter, named by the list's place in the plan (`l0_`, ...).
 */
export function planQuery(root: PlanRoot, lists: readonly PlannedList[]): CypherQuery {
  const params: Params = {};
  const listBlocks = lists.map((list, i) => listSubquery(list, `l${i}`, params));
  const rootRow = `[${nodeProjection("n", root.columns)}, [${lists.map((_, i) => `l${i}`).join(", ")}]]`;
  const body = [...listBlocks, `RETURN collect(${rootRow}) AS rootRows`].join("\n");
  const tail = cypher`
    WITH rootTotal, rootRows, ${otherIds(lists, "rootRows", 0).join(" + ") || "[]"} AS otherIds
    CALL (rootTotal, rootRows, otherIds) {
      RETURN [${String(PLAN_PART.rootTotal)}, rootTotal] AS ${PLAN_ANSWER_COLUMN}
      UNION ALL
      UNWIND rootRows AS rootRow
      RETURN [${String(PLAN_PART.rootRow)}, rootRow] AS ${PLAN_ANSWER_COLUMN}
      UNION ALL
      UNWIND otherIds AS otherId
      WITH DISTINCT otherId
      MATCH (m:Entity {id: otherId})
      WITH collect(${nodeProjection("m", planNodeColumns(lists))}) AS nodes
      UNWIND range(0, size(nodes) - 1, $nodesPerRecord) AS start
      RETURN [${String(PLAN_PART.nodes)}, nodes[start..start + $nodesPerRecord]] AS ${PLAN_ANSWER_COLUMN}
    }
    RETURN ${PLAN_ANSWER_COLUMN}`;
  if (root.kind === "nodes") {
    const text = cypher`
      CALL () {
        UNWIND $rootIds AS rootId
        MATCH (n:Entity {id: rootId})
        ${body}
      }
      WITH size(rootRows) AS rootTotal, rootRows
      ${tail}`;
    return { cypher: text, params: { ...params, ...TAIL_PARAMS, rootIds: unique(root.ids) } };
  }
  return companiesRoot(root, body, tail, params);
}

function companiesRoot(
  root: PlanRoot & { kind: "companies" },
  body: string,
  tail: string,
  params: Params,
): CypherQuery {
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
    ${tail}`;
  const rootParams = {
    ...companyParams(root.filter),
    rootAfter: root.page.after || null,
    rootTake: first === null ? null : cypherInt(first + 1),
  };
  return { cypher: text, params: { ...params, ...TAIL_PARAMS, ...rootParams } };
}

/**
 * The subquery binding `name` to one list's answer for the node `n`; its parameters are added to
 * `params` under `${name}_`, its nested lists named `${name}_0`, `${name}_1`, ...
 */
function listSubquery(list: PlannedList, name: string, params: Params): string {
  const prefix = `${name}_`;
  Object.assign(params, relationshipPageParams(list.filter, list.page, prefix));
  const nestedBlocks = list.next.map((child, i) => listSubquery(child, `${name}_${i}`, params));
  // The extra row fetched to tell a next page is not on the page: nothing is read under it.
  const pageRows = pageSize(list.page) === null ? "rows" : `rows[..$${prefix}take - 1]`;
  const nested =
    list.next.length === 0
      ? "WITH *, [] AS nested"
      : cypher`
          CALL (rows) {
            UNWIND ${pageRows} AS x
            WITH DISTINCT x[2] AS n
            ${nestedBlocks.join("\n")}
            RETURN collect([n.id, [${list.next.map((_, i) => `${name}_${i}`).join(", ")}]]) AS nested
          }`;
  const row = `[${plannedRelationshipProjection("r", "n", soleKindOf(list) === null, list.parts)}, m.id, m]`;
  return cypher`
    CALL (n) {
      ${relationshipPageSubquery(list.filter, list.page, { prefix, row, withTotalCount: list.withTotalCount })}
      ${nested}
      RETURN [totalCount, [x IN rows | [x[0], x[1]]], nested] AS ${name}
    }`;
}

/**
 * Expressions for the other-end ids of every list of the plan, each over `containers` (entries
 * `[node or id, lists]`): a list's ids are gathered across its containers, and its nested entries are the
 * containers of the lists planned under it. Variables are numbered by depth so nesting never shadows.
 */
function otherIds(lists: readonly PlannedList[], containers: string, depth: number): string[] {
  const [ids, item, container] = [`ids${depth}`, `x${depth}`, `c${depth}`];
  return lists.flatMap((list, i) => {
    const own = `reduce(${ids} = [], ${container} IN ${containers} | ${ids} + [${item} IN ${container}[1][${i}][1] | ${item}[1]])`;
    const nestedContainers = `reduce(${ids} = [], ${container} IN ${containers} | ${ids} + ${container}[1][${i}][2])`;
    return [own, ...otherIds(list.next, nestedContainers, depth + 1)];
  });
}
