/**
 * The Cypher of every Neo4j store statement, checked as text without a database: each statement is
 * a `.cypher` file under __snapshots__/cypher/, and its parameters are inline below, so that a
 * change to a query shows up in review as a text diff. Whether the statements give the right answers
 * is the conformance suites' job (test/conformance), against a real Neo4j.
 *
 * After an intended change to a statement, `npx vitest run test/unit/cypher-translation.test.ts -u`
 * rewrites the snapshots; review the diff like code.
 */
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import {
  type Company,
  type Evidence,
  type Metric,
  NODE_KINDS,
  type NodeKind,
  type Person,
  type Product,
  type Relationship,
  type RelationshipKind,
  type RelationshipStatus,
  type Source,
} from "../../src/domain/entities";
import type { Direction, PlannedList, RelationshipFilter } from "../../src/store/graph-store";
import { countsQuery } from "../../src/store/neo4j/queries/count-queries";
import { cypher, type CypherQuery, nodeProjection } from "../../src/store/neo4j/queries/cypher-query";
import {
  createRelationshipsOfKindQuery,
  deleteNodesBatchQuery,
  deleteRelationshipsBatchQuery,
  knownEntityIdsQuery,
  storeContentsQuery,
  sweepReplacedRelationshipsQuery,
  updateRelationshipsOfKindQuery,
  type WriteMode,
  writeEvidenceQuery,
  writeMetricsQuery,
  writeNodesOfKindQuery,
  writeSourcesQuery,
} from "../../src/store/neo4j/queries/load-queries";
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
import {
  listRelationshipsQuery,
  relationshipsByIdsQuery,
  relationshipsOfEachQuery,
  relationshipsOfQuery,
  selectedKinds,
} from "../../src/store/neo4j/queries/relationship-queries";
import { searchQuery } from "../../src/store/neo4j/queries/search-query";
import { planQuery } from "../../src/store/neo4j/queries/plan-query";

// A Cypher integer (from cypherInt) prints as int(n). A plain number would hide the difference that
// matters: LIMIT and list slices refuse the float a JavaScript number becomes.
expect.addSnapshotSerializer({
  test: (value: unknown) => neo4j.isInt(value),
  serialize: (value: { toString(): string }) => `int(${value.toString()})`,
});

/** Compares the statement text with its `.cypher` file (which ends in a newline, as text files do). */
async function expectCypher(query: CypherQuery, name: string): Promise<void> {
  await expect(`${query.cypher}\n`, `${name}.cypher`).toMatchFileSnapshot(`./__snapshots__/cypher/${name}.cypher`);
}

// ---------- records for the load statements ----------

const WRITE_MODES: readonly WriteMode[] = ["CREATE", "MERGE"];

function source(id: string): Source {
  return {
    id,
    kind: "FILING",
    title: "Annual report 2024",
    publishedOn: "2025-02-01",
    language: "en",
    publisher: "Acme Corp",
    url: null,
    document: null,
    derivedFrom: [],
    derivations: [],
  };
}

function evidence(id: string): Evidence {
  return {
    id,
    sourceId: "annual-report",
    kind: "QUOTE",
    quote: "Globex remains our largest supplier.",
    locator: "p. 12",
    gloss: "Globex remains our largest supplier.",
    refersTo: { from: "2024-01-01", to: "2024-12-31", label: "2024" },
    disclosure: "DISCLOSED",
    facts: ["F1"],
  };
}

function company(id: string): Company {
  const base = { id, name: "Acme Corp", aliases: ["Acme"], description: null, evidenceIds: ["e-1"] };
  return { ...base, nodeKind: "Company", country: "US", kind: "retailer" };
}

function product(id: string): Product {
  return {
    id,
    nodeKind: "Product",
    name: "Widget",
    aliases: [],
    description: "A widget",
    evidenceIds: [],
    category: "x",
  };
}

function person(id: string): Person {
  return { id, nodeKind: "Person", name: "Jane Roe", aliases: [], description: null, evidenceIds: [] };
}

function relationship(id: string, from = "acme", to = "globex"): Relationship {
  return {
    id,
    kind: "BUYS_FROM",
    from,
    to,
    productId: "widget",
    amount: { low: 1_000_000, high: Infinity, estimate: null, qualifier: "AT_LEAST", period: "YEAR", currency: "USD" },
    market: null,
    role: null,
    purpose: "resale",
    status: "CURRENT",
    validFrom: "2023-01-01",
    validTo: null,
    confidence: 0.9,
    evidenceIds: ["e-1"],
    note: null,
    agreement: { claims: 2, independentOrigins: 1, conflicting: true, gap: 0.5, dissent: ["c-2"], incomparable: [] },
    firstReported: "2023-02-01",
    lastReported: "2023-03-01",
    knownAt: null,
  };
}

function metric(id: string): Metric {
  return {
    id,
    kind: "REVENUE",
    subjectId: "acme",
    productId: null,
    counterpartyId: null,
    description: "Revenue 2024",
    money: { low: 5e9, high: 5e9, estimate: 5e9, qualifier: "EXACT", period: "YEAR", currency: "USD" },
    quantity: null,
    refersTo: { from: "2024-01-01", to: "2024-12-31", label: "2024" },
    evidenceIds: ["e-1"],
  };
}

function nodeOfKind(kind: NodeKind, id: string) {
  return { Company: company, Product: product, Person: person }[kind](id);
}

// ---------- the statements ----------

describe("node lookups", () => {
  it("nodesByIds asks for each id once, in one statement", async () => {
    const query = nodesByIdsQuery(["acme", "globex", "acme"]);
    await expectCypher(query, "nodes-by-ids");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "ids": [
          "acme",
          "globex",
        ],
      }
    `);
  });

  it("nodesOfKindByIds", async () => {
    const query = nodesOfKindByIdsQuery("Product", ["widget", "acme"]);
    await expectCypher(query, "nodes-of-kind-by-ids");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "ids": [
          "widget",
          "acme",
        ],
        "kind": "Product",
      }
    `);
  });

  it("evidenceByIds and sourcesByIds", async () => {
    const evidenceQuery = evidenceByIdsQuery(["e-1", "e-2"]);
    const sourcesQuery = sourcesByIdsQuery(["annual-report"]);
    await expectCypher(evidenceQuery, "evidence-by-ids");
    await expectCypher(sourcesQuery, "sources-by-ids");
    expect([evidenceQuery.params, sourcesQuery.params]).toMatchInlineSnapshot(`
      [
        {
          "ids": [
            "e-1",
            "e-2",
          ],
        },
        {
          "ids": [
            "annual-report",
          ],
        },
      ]
    `);
  });

  it("metricsOf, with kinds and without", async () => {
    const ofKinds = metricsOfQuery(["acme", "globex"], ["REVENUE", "CUSTOMER_SHARE"]);
    const allKinds = metricsOfQuery(["acme", "globex"], []);
    await expectCypher(ofKinds, "metrics-of");
    expect(allKinds.cypher).toBe(ofKinds.cypher);
    expect({ ofKinds: ofKinds.params, allKinds: allKinds.params }).toMatchInlineSnapshot(`
      {
        "allKinds": {
          "ids": [
            "acme",
            "globex",
          ],
          "kinds": null,
        },
        "ofKinds": {
          "ids": [
            "acme",
            "globex",
          ],
          "kinds": [
            "REVENUE",
            "CUSTOMER_SHARE",
          ],
        },
      }
    `);
  });
});

describe("node lists", () => {
  it("listCompanies with filters and a page", async () => {
    const query = listCompaniesQuery(
      { kind: "retailer", country: "US", ids: ["acme", "globex"] },
      { first: 10, after: "acme" },
    );
    await expectCypher(query, "list-companies-page");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "after": "acme",
        "country": "US",
        "ids": [
          "acme",
          "globex",
        ],
        "kind": "retailer",
        "limit": int(11),
      }
    `);
  });

  it("listCompanies without filters or page size, and with an empty id list (which selects nothing)", async () => {
    const all = listCompaniesQuery({}, {});
    const none = listCompaniesQuery({ ids: [] }, {});
    await expectCypher(all, "list-companies-all");
    // The empty id list is a predicate like any other, so it selects nothing rather than everything.
    expect(none.cypher).toBe(
      all.cypher
        .replaceAll("MATCH (n:Company)", "MATCH (n:Company) WHERE n.id IN $ids")
        .replace("WHERE n.id IN $ids WHERE", "WHERE n.id IN $ids AND"),
    );
    expect({ all: all.params, none: none.params }).toMatchInlineSnapshot(`
      {
        "all": {
          "after": null,
          "country": null,
          "ids": null,
          "kind": null,
          "limit": null,
        },
        "none": {
          "after": null,
          "country": null,
          "ids": [],
          "kind": null,
          "limit": null,
        },
      }
    `);
  });

  it("listProducts", async () => {
    const query = listProductsQuery({ first: 2 });
    await expectCypher(query, "list-products-page");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "after": null,
        "limit": int(3),
      }
    `);
  });
});

describe("relationships", () => {
  const filter: RelationshipFilter = {
    kinds: ["BUYS_FROM"],
    direction: "IN",
    productIds: ["widget"],
    asOf: "2024-06-30",
  };

  it("relationshipsOf two nodes, one kind, inbound, with their neighbours", async () => {
    const query = relationshipsOfQuery(["acme", "globex"], filter, { first: 2, after: "r-1" }, true);
    await expectCypher(query, "relationships-of-with-neighbours");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "after": "r-1",
        "asOf": "2024-06-30",
        "counterpartIds": null,
        "ids": [
          "acme",
          "globex",
        ],
        "productIds": [
          "widget",
        ],
        "statuses": null,
        "take": int(3),
      }
    `);
  });

  it("relationshipsOf without neighbours differs only in leaving out the other ends", async () => {
    const query = relationshipsOfQuery(["acme", "globex"], filter, { first: 2, after: "r-1" }, false);
    await expectCypher(query, "relationships-of");
    const withNeighbours = relationshipsOfQuery(["acme", "globex"], filter, { first: 2, after: "r-1" }, true);
    expect(withNeighbours.cypher.replace(nodeProjection("m"), "null")).toBe(query.cypher);
    expect(query.params).toStrictEqual(withNeighbours.params);
  });

  it("relationshipsOf every kind, both directions, unpaged", async () => {
    const query = relationshipsOfQuery(["acme"], {}, {}, false);
    await expectCypher(query, "relationships-of-all-kinds");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "after": null,
        "asOf": null,
        "counterpartIds": null,
        "ids": [
          "acme",
        ],
        "productIds": null,
        "statuses": null,
        "take": null,
      }
    `);
  });

  it("relationshipsByIds", async () => {
    const query = relationshipsByIdsQuery(["r-1", "r-2", "r-1"]);
    await expectCypher(query, "relationships-by-ids");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "ids": [
          "r-1",
          "r-2",
        ],
      }
    `);
  });

  it("listRelationships with filters and a page", async () => {
    const query = listRelationshipsQuery(
      {
        kinds: ["BUYS_FROM", "INVESTS_IN"],
        counterpartIds: ["acme"],
        statuses: ["CURRENT", "REPORTED"],
        asOf: "2024-06-30",
      },
      { first: 50, after: "r-1" },
    );
    await expectCypher(query, "list-relationships-page");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "after": "r-1",
        "asOf": "2024-06-30",
        "counterpartIds": [
          "acme",
        ],
        "limit": int(51),
        "productIds": null,
        "statuses": [
          "CURRENT",
          "REPORTED",
        ],
      }
    `);
  });

  it("listRelationships of every kind, unpaged", async () => {
    const query = listRelationshipsQuery({}, {});
    await expectCypher(query, "list-relationships-all");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "after": null,
        "asOf": null,
        "counterpartIds": null,
        "limit": null,
        "productIds": null,
        "statuses": null,
      }
    `);
  });
});

describe("a whole planned read", () => {
  // Ids, ends and spend only, as a read of `spend { low high }` and the ends' ids asks; the
  // customers' count is shown, the suppliers' is not.
  const customersThenSuppliers: PlannedList = {
    filter: { kinds: ["BUYS_FROM"], direction: "IN" },
    page: { first: 10 },
    parts: ["amount"],
    next: [
      {
        filter: { kinds: ["BUYS_FROM"], direction: "OUT", asOf: "2024-06-30" },
        page: { first: 10 },
        parts: ["amount"],
        withTotalCount: false,
        next: [],
      },
    ],
  };

  it("20 companies, their first 10 customers, each customer's first 10 suppliers: one statement", async () => {
    const query = planQuery({ kind: "companies", filter: {}, page: { first: 20 } }, [customersThenSuppliers]);
    await expectCypher(query, "plan-companies-customers-suppliers");
    expect(Object.keys(query.params).sort()).toEqual([
      "country",
      "ids",
      "kind",
      "l0_0_after",
      "l0_0_asOf",
      "l0_0_counterpartIds",
      "l0_0_productIds",
      "l0_0_statuses",
      "l0_0_take",
      "l0_after",
      "l0_asOf",
      "l0_counterpartIds",
      "l0_productIds",
      "l0_statuses",
      "l0_take",
      "nodesPerRecord",
      "rootAfter",
      "rootTake",
    ]);
  });

  it("from nodes by id, with two lists side by side", async () => {
    const competitors: PlannedList = { filter: { kinds: ["COMPETES_WITH"], direction: "BOTH" }, page: {}, next: [] };
    const query = planQuery({ kind: "nodes", ids: ["acme", "acme", "globex"] }, [customersThenSuppliers, competitors]);
    await expectCypher(query, "plan-nodes-two-lists");
    expect(query.params.rootIds).toEqual(["acme", "globex"]);
  });

  it("nodes ship only the columns the plan names: the root's its own, the other ends every list's", async () => {
    const names: PlannedList = { ...customersThenSuppliers, nodeColumns: ["name"] };
    const competitors: PlannedList = {
      filter: { kinds: ["COMPETES_WITH"], direction: "BOTH" },
      page: {},
      nodeColumns: ["country"],
      next: [],
    };
    const query = planQuery({ kind: "nodes", ids: ["acme"], columns: ["description"] }, [names, competitors]);
    await expectCypher(query, "plan-nodes-columns");
    expect(query.cypher).toContain("[n.id, n.nodeKind, n.description]");
    // The suppliers under the customers ask for every column: the other ends ship whole.
    expect(query.cypher).toContain(`collect(${nodeProjection("m")}) AS nodes`);
    const narrow = planQuery({ kind: "nodes", ids: ["acme"] }, [
      { ...competitors, next: [] },
      { ...names, next: [] },
    ]);
    expect(narrow.cypher).toContain("collect([m.id, m.nodeKind, m.name, m.country]) AS nodes");
  });
});

describe("search, money paths and counts", () => {
  it("search", async () => {
    const query = searchQuery("acme", ["Company", "Product"], 10);
    await expectCypher(query, "search");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "kinds": [
          "Company",
          "Product",
        ],
        "limit": int(10),
        "q": "acme",
        "wordQ": " acme",
      }
    `);
  });

  it("relationshipsOfEach: one level of a search, outward and inward, in one statement", async () => {
    const query = relationshipsOfEachQuery([
      {
        nodeIds: ["acme", "globex", "acme"],
        filter: { kinds: ["SUBSIDIARY_OF", "COMPETES_WITH"], direction: "OUT" },
        page: { first: 500 },
      },
      {
        nodeIds: ["model-1"],
        filter: { kinds: ["OFFERS"], direction: "IN", asOf: "2024-06-30" },
        page: { first: 10 },
        options: { withNeighbours: true },
      },
    ]);
    await expectCypher(query, "relationships-of-each");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "read0_after": null,
        "read0_asOf": null,
        "read0_counterpartIds": null,
        "read0_ids": [
          "acme",
          "globex",
        ],
        "read0_productIds": null,
        "read0_statuses": null,
        "read0_take": int(501),
        "read1_after": null,
        "read1_asOf": "2024-06-30",
        "read1_counterpartIds": null,
        "read1_ids": [
          "model-1",
        ],
        "read1_productIds": null,
        "read1_statuses": null,
        "read1_take": int(11),
      }
    `);
  });

  it("findMoneyPaths at depth 4 on a date", async () => {
    const query = moneyPathsQuery({
      fromId: "acme",
      toId: "globex",
      maxDepth: 4,
      asOf: "2024-06-30",
      limit: 200,
      fanoutCap: 50,
    });
    await expectCypher(query, "money-paths-depth-4");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "asOf": "2024-06-30",
        "backward": [
          "TAKES_REVENUE_SHARE",
        ],
        "fanoutCap": int(50),
        "forward": [
          "BUYS_FROM",
          "INVESTS_IN",
        ],
        "fromId": "acme",
        "maxDepth": int(4),
        "take": int(201),
        "toId": "globex",
      }
    `);
  });

  it("findMoneyPaths spells only the depth's quantifier", () => {
    const depths = [1, 6].map(
      (maxDepth) =>
        moneyPathsQuery({ fromId: "a", toId: "b", maxDepth, asOf: null, limit: 1, fanoutCap: 1 }).cypher.match(
          /\)\{1,\d\} \(z\)/,
        )?.[0],
    );
    expect(depths).toEqual(["){1,1} (z)", "){1,6} (z)"]);
    expect(() => moneyPathsQuery({ fromId: "a", toId: "b", maxDepth: 7, asOf: null, limit: 1, fanoutCap: 1 })).toThrow(
      /no path quantifier/,
    );
  });

  it("counts", async () => {
    const query = countsQuery();
    await expectCypher(query, "counts");
    expect(query.params).toEqual({});
  });
});

describe("load and clear, one batch each", () => {
  it("writes sources, evidence and metrics with CREATE into an empty label, MERGE otherwise", async () => {
    for (const mode of WRITE_MODES) {
      const name = mode.toLowerCase();
      await expectCypher(writeSourcesQuery(mode, [source("annual-report")]), `load-${name}-sources`);
      await expectCypher(writeEvidenceQuery(mode, [evidence("e-1")]), `load-${name}-evidence`);
      await expectCypher(writeMetricsQuery(mode, [metric("acme-revenue-2024")]), `load-${name}-metrics`);
    }
    const sources = writeSourcesQuery("MERGE", [source("annual-report")]);
    const evidenceRows = writeEvidenceQuery("MERGE", [evidence("e-1")]);
    const metrics = writeMetricsQuery("MERGE", [metric("acme-revenue-2024")]);
    expect(writeSourcesQuery("CREATE", [source("annual-report")]).params).toEqual(sources.params);
    expect({ sources: sources.params, evidence: evidenceRows.params, metrics: metrics.params }).toMatchInlineSnapshot(`
      {
        "evidence": {
          "rows": [
            {
              "disclosure": "DISCLOSED",
              "facts": [
                "F1",
              ],
              "gloss": "Globex remains our largest supplier.",
              "id": "e-1",
              "kind": "QUOTE",
              "locator": "p. 12",
              "quote": "Globex remains our largest supplier.",
              "refersToFrom": "2024-01-01",
              "refersToLabel": "2024",
              "refersToTo": "2024-12-31",
              "sourceId": "annual-report",
            },
          ],
        },
        "metrics": {
          "rows": [
            {
              "description": "Revenue 2024",
              "evidenceIds": [
                "e-1",
              ],
              "id": "acme-revenue-2024",
              "kind": "REVENUE",
              "moneyCurrency": "USD",
              "moneyEstimate": 5000000000,
              "moneyHigh": 5000000000,
              "moneyLow": 5000000000,
              "moneyPeriod": "YEAR",
              "moneyQualifier": "EXACT",
              "refersToFrom": "2024-01-01",
              "refersToLabel": "2024",
              "refersToTo": "2024-12-31",
              "subjectId": "acme",
            },
          ],
        },
        "sources": {
          "rows": [
            {
              "id": "annual-report",
              "kind": "FILING",
              "language": "en",
              "publishedOn": "2025-02-01",
              "publisher": "Acme Corp",
              "title": "Annual report 2024",
            },
          ],
        },
      }
    `);
  });

  it("writes the nodes of each kind; a MERGE drops the other kinds' labels", async () => {
    for (const mode of WRITE_MODES) {
      for (const kind of NODE_KINDS) {
        const query = writeNodesOfKindQuery(kind, mode, [nodeOfKind(kind, "n-1")]);
        await expectCypher(query, `load-${mode.toLowerCase()}-nodes-${kind}`);
      }
    }
    expect(writeNodesOfKindQuery("Company", "MERGE", [company("acme")]).params).toMatchInlineSnapshot(`
      {
        "rows": [
          {
            "aliases": [
              "Acme",
            ],
            "country": "US",
            "evidenceIds": [
              "e-1",
            ],
            "id": "acme",
            "kind": "retailer",
            "name": "Acme Corp",
            "nodeKind": "Company",
            "searchKeys": [
              "acme corp",
              "acme",
            ],
            "searchText": "acme corp
      acme",
          },
        ],
      }
    `);
  });

  it("reads what the store holds, label by label and type by type, from the count store", async () => {
    const query = storeContentsQuery();
    await expectCypher(query, "load-store-contents");
    expect(query.params).toEqual({});
  });

  it("replaces relationships whose id changed type or ends, then updates or creates them per type", async () => {
    const batch = [relationship("acme-buys-from-globex"), relationship("acme-buys-from-initech", "acme", "initech")];
    const sweep = sweepReplacedRelationshipsQuery(["BUYS_FROM", "OFFERS"], batch);
    const create = createRelationshipsOfKindQuery("BUYS_FROM", batch);
    const update = updateRelationshipsOfKindQuery("BUYS_FROM", batch);
    await expectCypher(sweep, "load-sweep-replaced-relationships");
    await expectCypher(create, "load-create-relationships-BUYS_FROM");
    await expectCypher(update, "load-update-relationships-BUYS_FROM");
    expect(update.params).toEqual(create.params);
    expect({ sweep: sweep.params, create: create.params }).toMatchInlineSnapshot(`
      {
        "create": {
          "rows": [
            {
              "from": "acme",
              "props": {
                "agreementClaims": 2,
                "agreementConflicting": true,
                "agreementDissent": [
                  "c-2",
                ],
                "agreementGap": 0.5,
                "agreementOrigins": 1,
                "amountCurrency": "USD",
                "amountLow": 1000000,
                "amountPeriod": "YEAR",
                "amountQualifier": "AT_LEAST",
                "confidence": 0.9,
                "evidenceIds": [
                  "e-1",
                ],
                "firstReported": "2023-02-01",
                "id": "acme-buys-from-globex",
                "lastReported": "2023-03-01",
                "productId": "widget",
                "purpose": "resale",
                "status": "CURRENT",
                "validFrom": "2023-01-01",
                "viewRules": 2,
              },
              "to": "globex",
            },
            {
              "from": "acme",
              "props": {
                "agreementClaims": 2,
                "agreementConflicting": true,
                "agreementDissent": [
                  "c-2",
                ],
                "agreementGap": 0.5,
                "agreementOrigins": 1,
                "amountCurrency": "USD",
                "amountLow": 1000000,
                "amountPeriod": "YEAR",
                "amountQualifier": "AT_LEAST",
                "confidence": 0.9,
                "evidenceIds": [
                  "e-1",
                ],
                "firstReported": "2023-02-01",
                "id": "acme-buys-from-initech",
                "lastReported": "2023-03-01",
                "productId": "widget",
                "purpose": "resale",
                "status": "CURRENT",
                "validFrom": "2023-01-01",
                "viewRules": 2,
              },
              "to": "initech",
            },
          ],
        },
        "sweep": {
          "rows": [
            {
              "from": "acme",
              "id": "acme-buys-from-globex",
              "kind": "BUYS_FROM",
              "to": "globex",
            },
            {
              "from": "acme",
              "id": "acme-buys-from-initech",
              "kind": "BUYS_FROM",
              "to": "initech",
            },
          ],
        },
      }
    `);
  });

  it("looks up which relationship ends outside the dataset are stored", async () => {
    const query = knownEntityIdsQuery(["acme", "globex", "initech"]);
    await expectCypher(query, "load-known-entity-ids");
    expect(query.params).toMatchInlineSnapshot(`
      {
        "ids": [
          "acme",
          "globex",
          "initech",
        ],
      }
    `);
  });

  it("clears relationships, then nodes, in batches", async () => {
    const relationships = deleteRelationshipsBatchQuery(10_000);
    const nodes = deleteNodesBatchQuery(10_000);
    await expectCypher(relationships, "clear-delete-relationships-batch");
    await expectCypher(nodes, "clear-delete-nodes-batch");
    expect(nodes.params).toEqual(relationships.params);
    expect(nodes.params).toMatchInlineSnapshot(`
      {
        "batch": int(10000),
      }
    `);
  });
});

// ---------- input never becomes Cypher ----------

describe("user input stays in the parameters", () => {
  const hostile = "x' OR 1=1 //";
  const hostileKind = "BUYS_FROM]-() DETACH DELETE n //";

  const queries: [string, CypherQuery][] = [
    ["nodesByIds", nodesByIdsQuery([hostile])],
    ["nodesOfKindByIds", nodesOfKindByIdsQuery("Company", [hostile])],
    ["evidenceByIds", evidenceByIdsQuery([hostile])],
    ["sourcesByIds", sourcesByIdsQuery([hostile])],
    ["metricsOf", metricsOfQuery([hostile], [hostile])],
    ["listCompanies", listCompaniesQuery({ kind: hostile, country: hostile, ids: [hostile] }, { after: hostile })],
    ["listProducts", listProductsQuery({ first: 1, after: hostile })],
    [
      "relationshipsOf",
      relationshipsOfQuery(
        [hostile],
        {
          kinds: ["BUYS_FROM", hostileKind as RelationshipKind],
          direction: hostile as Direction,
          productIds: [hostile],
          counterpartIds: [hostile],
          statuses: [hostile as RelationshipStatus],
          asOf: hostile,
        },
        { first: 1, after: hostile },
        true,
      ),
    ],
    [
      "relationshipsOfEach",
      relationshipsOfEachQuery([
        {
          nodeIds: [hostile],
          filter: {
            kinds: [hostileKind as RelationshipKind, "OFFERS"],
            direction: "IN",
            productIds: [hostile],
            asOf: hostile,
          },
          page: { first: 1, after: hostile },
          options: { withNeighbours: true },
        },
      ]),
    ],
    ["relationshipsByIds", relationshipsByIdsQuery([hostile])],
    [
      "listRelationships",
      listRelationshipsQuery(
        { kinds: [hostileKind as RelationshipKind, "OFFERS"], counterpartIds: [hostile], asOf: hostile },
        { first: 1, after: hostile },
      ),
    ],
    ["search", searchQuery(hostile, [hostile as NodeKind], 5)],
    [
      "findMoneyPaths",
      moneyPathsQuery({ fromId: hostile, toId: hostile, maxDepth: 2, asOf: hostile, limit: 1, fanoutCap: 1 }),
    ],
    ...WRITE_MODES.flatMap((mode): [string, CypherQuery][] => [
      [`writeSources ${mode}`, writeSourcesQuery(mode, [source(hostile)])],
      [`writeEvidence ${mode}`, writeEvidenceQuery(mode, [evidence(hostile)])],
      [`writeNodesOfKind ${mode}`, writeNodesOfKindQuery("Person", mode, [person(hostile)])],
      [`writeMetrics ${mode}`, writeMetricsQuery(mode, [metric(hostile)])],
    ]),
    [
      "sweepReplacedRelationships",
      sweepReplacedRelationshipsQuery(["BUYS_FROM"], [relationship(hostile, hostile, hostile)]),
    ],
    [
      "createRelationshipsOfKind",
      createRelationshipsOfKindQuery("BUYS_FROM", [relationship(hostile, hostile, hostile)]),
    ],
    [
      "updateRelationshipsOfKind",
      updateRelationshipsOfKindQuery("BUYS_FROM", [relationship(hostile, hostile, hostile)]),
    ],
    ["knownEntityIds", knownEntityIdsQuery([hostile])],
  ];

  it.each(queries)("%s", (_name, query) => {
    expect(query.cypher).not.toContain(hostile);
    expect(query.cypher).not.toContain("1=1");
    expect(query.cypher).not.toContain("DETACH DELETE n //");
    expect(JSON.stringify(query.params)).toContain(JSON.stringify(hostile));
  });

  it("selects relationship types from the fixed list, dropping anything else", () => {
    expect(selectedKinds({ kinds: [hostileKind as RelationshipKind, "OFFERS"] })).toEqual(["OFFERS"]);
    expect(selectedKinds({ kinds: [hostileKind as RelationshipKind] })).toEqual([]);
  });

  it("refuses to spell a label or type that is not in the fixed lists", () => {
    expect(() => writeNodesOfKindQuery(hostile as NodeKind, "MERGE", [])).toThrow(
      /is not one of Company, Product, Person/,
    );
    expect(() => createRelationshipsOfKindQuery(hostileKind as RelationshipKind, [])).toThrow(
      /is not one of BUYS_FROM/,
    );
    expect(() => updateRelationshipsOfKindQuery(hostileKind as RelationshipKind, [])).toThrow(
      /is not one of BUYS_FROM/,
    );
    expect(() => sweepReplacedRelationshipsQuery([hostileKind as RelationshipKind], [])).toThrow(
      /is not one of BUYS_FROM/,
    );
  });
});

describe("the cypher template tag", () => {
  it("removes the source indentation and indents a multi-line fragment to its line", () => {
    const fragment = "a\nUNION ALL\nb";
    const text = cypher`
      CALL () {
        ${fragment}
      }
      RETURN x   `;
    expect(text).toBe("CALL () {\n  a\n  UNION ALL\n  b\n}\nRETURN x");
  });
});
