/**
 * What each main workload costs Neo4j, in db hits (storage accesses, the planner's own measure):
 * every statement a workload sends is recorded through the store's query hook, then run once more
 * under PROFILE and its db hits and result rows summed. Unlike times, db hits do not depend on what
 * else the machine is doing, so they compare across runs and machines.
 */
import { graphql, type GraphQLSchema } from "graphql";
import neo4jDriver, { type Driver } from "neo4j-driver";
import { competitiveRiskPaths, flowPaths } from "../src/analytics";
import type { Dataset } from "../src/domain/dataset";
import { createContext } from "../src/graphql/context";
import { loadConfig } from "../src/server/config";
import type { MemoryStore } from "../src/store/memory/memory-store";
import type { Neo4jConfig } from "../src/store/neo4j/neo4j-config";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { companies } from "./table";
import { biggestSuppliers, flowPairs, NESTED_CYPHER, NESTED_QUERY, NESTED_READ, PAGE } from "./workloads";

interface Statement {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
}

interface ProfiledPlan {
  readonly dbHits?: number;
  readonly rows?: number;
  readonly children?: readonly ProfiledPlan[];
}

/** Rows `companies, workload, statements, db hits, rows returned`. */
export async function profileWorkloads(
  config: Neo4jConfig,
  schema: GraphQLSchema,
  dataset: Dataset,
  memory: MemoryStore,
): Promise<string[][]> {
  const recorded: Statement[] = [];
  const store = await Neo4jStore.connect(config, { onQuery: (cypher, params) => recorded.push({ cypher, params }) });
  const driver = neo4jDriver.driver(
    config.uri,
    config.password === null ? undefined : neo4jDriver.auth.basic(config.user, config.password),
  );
  try {
    const workloads = await workloadsOf(store, schema, dataset, memory);
    const rows: string[][] = [
      [
        companies(dataset.companies.length),
        `${NESTED_READ}, hand-written Cypher (floor)`,
        ...(await profiled(driver, config, [{ cypher: NESTED_CYPHER, params: { first: neo4jDriver.int(PAGE) } }])),
      ],
    ];
    for (const [name, run] of workloads) {
      recorded.length = 0;
      await run();
      rows.push([companies(dataset.companies.length), name, ...(await profiled(driver, config, [...recorded]))]);
    }
    return rows;
  } finally {
    await driver.close();
    await store.close();
  }
}

async function workloadsOf(
  store: Neo4jStore,
  schema: GraphQLSchema,
  dataset: Dataset,
  memory: MemoryStore,
): Promise<[string, () => Promise<unknown>][]> {
  const limits = loadConfig({}).limits;
  const nested = () =>
    graphql({
      schema,
      source: NESTED_QUERY,
      variableValues: { first: PAGE },
      contextValue: createContext(store, limits),
    });
  const unplanned = () =>
    graphql({
      schema,
      source: NESTED_QUERY,
      variableValues: { first: PAGE },
      contextValue: createContext(store, limits, { planReads: false }),
    });
  const [pair] = await flowPairs(dataset, memory, 1);
  const [hub] = biggestSuppliers(dataset, 1);
  return [
    [`${NESTED_READ}, this project (planned)`, nested],
    [`${NESTED_READ}, this project (level by level)`, unplanned],
    ...(pair
      ? [
          [`flowPaths depth 6 (pushdown)`, () => flowPaths(store, { fromId: pair[0], toId: pair[1], maxDepth: 6 })] as [
            string,
            () => Promise<unknown>,
          ],
        ]
      : []),
    ...(hub
      ? [
          [
            `competitiveRiskPaths depth 4, top supplier`,
            () => competitiveRiskPaths(store, { companyId: hub, maxDepth: 4 }),
          ] as [string, () => Promise<unknown>],
        ]
      : []),
  ];
}

/** `statements, db hits, rows` for statements run once more under PROFILE (read transactions, so nothing changes). */
async function profiled(driver: Driver, config: Neo4jConfig, statements: readonly Statement[]): Promise<string[]> {
  let dbHits = 0;
  let rows = 0;
  for (const statement of statements) {
    const result = await driver.executeQuery(`PROFILE ${statement.cypher}`, statement.params, {
      routing: neo4jDriver.routing.READ,
      ...(config.database ? { database: config.database } : {}),
    });
    const plan = result.summary.profile as ProfiledPlan | false;
    if (plan) dbHits += totalHits(plan);
    rows += result.records.length;
  }
  return [String(statements.length), dbHits.toLocaleString("en"), rows.toLocaleString("en")];
}

function totalHits(plan: ProfiledPlan): number {
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce((sum, child) => sum + totalHits(child), 0);
}
