/**
 * The view's state in the URL's hash, so that a copied link opens the same view: the centres, the
 * depth, the two dates, the selected edge, the revenue line and its churned customers. Also the
 * download links of the current view (the server's /export routes, same parameters).
 */
import { GRAPH_DEPTH } from "../domain/bounds";
import { isSlug } from "../domain/entities";

export interface ExplorerView {
  centers: string[];
  depth: number;
  asOf: string;
  knownAt: string;
  edge: string;
  /** The revenue line shown; an empty product: the supplier's largest line, chosen when it opens. */
  line: { company: string; product: string } | null;
  lost: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const ids = (text: string | null): string[] => (text ?? "").split(",").filter(isSlug);
const slugOr = (text: string | null | undefined): string => (text && isSlug(text) ? text : "");
const dateOr = (text: string | null): string => (text && DATE.test(text) ? text : "");

/** The hash as text; a malformed escape (a mangled link) opens the default view instead of failing. */
function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ""));
  } catch {
    return "";
  }
}

/** The depth a link asks for, within the server's bounds; anything else is the default. */
function depthOf(text: string | null): number {
  const depth = Number(text);
  return Number.isInteger(depth) && depth >= GRAPH_DEPTH.min && depth <= GRAPH_DEPTH.max ? depth : GRAPH_DEPTH.default;
}

function emptyView(): ExplorerView {
  return { centers: [], depth: GRAPH_DEPTH.default, asOf: "", knownAt: "", edge: "", line: null, lost: [] };
}

/** The view a hash describes; `#tiktok` (an id alone) is a view centred on it. */
export function parseView(hash: string): ExplorerView {
  const text = decodeHash(hash);
  const view = emptyView();
  if (isSlug(text)) return { ...view, centers: [text] };
  const params = new URLSearchParams(text);
  const [company, product] = (params.get("line") ?? "").split("/");
  const line = isSlug(company ?? "") ? { company: company!, product: slugOr(product) } : null;
  return {
    centers: ids(params.get("centers")),
    depth: depthOf(params.get("depth")),
    asOf: dateOr(params.get("asOf")),
    knownAt: dateOr(params.get("knownAt")),
    edge: slugOr(params.get("edge")),
    line,
    lost: line ? ids(params.get("lost")) : [],
  };
}

/** Commas and slashes need no escaping in a hash or query; kept readable for whoever copies the link. */
const readable = (params: URLSearchParams) => params.toString().replace(/%2C/g, ",").replace(/%2F/g, "/");

/** The hash for `view`; empty parts are left out. */
export function formatView(view: ExplorerView): string {
  const params = new URLSearchParams();
  if (view.centers.length) params.set("centers", view.centers.join(","));
  if (view.depth !== GRAPH_DEPTH.default) params.set("depth", String(view.depth));
  if (view.asOf) params.set("asOf", view.asOf);
  if (view.knownAt) params.set("knownAt", view.knownAt);
  if (view.edge) params.set("edge", view.edge);
  if (view.line) params.set("line", view.line.company + (view.line.product ? `/${view.line.product}` : ""));
  if (view.line && view.lost.length) params.set("lost", view.lost.join(","));
  const text = readable(params);
  return text ? `#${text}` : "";
}

export interface Downloads {
  graphml: string | null;
  cyjs: string | null;
  csv: string | null;
}

/** How many companies the matrix download names at most: a URL stays short enough for any server. */
const MATRIX_COMPANIES = 100;

/** The /export downloads of the view: graphs around its centres, the matrix of its drawn companies. */
export function downloadLinks(view: ExplorerView, drawnCompanies: readonly string[]): Downloads {
  const dated = (params: URLSearchParams) => {
    if (view.asOf) params.set("asOf", view.asOf);
    if (view.knownAt) params.set("knownAt", view.knownAt);
    return readable(params);
  };
  const graph = dated(new URLSearchParams({ center: view.centers.join(","), depth: String(view.depth) }));
  const matrix = dated(new URLSearchParams({ companies: drawnCompanies.slice(0, MATRIX_COMPANIES).join(",") }));
  const ready = view.centers.length > 0;
  return {
    graphml: ready ? `/export/graph.graphml?${graph}` : null,
    cyjs: ready ? `/export/graph.cyjs?${graph}` : null,
    csv: drawnCompanies.length > 0 ? `/export/matrix.csv?${matrix}` : null,
  };
}
