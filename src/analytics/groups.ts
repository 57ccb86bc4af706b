import type { Relationship } from "../domain/entities";
import { chainUp, type GroupChain, MAX_GROUP_DEPTH, parentLink } from "../domain/groups";
import type { GraphStore, RelationshipFilter } from "../store/graph-store";

/** For each company id, the relationships read for it (in the same order as the ids). */
export type ReadRelationships = (companyIds: readonly string[]) => Promise<readonly (readonly Relationship[])[]>;

/** The relationships the parent rule looks at: a company's own SUBSIDIARY_OF, valid on `asOf`. */
export function parentFilter(asOf: string | null): RelationshipFilter {
  return { kinds: ["SUBSIDIARY_OF"], direction: "OUT", asOf };
}

/** Reads what the parent rule needs straight from a store, one call per level. */
export function parentsFromStore(store: GraphStore, asOf: string | null): ReadRelationships {
  return async (ids) => (await store.relationshipsOf(ids, parentFilter(asOf), {})).map((page) => page.items);
}

/**
 * The chain of each company up to its ultimate parent (see the parent rule in domain/groups.ts),
 * read one level at a time: one `read` per level, whatever the number of companies.
 */
export async function groupChains(
  read: ReadRelationships,
  companyIds: readonly string[],
  asOf: string | null,
  maxLevels = MAX_GROUP_DEPTH,
): Promise<Map<string, GroupChain>> {
  const parents = new Map<string, Relationship | null>();
  let frontier = [...new Set(companyIds)];
  for (let level = 0; level < maxLevels && frontier.length > 0; level++) {
    const pages = await read(frontier);
    const next = new Set<string>();
    frontier.forEach((id, index) => {
      const link = parentLink(pages[index] ?? [], id, asOf);
      parents.set(id, link);
      if (link && !parents.has(link.to)) next.add(link.to);
    });
    frontier = [...next];
  }
  return new Map(companyIds.map((id) => [id, chainUp(id, (at) => parents.get(at), maxLevels)]));
}
