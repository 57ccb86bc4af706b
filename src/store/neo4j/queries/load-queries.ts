import {
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
import { cypherInt } from "../executor";
import { compact, evidenceProps, metricProps, nodeProps, relationshipProps, sourceProps } from "../mapping";
import { cypher, type CypherQuery, spelledFrom } from "./cypher-query";
import { relationshipByIdUnion } from "./relationship-queries";

/*
 * The writes of a load, each for one batch of rows (the store splits a dataset into batches and runs
 * them all in one transaction). Every statement merges on the id, so loading the same dataset again
 * changes nothing. Properties are written with `SET x = row`: a property that became null is removed.
 */

export function mergeSourcesQuery(sources: readonly Source[]): CypherQuery {
  return {
    cypher: "UNWIND $rows AS row MERGE (s:Source {id: row.id}) SET s = row",
    params: { rows: sources.map((s) => compact(sourceProps(s))) },
  };
}

export function mergeEvidenceQuery(evidence: readonly Evidence[]): CypherQuery {
  return {
    cypher: "UNWIND $rows AS row MERGE (e:Evidence {id: row.id}) SET e = row",
    params: { rows: evidence.map((e) => compact(evidenceProps(e))) },
  };
}

/** `nodes` are all of `kind`. A node that changed kind since the last load loses its old kind label. */
export function mergeNodesOfKindQuery(kind: NodeKind, nodes: readonly GraphNode[]): CypherQuery {
  const label = spelledFrom(NODE_KINDS, kind);
  const otherLabels = NODE_KINDS.filter((other) => other !== label).join(":");
  return {
    cypher: `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row REMOVE n:${otherLabels} SET n:${label}`,
    params: { rows: nodes.map((n) => compact(nodeProps(n))) },
  };
}

export function mergeMetricsQuery(metrics: readonly Metric[]): CypherQuery {
  return {
    cypher: "UNWIND $rows AS row MERGE (m:Metric {id: row.id}) SET m = row",
    params: { rows: metrics.map((m) => compact(metricProps(m))) },
  };
}

/**
 * Deletes the stored relationships whose id is in the batch but with another type or other ends, so
 * that the merge that follows replaces them rather than adding a second one (as MemoryStore does).
 */
export function deleteReplacedRelationshipsQuery(relationships: readonly Relationship[]): CypherQuery {
  const text = cypher`
    UNWIND $rows AS row
    CALL (row) {
      ${relationshipByIdUnion("row.id")}
    }
    WITH row, r, fromId, toId
    WHERE type(r) <> row.kind OR fromId <> row.from OR toId <> row.to
    DELETE r`;
  return {
    cypher: text,
    params: { rows: relationships.map((r) => ({ id: r.id, kind: r.kind, from: r.from, to: r.to })) },
  };
}

/**
 * `relationships` are all of `kind`. Returns one row `written`: fewer than the batch means an end
 * node is missing, which the store then names with knownEntityIdsQuery.
 */
export function mergeRelationshipsOfKindQuery(
  kind: RelationshipKind,
  relationships: readonly Relationship[],
): CypherQuery {
  const text = cypher`
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.from})
    MATCH (b:Entity {id: row.to})
    MERGE (a)-[r:${spelledFrom(RELATIONSHIP_KINDS, kind)} {id: row.props.id}]->(b)
    SET r = row.props
    RETURN count(r) AS written`;
  const rows = relationships.map((r) => ({ from: r.from, to: r.to, props: compact(relationshipProps(r)) }));
  return { cypher: text, params: { rows } };
}

/** Rows `id` for the ids that are nodes in the store. */
export function knownEntityIdsQuery(ids: readonly string[]): CypherQuery {
  return { cypher: "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id", params: { ids: [...ids] } };
}

/** Deletes up to `batchSize` nodes with their relationships; one row `deleted`, 0 once the store is empty. */
export function deleteNodesBatchQuery(batchSize: number): CypherQuery {
  return {
    cypher: "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted",
    params: { batch: cypherInt(batchSize) },
  };
}
