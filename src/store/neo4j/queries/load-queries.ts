import type { Claim } from "../../../domain/claims";
import {
  type Derivation,
  type Evidence,
  type GraphNode,
  type Metric,
  NODE_KINDS,
  type NodeKind,
  RELATIONSHIP_KINDS,
  type Relationship,
  type RelationshipKind,
  type Source,
} from "../../../domain/entities";
import { VIEW_RULES_VERSION } from "../../../domain/relationship-view";
import { cypherInt, type Params } from "../executor";
import {
  claimProps,
  compact,
  derivationProps,
  evidenceProps,
  metricProps,
  nodeProps,
  relationshipProps,
  sourceProps,
} from "../mapping";
import { cypher, type CypherQuery, spelledFrom } from "./cypher-query";
import { relationshipByIdUnion } from "./relationship-queries";

/*
 * The writes of a load, each for one batch of rows; the store runs each batch in its own
 * transaction. Every statement writes by id and sets all properties with `SET x = row` (a property
 * that became null is removed), so writing the same rows again leaves the same data: a load can be
 * run again, or resumed after a crash, without duplicates or leftovers.
 *
 * CREATE is used where the store knows the ids are new (see WriteMode); MERGE everywhere else.
 */

/**
 * CREATE when the store held no record with the label when the load started (the load writes each
 * id once, so none of its ids can exist yet); MERGE on the id otherwise.
 */
export type WriteMode = "CREATE" | "MERGE";

/** Labels of the records other than graph nodes; spelled here, never from input. */
type RecordLabel = "Source" | "Evidence" | "Metric" | "Claim" | "Derivation";

function writeRecordsQuery(label: RecordLabel, variable: string, mode: WriteMode, rows: Params[]): CypherQuery {
  const write = mode === "CREATE" ? `CREATE (${variable}:${label})` : `MERGE (${variable}:${label} {id: row.id})`;
  return { cypher: `UNWIND $rows AS row ${write} SET ${variable} = row`, params: { rows } };
}

export function writeSourcesQuery(mode: WriteMode, sources: readonly Source[]): CypherQuery {
  return writeRecordsQuery(
    "Source",
    "s",
    mode,
    sources.map((s) => compact(sourceProps(s))),
  );
}

export function writeDerivationsQuery(mode: WriteMode, derivations: readonly Derivation[]): CypherQuery {
  return writeRecordsQuery(
    "Derivation",
    "d",
    mode,
    derivations.map((d) => compact(derivationProps(d))),
  );
}

export function writeEvidenceQuery(mode: WriteMode, evidence: readonly Evidence[]): CypherQuery {
  return writeRecordsQuery(
    "Evidence",
    "e",
    mode,
    evidence.map((e) => compact(evidenceProps(e))),
  );
}

export function writeMetricsQuery(mode: WriteMode, metrics: readonly Metric[]): CypherQuery {
  return writeRecordsQuery(
    "Metric",
    "m",
    mode,
    metrics.map((m) => compact(metricProps(m))),
  );
}

export function writeClaimsQuery(mode: WriteMode, claims: readonly Claim[]): CypherQuery {
  return writeRecordsQuery(
    "Claim",
    "c",
    mode,
    claims.map((c) => compact(claimProps(c))),
  );
}

/** `nodes` are all of `kind`. A node that changed kind since the last load loses its old kind label. */
export function writeNodesOfKindQuery(kind: NodeKind, mode: WriteMode, nodes: readonly GraphNode[]): CypherQuery {
  const label = spelledFrom(NODE_KINDS, kind);
  const otherLabels = NODE_KINDS.filter((other) => other !== label).join(":");
  const text =
    mode === "CREATE"
      ? `UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row`
      : `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row REMOVE n:${otherLabels} SET n:${label}`;
  return { cypher: text, params: { rows: nodes.map((n) => compact(nodeProps(n))) } };
}

/**
 * One row: `labels`, the number of records of each label a load writes, and `relationships`, the
 * number of relationships of each type. Every count comes from Neo4j's count store, so this costs
 * the same on an empty store and on a big one.
 */
export function storeContentsQuery(): CypherQuery {
  const labels = ["Entity", "Source", "Evidence", "Metric", "Claim", "Derivation"].map(
    (label) => `${label}: COUNT { (:${label}) }`,
  );
  const types = RELATIONSHIP_KINDS.map((kind) => `${kind}: COUNT { ()-[:${kind}]->() }`);
  const text = cypher`
    RETURN {
      ${labels.join(",\n")}
    } AS labels, {
      ${types.join(",\n")}
    } AS relationships`;
  return { cypher: text, params: {} };
}

/**
 * For a batch of relationships, finds the stored ones with the same ids among the types `kinds`
 * (the types the store held when the load started: only they can hold an id the load has not
 * written yet). Those with another type or other ends are deleted, so that the batch's write
 * replaces them rather than adding a second one (as MemoryStore does). Rows `id`: the ids stored
 * with the same type and ends, which the batch updates in place; the others it creates.
 */
export function sweepReplacedRelationshipsQuery(
  kinds: readonly RelationshipKind[],
  relationships: readonly Relationship[],
): CypherQuery {
  const text = cypher`
    UNWIND $rows AS row
    CALL (row) {
      ${relationshipByIdUnion("row.id", kinds)}
    }
    WITH row, r, type(r) = row.kind AND fromId = row.from AND toId = row.to AS kept
    CALL (r, kept) {
      WITH r WHERE NOT kept
      DELETE r
    }
    WITH row, kept WHERE kept
    RETURN row.id AS id`;
  return {
    cypher: text,
    params: { rows: relationships.map((r) => ({ id: r.id, kind: r.kind, from: r.from, to: r.to })) },
  };
}

/** The properties a relationship is stored with, by a load, a recorded batch or the bulk import. */
export function storedRelationshipProps(r: Relationship): Params {
  // viewRules is bookkeeping, never read back: which version of the rules made the view (see remakeStaleViews).
  return { ...compact(relationshipProps(r)), viewRules: VIEW_RULES_VERSION };
}

function relationshipRows(relationships: readonly Relationship[]): Params[] {
  return relationships.map((r) => ({ from: r.from, to: r.to, props: storedRelationshipProps(r) }));
}

/**
 * `relationships` are all of `kind` and new to the store. Returns one row `written`: fewer than
 * the batch means an end node is missing. Like every lookup by id in a load, the ends are found by an
 * index seek that a hint pins (see relationshipByIdUnion).
 */
export function createRelationshipsOfKindQuery(
  kind: RelationshipKind,
  relationships: readonly Relationship[],
): CypherQuery {
  const text = cypher`
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.from}) USING INDEX SEEK a:Entity(id)
    MATCH (b:Entity {id: row.to}) USING INDEX SEEK b:Entity(id)
    CREATE (a)-[r:${spelledFrom(RELATIONSHIP_KINDS, kind)}]->(b)
    SET r = row.props
    RETURN count(r) AS written`;
  return { cypher: text, params: { rows: relationshipRows(relationships) } };
}

/**
 * `relationships` are all of `kind` and stored with that type and the same ends (see
 * sweepReplacedRelationshipsQuery): their properties are set again, found through the type's id index.
 */
export function updateRelationshipsOfKindQuery(
  kind: RelationshipKind,
  relationships: readonly Relationship[],
): CypherQuery {
  const type = spelledFrom(RELATIONSHIP_KINDS, kind);
  const text = cypher`
    UNWIND $rows AS row
    MATCH ()-[r:${type} {id: row.props.id}]->() USING INDEX SEEK r:${type}(id)
    SET r = row.props`;
  return { cypher: text, params: { rows: relationshipRows(relationships) } };
}

/** Rows `id` for the ids that are nodes in the store. */
export function knownEntityIdsQuery(ids: readonly string[]): CypherQuery {
  return { cypher: "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id", params: { ids: [...ids] } };
}

/** Deletes up to `batchSize` relationships; one row `deleted`, 0 once there are none. */
export function deleteRelationshipsBatchQuery(batchSize: number): CypherQuery {
  return {
    cypher: "MATCH ()-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted",
    params: { batch: cypherInt(batchSize) },
  };
}

/** Deletes up to `batchSize` nodes with their relationships; one row `deleted`, 0 once the store is empty. */
export function deleteNodesBatchQuery(batchSize: number): CypherQuery {
  return {
    cypher: "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted",
    params: { batch: cypherInt(batchSize) },
  };
}
