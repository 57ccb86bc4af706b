import type { RelationshipIdentity } from "../../../domain/relationship-view";
import type { WithdrawnSelection } from "../../graph-store";
import { compact, withdrawnProps } from "../mapping";
import type { CypherQuery } from "./cypher-query";

/*
 * Relationships whose every claim is withdrawn are no longer edges of the graph, so no current read
 * (a pattern, a path, a degree) can meet one. Each is kept as a `:WithdrawnRelationship` node holding
 * its identity, for reads at an earlier record time (see store/record-time.ts).
 */

export function writeWithdrawnQuery(identities: readonly RelationshipIdentity[]): CypherQuery {
  return {
    cypher: "UNWIND $rows AS row MERGE (w:WithdrawnRelationship {id: row.id}) SET w = row",
    params: { rows: identities.map((identity) => compact(withdrawnProps(identity))) },
  };
}

/** A relationship made again from counted claims is an edge again, no longer withdrawn. */
export function forgetWithdrawnQuery(ids: readonly string[]): CypherQuery {
  return {
    cypher: "MATCH (w:WithdrawnRelationship) WHERE w.id IN $ids DELETE w",
    params: { ids: [...ids] },
  };
}

/** Rows `props` of the withdrawn relationships `select` asks for, by id. */
export function withdrawnRelationshipsQuery(select: WithdrawnSelection): CypherQuery {
  const all = !select.ids && !select.nodeIds;
  const where = all ? "" : "WHERE w.id IN $ids OR w.from IN $nodeIds OR w.to IN $nodeIds";
  return {
    cypher: `MATCH (w:WithdrawnRelationship) ${where} RETURN properties(w) AS props ORDER BY w.id`,
    params: { ids: [...(select.ids ?? [])], nodeIds: [...(select.nodeIds ?? [])] },
  };
}
