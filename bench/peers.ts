/**
 * The servers compared on the nested read, in the order they run: what each is sent, how its answer
 * reduces to ids, and which floor it is compared with (the fastest way to give the same answer from
 * the same backend, measured in the same run).
 */
import type { ServerName } from "./serve";
import { NEO4J_GRAPHQL_QUERY, NESTED_QUERY, type NestedIds, PAGE } from "./workloads";

export interface Peer {
  readonly server: ServerName;
  readonly label: string;
  readonly backend: "Neo4j" | "memory";
  /** The peer this one is compared with; none for a floor itself. */
  readonly floor: ServerName | null;
  /** The JSON body POSTed for the nested read. */
  readonly body: string;
  readonly idsOf: (answer: unknown) => NestedIds[];
}

const graphqlBody = (query: string) => JSON.stringify({ query, variables: { first: PAGE } });

export const PEERS: readonly Peer[] = [
  {
    server: "cypher-http",
    label: "Cypher via neo4j-driver, node:http",
    backend: "Neo4j",
    floor: null,
    body: JSON.stringify({ first: PAGE }),
    idsOf: idsOfCypherAnswer,
  },
  {
    server: "neo4j-graphql",
    label: "Neo4j GraphQL Library 7, Apollo",
    backend: "Neo4j",
    floor: "cypher-http",
    body: graphqlBody(NEO4J_GRAPHQL_QUERY),
    idsOf: idsOfNeo4jGraphQLAnswer,
  },
  {
    server: "project-neo4j",
    label: "this project, Neo4jStore",
    backend: "Neo4j",
    floor: "cypher-http",
    body: graphqlBody(NESTED_QUERY),
    idsOf: idsOfProjectAnswer,
  },
  {
    server: "bare-graphql",
    label: "graphql-http over plain objects",
    backend: "memory",
    floor: null,
    body: graphqlBody(NESTED_QUERY),
    idsOf: idsOfProjectAnswer,
  },
  {
    server: "project-memory",
    label: "this project, MemoryStore",
    backend: "memory",
    floor: "bare-graphql",
    body: graphqlBody(NESTED_QUERY),
    idsOf: idsOfProjectAnswer,
  },
];

/** A record of NESTED_CYPHER, which servers/cypher-http.ts runs. */
interface CypherRecord {
  id: string;
  customers: { customer: { id: string; suppliers: { supplier: { id: string } }[] } }[];
}

function idsOfCypherAnswer(answer: unknown): NestedIds[] {
  return (answer as { data: CypherRecord[] }).data.map((c) => ({
    id: c.id,
    customers: c.customers.map(({ customer }) => ({
      id: customer.id,
      suppliers: customer.suppliers.map((s) => s.supplier.id),
    })),
  }));
}

interface Neo4jGraphQLCompany {
  id: string;
  customersConnection?: { edges: { node: Neo4jGraphQLCompany }[] };
  suppliersConnection?: { edges: { node: { id: string } }[] };
}

function idsOfNeo4jGraphQLAnswer(answer: unknown): NestedIds[] {
  return (answer as { data: { companies: Neo4jGraphQLCompany[] } }).data.companies.map((c) => ({
    id: c.id,
    customers: (c.customersConnection?.edges ?? []).map(({ node }) => ({
      id: node.id,
      suppliers: (node.suppliersConnection?.edges ?? []).map((e) => e.node.id),
    })),
  }));
}

interface ProjectCompany {
  id: string;
  customers: { nodes: { customer: { id: string; suppliers: { nodes: { supplier: { id: string } }[] } } }[] };
}

function idsOfProjectAnswer(answer: unknown): NestedIds[] {
  return (answer as { data: { companies: { nodes: ProjectCompany[] } } }).data.companies.nodes.map((c) => ({
    id: c.id,
    customers: c.customers.nodes.map(({ customer }) => ({
      id: customer.id,
      suppliers: customer.suppliers.nodes.map((s) => s.supplier.id),
    })),
  }));
}
