import type { Company, Product, Relationship } from "../../domain/entities";
import type { RelationshipFilter } from "../graph-store";
import { byId, matchesFilter } from "../relationship-filter";
import { KeptLists } from "./kept-lists";
import type { StoreGraph } from "./node-ranking";

/** Filtered relationship lists kept between pages (see keptMatching). */
const MATCHING_LISTS_KEPT = 8;

/** The store's nodes and relationships ordered by id, made after a load or a write, when first read. */
export interface SortedViews {
  companies: Company[];
  products: Product[];
  relationships: Relationship[];
  /** Relationships kept by a filter, by the filter's JSON. */
  matching: KeptLists<Relationship[]>;
}

export function sortedViewsOf(graph: StoreGraph): SortedViews {
  const companies: Company[] = [];
  const products: Product[] = [];
  graph.forEachNode((_id, { node }) => {
    if (node.nodeKind === "Company") companies.push(node);
    else if (node.nodeKind === "Product") products.push(node);
  });
  const relationships = graph.mapEdges((_e, { rel }) => rel);
  return {
    companies: companies.sort(byId),
    products: products.sort(byId),
    relationships: relationships.sort(byId),
    matching: new KeptLists(MATCHING_LISTS_KEPT),
  };
}

/**
 * The relationships `filter` keeps, ordered by id. Kept with the sorted views (so a write drops
 * them) for the last few filters: paging through a whole list, as an export does, then scans the
 * relationships once rather than once a page.
 */
export function keptMatching(views: SortedViews, filter: RelationshipFilter): Relationship[] {
  return views.matching.get(JSON.stringify(filter), () =>
    views.relationships.filter((r) => matchesFilter(r, null, filter)),
  );
}
