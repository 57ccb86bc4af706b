import type { Relationship } from "./entities";
import { inForce } from "./validity";

/**
 * What a parent company is, in one place. A company's parent on `asOf` is the other end of its
 * SUBSIDIARY_OF relationship in force that day (a planned or former owner is not a parent); where
 * sources list several, the first by relationship id. Company.parent, ultimateParent, group
 * roll-ups and risk paths all ask this function.
 */
export function parentLink(
  relationships: readonly Relationship[],
  companyId: string,
  asOf: string | null | undefined,
): Relationship | null {
  let best: Relationship | null = null;
  for (const r of relationships) {
    if (r.kind !== "SUBSIDIARY_OF" || r.from !== companyId || !inForce(r, asOf)) continue;
    if (best === null || r.id < best.id) best = r;
  }
  return best;
}

export interface GroupChain {
  /** [company, parent, grandparent, ..., top]. */
  readonly ids: readonly string[];
  /** The SUBSIDIARY_OF relationships between consecutive ids. */
  readonly links: readonly Relationship[];
}

/** Most ownership levels followed; deeper data is treated as the top of the group. */
export const MAX_GROUP_DEPTH = 10;

/**
 * Walks up from a company through `parentOf` to the top of its group. A cycle in ownership data
 * stops the walk at the first repeat; `maxLevels` bounds it.
 */
export function chainUp(
  companyId: string,
  parentOf: (id: string) => Relationship | null | undefined,
  maxLevels: number = MAX_GROUP_DEPTH,
): GroupChain {
  const ids = [companyId];
  const links: Relationship[] = [];
  for (let link = parentOf(companyId); link && links.length < maxLevels; link = parentOf(link.to)) {
    if (ids.includes(link.to)) break;
    ids.push(link.to);
    links.push(link);
  }
  return { ids, links };
}
