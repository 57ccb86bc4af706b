import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../seed/generator";
import type { CypherQuery } from "../../src/store/neo4j/queries/cypher-query";
import { moneyPathsQuery } from "../../src/store/neo4j/queries/money-path-query";
import {
  evidenceByIdsQuery,
  listCompaniesQuery,
  listProductsQuery,
  metricsOfQuery,
  nodesByIdsQuery,
  nodesOfKindByIdsQuery,
  sourcesByIdsQuery,
} from "../../src/store/neo4j/queries/node-queries";
import { planQuery } from "../../src/store/neo4j/queries/plan-query";
import {
  listRelationshipsQuery,
  relationshipsByIdsQuery,
  relationshipsOfQuery,
} from "../../src/store/neo4j/queries/relationship-queries";
import { searchQuery } from "../../src/store/neo4j/queries/search-query";
import { Neo4jStore } from "../../src/store/neo4j/neo4j-store";
import { neo4jTestConfig } from "../helpers/neo4j-server";

const cfg = neo4jTestConfig();

/** Operators that read every node of a label, or every relationship of a type: never what a read should do. */
const SCANS = [
  "AllNodesScan",
  "NodeByLabelScan",
  "DirectedRelationshipTypeScan",
  "UndirectedRelationshipTypeScan",
  "DirectedAllRelationshipsScan",
  "UndirectedAllRelationshipsScan",
];

const customers = { kinds: ["BUYS_FROM" as const], direction: "IN" as const };

/** Every read statement of the store, with the index operator each one must start from. */
const STATEMENTS: [string, CypherQuery, string][] = [
  ["nodesByIds", nodesByIdsQuery(["co-000001"]), "NodeUniqueIndexSeek"],
  ["nodesOfKindByIds", nodesOfKindByIdsQuery("Company", ["co-000001"]), "NodeUniqueIndexSeek"],
  ["listCompanies, first page", listCompaniesQuery({}, { first: 20 }), "NodeIndexScan"],
  ["listCompanies, after a cursor", listCompaniesQuery({}, { first: 20, after: "co-000100" }), "NodeIndexSeekByRange"],
  ["listProducts", listProductsQuery({ first: 20 }), "NodeIndexScan"],
  ["evidenceByIds", evidenceByIdsQuery(["ev-1"]), "NodeUniqueIndexSeek"],
  ["sourcesByIds", sourcesByIdsQuery(["src-1"]), "NodeUniqueIndexSeek"],
  ["metricsOf", metricsOfQuery(["co-000001"]), "NodeIndexSeek"],
  ["relationshipsOf", relationshipsOfQuery(["co-000001"], customers, { first: 10 }, true), "NodeUniqueIndexSeek"],
  [
    "relationshipsOf, symmetric and directed kinds",
    relationshipsOfQuery(["co-000001"], { kinds: ["COMPETES_WITH", "BUYS_FROM"], direction: "OUT" }, {}, false),
    "NodeUniqueIndexSeek",
  ],
  ["relationshipsByIds", relationshipsByIdsQuery(["r-1"]), "DirectedRelationshipUniqueIndexSeek"],
  [
    "listRelationships",
    listRelationshipsQuery({ kinds: ["BUYS_FROM"] }, { first: 10 }),
    "DirectedRelationshipIndexScan",
  ],
  [
    "a planned read of companies",
    planQuery({ kind: "companies", filter: {}, page: { first: 20 } }, [
      { filter: customers, page: { first: 10 }, next: [] },
    ]),
    "NodeIndexScan",
  ],
  [
    "a planned read from a node",
    planQuery({ kind: "nodes", ids: ["co-000001"] }, [{ filter: customers, page: { first: 10 }, next: [] }]),
    "NodeUniqueIndexSeek",
  ],
  [
    "money paths",
    moneyPathsQuery({ fromId: "co-000001", toId: "co-000002", maxDepth: 4, asOf: null, limit: 100, fanoutCap: 500 }),
    "NodeUniqueIndexSeek",
  ],
  ["search", searchQuery("compan", [], 10), "NodeIndexContainsScan"],
];

describe.skipIf(!cfg)("Neo4j plans: every read starts from an index", () => {
  let driver: Driver;

  beforeAll(async () => {
    // Plans depend on the schema and the statistics, so plan against a loaded graph.
    const store = await Neo4jStore.connect(cfg!);
    await store.clear();
    await store.load(generateDataset({ seed: 7, companies: 300 }));
    await store.close();
    driver = neo4j.driver(cfg!.uri, undefined, { disableLosslessIntegers: true });
  });
  afterAll(() => driver?.close());

  it.each(STATEMENTS)("%s", async (_name, query, expected) => {
    const result = await driver.executeQuery(`EXPLAIN ${query.cypher}`, query.params);
    const operators = operatorsOf(result.summary.plan as PlanNode);
    expect(operators).toContain(expected);
    for (const scan of SCANS) expect(operators).not.toContain(scan);
  });
});

interface PlanNode {
  readonly operatorType: string;
  readonly children: readonly PlanNode[];
}

function operatorsOf(plan: PlanNode): string[] {
  return [plan.operatorType.replace(/@.*$/, ""), ...plan.children.flatMap(operatorsOf)];
}
