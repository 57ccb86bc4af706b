import { NODE_KINDS, RELATIONSHIP_KINDS } from "../../domain/entities";
import { DomainError } from "../../domain/errors";
import type { Neo4jExecutor } from "./executor";

/**
 * Constraints and indexes, all `IF NOT EXISTS` so that every start can run them. Community edition
 * has no existence constraints, so required properties are guaranteed by the loader, not here.
 */
function schemaStatements(): string[] {
  const statements = [
    // Every Company/Product/Person also carries :Entity, so ids are unique across node kinds.
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT metric_id IF NOT EXISTS FOR (n:Metric) REQUIRE n.id IS UNIQUE",
    // Derivations are read with their source, and looked up by the source they say it repeats.
    "CREATE CONSTRAINT derivation_id IF NOT EXISTS FOR (n:Derivation) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX derivation_source IF NOT EXISTS FOR (d:Derivation) ON (d.sourceId)",
    "CREATE INDEX derivation_derived_from IF NOT EXISTS FOR (d:Derivation) ON (d.derivedFrom)",
    // Withdrawn relationships are found by id and by either end (see withdrawn-queries.ts).
    "CREATE CONSTRAINT withdrawn_id IF NOT EXISTS FOR (w:WithdrawnRelationship) REQUIRE w.id IS UNIQUE",
    "CREATE INDEX withdrawn_from IF NOT EXISTS FOR (w:WithdrawnRelationship) ON (w.from)",
    "CREATE INDEX withdrawn_to IF NOT EXISTS FOR (w:WithdrawnRelationship) ON (w.to)",
    "CREATE INDEX metric_subject IF NOT EXISTS FOR (m:Metric) ON (m.subjectId)",
    // Claims are read by relationship (claimsOf), by source, and through who supersedes them.
    "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX claim_relationship IF NOT EXISTS FOR (c:Claim) ON (c.relationshipId)",
    "CREATE INDEX claim_source IF NOT EXISTS FOR (c:Claim) ON (c.sourceId)",
    "CREATE INDEX claim_supersedes IF NOT EXISTS FOR (c:Claim) ON (c.supersedes)",
    // The write path: one receipt per batch key, the change feed read in order from a seq.
    "CREATE CONSTRAINT batch_key IF NOT EXISTS FOR (b:Batch) REQUIRE b.key IS UNIQUE",
    // MERGE on a uniquely constrained property is safe under concurrency: two first batches on an
    // empty store cannot both create the change counter, so its lock orders them too.
    "CREATE CONSTRAINT sequence_name IF NOT EXISTS FOR (s:Sequence) REQUIRE s.name IS UNIQUE",
    "CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE",
    "CREATE INDEX change_seq IF NOT EXISTS FOR (c:Change) ON (c.seq)",
    // Search filters on `searchText CONTAINS $q`, which a text index answers.
    "CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:Entity) ON (n.searchText)",
  ];
  // Per-kind id indexes let listCompanies/listProducts read in id order without sorting everything.
  for (const kind of NODE_KINDS) {
    statements.push(`CREATE INDEX ${kind.toLowerCase()}_id IF NOT EXISTS FOR (n:${kind}) ON (n.id)`);
  }
  // Relationship ids are looked up per type (relationshipsByIds, the stale-id sweep on load). A
  // uniqueness constraint is that index plus a guard against two concurrent loads both creating one.
  for (const kind of RELATIONSHIP_KINDS) {
    statements.push(
      `CREATE CONSTRAINT rel_${kind.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${kind}]-() REQUIRE r.id IS UNIQUE`,
    );
  }
  return statements;
}

/**
 * Creates what is missing and waits until every index is online. Safe to run concurrently.
 *
 * The missing rules go in one transaction (schema changes may share one, just not with data): each
 * transaction costs a commit and a wait on the schema lock, about 0.3 s on a fresh server, and a
 * new database misses all of them. Only when that transaction fails (another process made one of
 * the rules meanwhile) is each rule tried on its own. The indexes one commit creates are also filled
 * in one pass over the store, which is what the first start after a bulk import spends its time on.
 */
export async function ensureSchema(executor: Neo4jExecutor): Promise<void> {
  const existing = await existingIndexNames(executor);
  // A constraint's backing index carries the constraint's name, so one listing covers both.
  const missing = schemaStatements().filter((statement) => !existing.has(ruleName(statement)));
  if (missing.length > 0) {
    try {
      await executor.writeTx(async (run) => {
        for (const statement of missing) await run(statement, {});
      });
    } catch (err) {
      if (!madeMeanwhile(err)) throw err;
      for (const statement of missing) await createRule(executor, statement);
    }
  }
  await executor.read("CALL db.awaitIndexes(300)", {}, () => undefined);
}

async function createRule(executor: Neo4jExecutor, statement: string): Promise<void> {
  try {
    await executor.write(statement, {}, () => undefined);
  } catch (err) {
    if (!madeMeanwhile(err)) throw err;
  }
}

/** Two processes starting at once may race on the same rule; the other one already made it. */
function madeMeanwhile(err: unknown): boolean {
  const code = err instanceof DomainError ? String(err.details?.neo4jCode ?? "") : "";
  return /AlreadyExists/.test(code);
}

/** Names of the indexes already there; empty when the user may not list them (then all are tried). */
async function existingIndexNames(executor: Neo4jExecutor): Promise<Set<string>> {
  try {
    const [names] = await executor.read(
      "SHOW INDEXES YIELD name RETURN collect(name) AS names",
      {},
      (rec) => rec.get("names") as string[],
    );
    return new Set(names);
  } catch (err) {
    if (err instanceof DomainError && err.code === "INTERNAL") return new Set();
    throw err;
  }
}

function ruleName(statement: string): string {
  return /^CREATE (?:TEXT )?(?:CONSTRAINT|INDEX) (\S+) IF NOT EXISTS/.exec(statement)?.[1] ?? "";
}
