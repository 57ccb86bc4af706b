/**
 * What is asked, and what the right answer is. The nested read — a page of 20 companies, the first 10
 * customers of each with what they spend, the first 10 suppliers of each customer — is spelled once
 * per dialect (our schema, raw Cypher, the Neo4j GraphQL Library's schema), and every server's answer
 * is reduced to its ids in order and compared with the answer computed here from the dataset itself.
 * Lists of relationships are ordered by relationship id, as the API orders them.
 */
import { flowPaths } from "../src/analytics";
import type { Dataset } from "../src/domain/dataset";
import type { Relationship } from "../src/domain/entities";
import type { GraphStore } from "../src/store/graph-store";
import { moneyReach } from "../test/helpers/money-paths";

/** Companies on the page; each list below it holds up to 10 items. */
export const PAGE = 20;
const PER_LIST = 10;

export const NESTED_READ = `nested read ${PAGE}>${PER_LIST}>${PER_LIST}`;

/** The nested read in this project's schema; the bare graphql-js server answers the same text. */
export const NESTED_QUERY = `
query Nested($first: Int!) {
  companies(first: $first) {
    nodes {
      id name
      customers(first: 10) {
        nodes {
          spend { low high }
          customer {
            id name
            suppliers(first: 10) { nodes { spend { low high } supplier { id name } } }
          }
        }
      }
    }
  }
}`;

/**
 * The same data straight from the driver: the floor for any API over this graph. Only the benchmark
 * writes Cypher outside the Neo4j adapter, precisely to have that floor.
 */
export const NESTED_CYPHER = `
MATCH (c:Company) WITH c ORDER BY c.id LIMIT $first
CALL (c) {
  OPTIONAL MATCH (cust)-[b:BUYS_FROM]->(c)
  WITH cust, b ORDER BY b.id LIMIT 10
  CALL (cust) {
    OPTIONAL MATCH (cust)-[s:BUYS_FROM]->(sup)
    WITH s, sup ORDER BY s.id LIMIT 10
    RETURN collect({low: s.amountLow, high: s.amountHigh, supplier: {id: sup.id, name: sup.name}}) AS suppliers
  }
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE {low: b.amountLow, high: b.amountHigh, customer: {id: cust.id, name: cust.name, suppliers: suppliers}} END) AS customers
}
RETURN c.id AS id, c.name AS name, customers`;

/**
 * The same data in the Neo4j GraphQL Library's schema (see servers/neo4j-graphql.ts): relationship
 * properties are read on connection edges, and `sort: [{ edge: { id: ASC } }]` orders a connection by
 * the relationship's id, like our lists, so the answers are compared in order.
 */
export const NEO4J_GRAPHQL_QUERY = `
query Nested($first: Int!) {
  companies(limit: $first, sort: [{ id: ASC }]) {
    id name
    customersConnection(first: 10, sort: [{ edge: { id: ASC } }]) {
      edges {
        properties { amountLow amountHigh }
        node {
          id name
          suppliersConnection(first: 10, sort: [{ edge: { id: ASC } }]) {
            edges { properties { amountLow amountHigh } node { id name } }
          }
        }
      }
    }
  }
}`;

/** A nested answer reduced to its ids: each company with its customers, each with its suppliers. */
export interface NestedIds {
  readonly id: string;
  readonly customers: readonly { readonly id: string; readonly suppliers: readonly string[] }[];
}

/** One line per company, `company|customer,supplier,supplier|customer,...`, to compare and to show a difference. */
export function nestedIdsText(companies: readonly NestedIds[]): string {
  return companies.map((c) => [c.id, ...c.customers.map((n) => [n.id, ...n.suppliers].join(","))].join("|")).join("\n");
}

/** What the nested read needs of a graph: its companies and the ends of its relationships. */
export interface NestedReadGraph {
  readonly companies: readonly { readonly id: string }[];
  readonly relationships: readonly Pick<Relationship, "id" | "kind" | "from" | "to">[];
}

/** What the nested read must return, computed from the dataset without any store or server. */
export function expectedNestedIds(d: NestedReadGraph): NestedIds[] {
  const buys = d.relationships.filter((r) => r.kind === "BUYS_FROM").sort((a, b) => compare(a.id, b.id));
  const customersOf = groupBy(buys, (r) => r.to);
  const suppliersOf = groupBy(buys, (r) => r.from);
  const firstOf = (map: Map<string, NestedReadGraph["relationships"][number][]>, id: string) =>
    (map.get(id) ?? []).slice(0, PER_LIST);
  return d.companies
    .map((c) => c.id)
    .sort(compare)
    .slice(0, PAGE)
    .map((id) => ({
      id,
      customers: firstOf(customersOf, id).map((r) => ({
        id: r.from,
        suppliers: firstOf(suppliersOf, r.from).map((s) => s.to),
      })),
    }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Customer/supplier pairs joined by money paths of several hops, found on the embedded store. */
export async function flowPairs(d: Dataset, memory: GraphStore, count: number): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  const customers = d.companies.slice(Math.floor(d.companies.length / 10));
  for (let i = 0; pairs.length < count && i < customers.length; i += 37) {
    const from = customers[i]!.id;
    const far = [...moneyReach(d, from, 4).entries()]
      .filter(([, hops]) => hops >= 2)
      .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    for (const [to] of far.slice(0, 1)) {
      if ((await flowPaths(memory, { fromId: from, toId: to, maxDepth: 6 })).totalCount > 0) pairs.push([from, to]);
    }
  }
  return pairs;
}

/** The `n` suppliers with the most customers. */
export function biggestSuppliers(d: Dataset, n: number): string[] {
  const customers = new Map<string, number>();
  for (const r of d.relationships) if (r.kind === "BUYS_FROM") customers.set(r.to, (customers.get(r.to) ?? 0) + 1);
  return [...customers.entries()]
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .slice(0, n)
    .map(([id]) => id);
}
