/**
 * The floor for the GraphQL layer: graphql-http over a hand-written GraphQLSchema whose resolvers read
 * plain arrays and maps built once from the same dataset (each company's customers and suppliers
 * sorted by relationship id). No DataLoader, no guards, no framework: what graphql-js costs for the
 * nested read when the data is already in memory. It answers NESTED_QUERY as our schema does.
 */
import { createServer } from "node:http";
import {
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from "graphql";
import { createHandler } from "graphql-http/lib/use/http";
import type { Dataset } from "../../src/domain/dataset";
import type { Company, Relationship } from "../../src/domain/entities";
import { generateDataset } from "../../seed/generator";
import { closeServer, listenOnFreePort, type StartServer } from "../peer-server";

interface Graph {
  readonly companies: readonly Company[];
  readonly byId: ReadonlyMap<string, Company>;
  readonly customersOf: ReadonlyMap<string, readonly Relationship[]>;
  readonly suppliersOf: ReadonlyMap<string, readonly Relationship[]>;
}

export const start: StartServer = async (settings) => {
  const graph = indexed(generateDataset({ seed: settings.seed, companies: settings.companies }));
  const handler = createHandler({ schema: schemaOver(graph) });
  const server = createServer((req, res) => {
    handler(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  const url = await listenOnFreePort(server, "/graphql");
  return { url, stop: () => closeServer(server) };
};

function indexed(d: Dataset): Graph {
  const customersOf = new Map<string, Relationship[]>();
  const suppliersOf = new Map<string, Relationship[]>();
  const add = (map: Map<string, Relationship[]>, key: string, r: Relationship) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const r of d.relationships) {
    if (r.kind !== "BUYS_FROM") continue;
    add(customersOf, r.to, r);
    add(suppliersOf, r.from, r);
  }
  const byRelationshipId = (a: Relationship, b: Relationship) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const list of [...customersOf.values(), ...suppliersOf.values()]) list.sort(byRelationshipId);
  const companies = [...d.companies].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { companies, byId: new Map(companies.map((c) => [c.id, c])), customersOf, suppliersOf };
}

/** Companies, BuyRelationship edges and Money, with the field names and arguments NESTED_QUERY uses. */
function schemaOver(graph: Graph): GraphQLSchema {
  const page = <T>(items: readonly T[] | undefined, n: number | undefined) => ({ nodes: (items ?? []).slice(0, n) });
  const relationshipsOf = (map: ReadonlyMap<string, readonly Relationship[]>) => ({
    type: buyConnection,
    args: FIRST,
    resolve: (c: Company, args: { first?: number }) => page(map.get(c.id), args.first),
  });
  const company: GraphQLObjectType = new GraphQLObjectType({
    name: "Company",
    fields: () => ({
      id: { type: new GraphQLNonNull(GraphQLID) },
      name: { type: new GraphQLNonNull(GraphQLString) },
      customers: relationshipsOf(graph.customersOf),
      suppliers: relationshipsOf(graph.suppliersOf),
    }),
  });
  const buy = new GraphQLObjectType({
    name: "BuyRelationship",
    fields: {
      spend: { type: MONEY, resolve: (r: Relationship) => r.amount },
      customer: { type: new GraphQLNonNull(company), resolve: (r: Relationship) => graph.byId.get(r.from) },
      supplier: { type: new GraphQLNonNull(company), resolve: (r: Relationship) => graph.byId.get(r.to) },
    },
  });
  const buyConnection = connectionOf("BuyRelationshipConnection", buy);
  const companies = {
    type: connectionOf("CompanyConnection", company),
    args: FIRST,
    resolve: (_root: unknown, args: { first?: number }) => page(graph.companies, args.first),
  };
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields: { companies } }) });
}

const FIRST = { first: { type: GraphQLInt } };

const MONEY = new GraphQLObjectType({
  name: "Money",
  fields: {
    low: { type: new GraphQLNonNull(GraphQLFloat) },
    // An unbounded high is null in the API (Infinity is no JSON number).
    high: { type: GraphQLFloat, resolve: (m: { high: number }) => (Number.isFinite(m.high) ? m.high : null) },
  },
});

/** `{ nodes: [T!]! }` */
function connectionOf(name: string, node: GraphQLObjectType): GraphQLObjectType {
  const nodes = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(node)));
  return new GraphQLObjectType({ name, fields: { nodes: { type: nodes } } });
}
