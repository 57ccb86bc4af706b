import type { Change, Receipt } from "../../../domain/batch";
import type { PageRequest } from "../../graph-store";
import { RELATIONSHIP_KINDS } from "../../../domain/entities";
import { cypherInt } from "../executor";
import { cypher, type CypherQuery } from "./cypher-query";
import { relationshipByIdUnion } from "./relationship-queries";
import { listNodesQuery } from "./node-queries";

/*
 * The write path's records: one `:Sequence {name: 'changes'}` counter, a `:Change` per change in
 * the feed and a `:Batch` per recorded key holding its receipt.
 */

/**
 * Row `last`: the last change number so far, read under the counter's write lock. The lock is
 * taken by writing a property of its own before the value is read (Neo4j's documented guard
 * against lost updates, "Concurrent data access"): a batch that waited for it then reads the value
 * the one before it committed, never the one it saw before waiting. Concurrent batches thus apply
 * one after the other, each reading the claims and receipts the one before it committed.
 */
export function lockChangesQuery(): CypherQuery {
  return {
    cypher: `MERGE (s:Sequence {name: 'changes'}) ON CREATE SET s.value = 0
      SET s._LOCK_ = true
      WITH s
      RETURN s.value AS last`,
    params: {},
  };
}

/** Sets the counter to the batch's last change and drops the lock's marker (the lock itself lasts until commit). */
export function advanceChangesQuery(last: number): CypherQuery {
  return {
    cypher: "MATCH (s:Sequence {name: 'changes'}) SET s.value = $last REMOVE s._LOCK_",
    params: { last: cypherInt(last) },
  };
}

/** Rows `props` of the batch recorded under `key` (none when there is none). */
export function receiptQuery(key: string): CypherQuery {
  return { cypher: "MATCH (b:Batch {key: $key}) RETURN properties(b) AS props", params: { key } };
}

export function writeReceiptQuery(receipt: Receipt): CypherQuery {
  const { bookmark: _unknownYet, ...props } = receipt;
  return { cypher: "CREATE (b:Batch) SET b = $props", params: { props } };
}

export function writeChangesQuery(changes: readonly Change[]): CypherQuery {
  const rows = changes.map((change) => ({ ...change, seq: cypherInt(change.seq) }));
  return { cypher: "UNWIND $rows AS row CREATE (c:Change) SET c = row", params: { rows } };
}

export function listChangesQuery(sinceSeq: number, page: PageRequest): CypherQuery {
  return listNodesQuery("Change", ["n.seq > $since"], { since: cypherInt(Math.max(0, sinceSeq)) }, page);
}

/**
 * Rows `id`: up to `limit` relationships whose view was made by rules older than `version` (or
 * before views carried one), to be made again from their claims.
 */
export function staleViewsQuery(version: number, limit: number): CypherQuery {
  const types = RELATIONSHIP_KINDS.join("|");
  return {
    cypher: `MATCH ()-[r:${types}]->() WHERE coalesce(r.viewRules, 0) < $version RETURN r.id AS id LIMIT $limit`,
    params: { version: cypherInt(version), limit: cypherInt(limit) },
  };
}

/** Deletes the relationships with these ids, whatever their type. */
export function deleteRelationshipsQuery(ids: readonly string[]): CypherQuery {
  const text = cypher`
    UNWIND $ids AS id
    CALL (id) {
      ${relationshipByIdUnion("id")}
    }
    DELETE r`;
  return { cypher: text, params: { ids: [...ids] } };
}

/**
 * Rows `id`: the relationships of `rows` about which the store holds another number of claims
 * than `row.claims` (what a loaded dataset holds): their views are to be made again from all.
 */
export function relationshipsWithOtherClaimsQuery(rows: readonly { id: string; claims: number }[]): CypherQuery {
  return {
    cypher: `UNWIND $rows AS row
      OPTIONAL MATCH (c:Claim {relationshipId: row.id})
      WITH row, count(c) AS stored
      WHERE stored <> row.claims
      RETURN row.id AS id`,
    params: { rows: rows.map((row) => ({ id: row.id, claims: cypherInt(row.claims) })) },
  };
}
