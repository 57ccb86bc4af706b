import { checkDate } from "../../domain/dates";
import type { GraphNode } from "../../domain/entities";
import { ExportTooLargeError } from "../../domain/errors";
import type { GraphStore, RelationshipFilter } from "../../store/graph-store";
import type { ExportNode, GraphWriter } from "../graph-export";
import { checkKinds, toViewEdge, toViewNode } from "../relationship-graph";
import { pagesOf } from "./pages";
import { edgeProvenance, nodeProvenance, provenanceOfPage } from "./provenance";
import type { Sink } from "./sink";

/**
 * The whole graph as one file, without a centre: every company, product and person, then every
 * relationship passing the filter, each with its provenance. Read and written a page at a time, so
 * memory holds a page (and the ids of the people already written), whatever the graph's size.
 */

export interface WholeGraphOptions {
  readonly kinds?: readonly string[] | null;
  readonly asOf?: string | null;
  readonly knownAt?: string | null;
}

interface CheckedWholeGraph {
  readonly filter: RelationshipFilter;
  readonly knownAt: string | null;
}

export function checkWholeGraph(opts: WholeGraphOptions): CheckedWholeGraph {
  const knownAt = checkDate("knownAt", opts.knownAt);
  return { filter: { kinds: checkKinds(opts.kinds), asOf: checkDate("asOf", opts.asOf), knownAt }, knownAt };
}

/** Refuses a whole graph larger than `max` nodes and relationships (the store's counts, one cheap call). */
export async function checkWholeGraphSize(store: GraphStore, max: number): Promise<void> {
  const counts = await store.counts();
  const size = counts.companies + counts.products + counts.people + counts.relationships;
  if (size > max) throw new ExportTooLargeError(size, max);
}

function wholeNode(node: GraphNode, provenance: ExportNode["provenance"]): ExportNode {
  return { ...toViewNode(node, 0), hop: null, isCenter: null, provenance };
}

/** Companies, then products, then the people who lead companies, a page at a time. */
async function* nodePages(store: GraphStore, knownAt: string | null): AsyncGenerator<readonly GraphNode[]> {
  yield* pagesOf((page) => store.listCompanies({}, page));
  yield* pagesOf((page) => store.listProducts(page));
  const written = new Set<string>();
  for await (const leads of pagesOf((page) => store.listRelationships({ kinds: ["LEADS"], knownAt }, page))) {
    const ids = [...new Set(leads.map((r) => r.from))].filter((id) => !written.has(id)).sort();
    ids.forEach((id) => written.add(id));
    const people = (await store.nodesByIds(ids)).flatMap((n) => (n ? [n] : []));
    if (people.length > 0) yield people;
  }
}

export async function writeWholeGraph(
  store: GraphStore,
  checked: CheckedWholeGraph,
  writer: GraphWriter,
  sink: Sink,
): Promise<void> {
  const { filter, knownAt } = checked;
  await sink(
    writer.start(
      { kinds: filter.kinds ?? [], asOf: filter.asOf ?? null, knownAt },
      { id: "whole", description: "The whole graph, every relationship with its claims' sources" },
    ),
  );
  for await (const nodes of nodePages(store, knownAt)) {
    const provenance = await nodeProvenance(store, nodes);
    await sink(nodes.map((n) => writer.node(wholeNode(n, provenance.get(n.id)!))).join(""));
  }
  await sink(writer.between());
  for await (const relationships of pagesOf((page) => store.listRelationships(filter, page))) {
    const pages = await provenanceOfPage(store, relationships, knownAt);
    await sink(
      pages.map((p) => writer.edge({ ...toViewEdge(p.relationship), provenance: edgeProvenance(p) })).join(""),
    );
  }
  await sink(writer.end());
}
