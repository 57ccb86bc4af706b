import { type Claim, claimAsKnownAt, claimsKnownAt } from "../../domain/claims";
import type { GraphNode, Relationship, Source } from "../../domain/entities";
import type { Fusion } from "../../domain/fusion";
import { fusionAt, sourceLineage } from "../../domain/relationship-view";
import type { GraphStore } from "../../store/graph-store";

/**
 * Where a page of an export comes from: each relationship's counted claims, how they fuse (the
 * verdicts of domain/fusion.ts, never decided again here) and their sources; each node's evidence
 * sources. Read in a few batched store calls per page, so an export's store calls grow with its
 * pages, never with its rows.
 */

export interface RelationshipProvenance {
  readonly relationship: Relationship;
  /** The claims counted at the record time, ordered by id, as a reader saw them then. */
  readonly claims: readonly Claim[];
  readonly fusion: Fusion;
  /** Every source the claims cite, and every source those repeat. */
  readonly sources: ReadonlyMap<string, Source>;
}

/** What every exported edge and node says about where it comes from. */
export interface Provenance {
  /** Sources behind it, sorted by id. */
  readonly sourceIds: readonly string[];
  /** Their urls, in the same order; sources without one are left out. */
  readonly sourceUrls: readonly string[];
}

export interface EdgeProvenance extends Provenance {
  readonly claims: number;
  readonly independentOrigins: number;
  readonly conflicting: boolean;
}

export interface NodeProvenance extends Provenance {
  readonly evidenceIds: readonly string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The claims, fusion and sources of a page of relationships, as known at `knownAt` (now when null). */
export async function provenanceOfPage(
  store: GraphStore,
  relationships: readonly Relationship[],
  knownAt: string | null,
): Promise<RelationshipProvenance[]> {
  const claimLists = await store.claimsOf(relationships.map((r) => r.id));
  const sources = await sourceLineage(claimLists.flat(), (ids) => store.sourcesByIds(ids));
  return relationships.map((relationship, index) => {
    const all = claimLists[index] ?? [];
    return {
      relationship,
      claims: claimsKnownAt(all, knownAt)
        .map((claim) => claimAsKnownAt(claim, knownAt))
        .sort(byId),
      fusion: fusionAt(all, sources, knownAt),
      sources,
    };
  });
}

function provenanceOfSources(sourceIds: Iterable<string>, sources: ReadonlyMap<string, Source>): Provenance {
  const ids = [...new Set(sourceIds)].sort();
  return { sourceIds: ids, sourceUrls: ids.flatMap((id) => sources.get(id)?.url ?? []) };
}

/** An edge's provenance: its relationship's agreement and the sources of its counted claims. */
export function edgeProvenance(p: RelationshipProvenance): EdgeProvenance {
  const { agreement } = p.relationship;
  return {
    claims: agreement.claims,
    independentOrigins: agreement.independentOrigins,
    conflicting: agreement.conflicting,
    ...provenanceOfSources(
      p.claims.map((claim) => claim.sourceId),
      p.sources,
    ),
  };
}

/** Each node's evidence and the sources it quotes, read in two batched store calls. */
export async function nodeProvenance(
  store: GraphStore,
  nodes: readonly GraphNode[],
): Promise<Map<string, NodeProvenance>> {
  const evidenceIds = [...new Set(nodes.flatMap((n) => n.evidenceIds))];
  const evidence = (await store.evidenceByIds(evidenceIds)).flatMap((e) => (e ? [e] : []));
  const sourceOfEvidence = new Map(evidence.map((e) => [e.id, e.sourceId]));
  const sourceIds = [...new Set(evidence.map((e) => e.sourceId))];
  const sources = new Map((await store.sourcesByIds(sourceIds)).flatMap((s) => (s ? [[s.id, s] as const] : [])));
  return new Map(
    nodes.map((n) => [
      n.id,
      {
        evidenceIds: [...n.evidenceIds],
        ...provenanceOfSources(
          n.evidenceIds.flatMap((id) => sourceOfEvidence.get(id) ?? []),
          sources,
        ),
      },
    ]),
  );
}
