/**
 * Loading a generated graph into the benchmark's Neo4j.
 *
 * Neo4jStore.load writes a whole dataset in one transaction, and the bundled server (512 MB heap)
 * cannot hold that at 100,000 companies ("dbms.memory.transaction.total.max threshold reached").
 * Larger graphs therefore go in with the store's own statements (queries/load-queries.ts), one
 * transaction per batch. Once the store loads large graphs itself, set ONE_TRANSACTION_UP_TO to
 * Infinity and every size uses store.load.
 */
import type { Dataset } from "../src/domain/dataset";
import { NODE_KINDS, RELATIONSHIP_KINDS } from "../src/domain/entities";
import { Neo4jExecutor } from "../src/store/neo4j/executor";
import type { Neo4jConfig } from "../src/store/neo4j/neo4j-config";
import type { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import {
  mergeEvidenceQuery,
  mergeMetricsQuery,
  mergeNodesOfKindQuery,
  mergeRelationshipsOfKindQuery,
  mergeSourcesQuery,
} from "../src/store/neo4j/queries/load-queries";
import type { CypherQuery } from "../src/store/neo4j/queries/cypher-query";

const ONE_TRANSACTION_UP_TO = 20_000;
const ROWS_PER_TRANSACTION = 1_000;

/** Empties the database and loads `d`; returns how it was loaded, for the results. */
export async function loadIntoNeo4j(store: Neo4jStore, cfg: Neo4jConfig, d: Dataset): Promise<string> {
  await store.clear();
  const oneTransaction = d.companies.length <= ONE_TRANSACTION_UP_TO;
  if (oneTransaction) await store.load(d);
  else await loadInBatches(cfg, d);
  const counts = await store.counts();
  if (counts.companies !== d.companies.length || counts.relationships !== d.relationships.length) {
    throw new Error(
      `Neo4j holds ${counts.companies} companies and ${counts.relationships} relationships after loading ` +
        `${d.companies.length} and ${d.relationships.length}`,
    );
  }
  return oneTransaction
    ? "Neo4jStore.load, one transaction"
    : `the store's statements, ${ROWS_PER_TRANSACTION.toLocaleString("en")} rows per transaction`;
}

/** Into an empty database (nothing to replace): nodes first, then relationships between them. */
async function loadInBatches(cfg: Neo4jConfig, d: Dataset): Promise<void> {
  const db = new Neo4jExecutor(cfg);
  const write = async <T>(rows: readonly T[], build: (batch: T[]) => CypherQuery) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
      const query = build(rows.slice(i, i + ROWS_PER_TRANSACTION));
      await db.write(query.cypher, query.params, () => undefined);
    }
  };
  try {
    await write(d.sources, mergeSourcesQuery);
    await write(d.evidence, mergeEvidenceQuery);
    const entities = [...d.companies, ...d.products, ...d.people];
    for (const kind of NODE_KINDS) {
      await write(
        entities.filter((n) => n.nodeKind === kind),
        (batch) => mergeNodesOfKindQuery(kind, batch),
      );
    }
    for (const kind of RELATIONSHIP_KINDS) {
      await write(
        d.relationships.filter((r) => r.kind === kind),
        (batch) => mergeRelationshipsOfKindQuery(kind, batch),
      );
    }
    await write(d.metrics, mergeMetricsQuery);
  } finally {
    await db.close();
  }
}
