import express from "express";
import { getOnly } from "./transport";
import { buyerSupplierMatrix, matrixToCsv } from "../analytics/buyer-supplier-matrix";
import { checkClaimsTable, writeClaimsTable } from "../analytics/exports/claims-table";
import { edgeProvenance, nodeProvenance, provenanceOfPage } from "../analytics/exports/provenance";
import type { Sink } from "../analytics/exports/sink";
import { checkWholeGraph, checkWholeGraphSize, writeWholeGraph } from "../analytics/exports/whole-graph";
import { GRAPH_WRITERS, type GraphFormat, type GraphProvenance, writeCentredGraph } from "../analytics/graph-export";
import { checkKinds, type RelationshipGraph, relationshipGraph } from "../analytics/relationship-graph";
import { GRAPH_DEPTH, GRAPH_LIMIT, MATRIX_TOP } from "../domain/bounds";
import { type RelationshipStatus, STATUSES } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { Period } from "../domain/money";
import { createContext } from "../graphql/context";
import type { RequestLimits } from "../graphql/limits";
import { requireId } from "../graphql/arguments";
import type { GraphStore } from "../store/graph-store";
import { graphKnownAt } from "../store/record-time";
import { type ErrorReporter, sendError } from "./error-policy";
import { writableSink } from "./writable-sink";

/**
 * Downloads of the same views the GraphQL API serves (`relationshipGraph`, `buyerSupplierMatrix`),
 * the whole graph and the claims behind it, as files for Cytoscape, Gephi, yEd, pandas, R and
 * spreadsheets. The parameters are validated exactly as the GraphQL arguments are, by the same
 * analytics functions; the command-line export uses them too.
 */

/** The graph formats (around centres, or the whole graph), the buyer-supplier matrix and the claims table. */
export const EXPORT_FORMATS = ["cyjs", "graphml", "gexf", "edges-csv", "csv", "claims-csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Query-string values as Express (or a command line) hands them over. */
export type ExportParams = Record<string, string | string[] | undefined>;

const GRAPH_PARAMS = ["center", "depth", "kinds", "asOf", "knownAt", "limit"] as const;
const WHOLE_GRAPH_PARAMS = ["kinds", "asOf", "knownAt"] as const;
const MATRIX_PARAMS = ["companies", "top", "product", "asOf", "knownAt", "period", "status"] as const;
const CLAIMS_PARAMS = ["companies", "product", "kinds", "asOf", "knownAt"] as const;

const CSV_TYPE = "text/csv; charset=utf-8; header=present";
const CONTENT_TYPES = {
  cyjs: "application/json; charset=utf-8",
  graphml: "application/graphml+xml; charset=utf-8",
  gexf: "application/gexf+xml; charset=utf-8",
  "edges-csv": CSV_TYPE,
  csv: CSV_TYPE,
} as const;

function single(name: string, raw: string | string[] | undefined): string | undefined {
  if (Array.isArray(raw)) {
    if (raw.length > 1) throw new BadInputError(`${name} may be given once`, { argument: name });
    return raw[0];
  }
  return raw;
}

/** `a,b` and repeated parameters (`?center=a&center=b`) both give a list. */
function list(raw: string | string[] | undefined): string[] {
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function integer(
  name: string,
  raw: string | string[] | undefined,
  bounds: { min: number; max: number },
): number | undefined {
  const v = single(name, raw);
  if (v === undefined || v === "") return undefined;
  if (!/^-?\d{1,12}$/.test(v.trim())) {
    throw new BadInputError(
      `${name} must be an integer between ${bounds.min} and ${bounds.max} (got ${JSON.stringify(v.slice(0, 40))})`,
      {
        argument: name,
        min: bounds.min,
        max: bounds.max,
      },
    );
  }
  return Number(v.trim());
}

function checkKnown(params: ExportParams, allowed: readonly string[], which = ""): void {
  const unknown = Object.keys(params).filter((k) => params[k] !== undefined && !allowed.includes(k));
  if (unknown.length > 0) {
    throw new BadInputError(
      `unknown parameter ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(", ")}; this export${which ? ` ${which}` : ""} takes ${allowed.join(", ")}`,
    );
  }
}

function statuses(raw: string | string[] | undefined): RelationshipStatus[] {
  const values = list(raw);
  for (const s of values) {
    if (!(STATUSES as readonly string[]).includes(s)) {
      throw new BadInputError(`unknown status ${JSON.stringify(s.slice(0, 40))}; statuses are ${STATUSES.join(", ")}`, {
        argument: "status",
      });
    }
  }
  return values as RelationshipStatus[];
}

/** An export checked and ready to write: nothing is sent before its parameters are all accepted. */
export interface PreparedExport {
  readonly contentType: string;
  readonly filename: string;
  write(sink: Sink): Promise<void>;
}

/** Whole-graph exports above this many nodes and relationships are refused (null: no limit, the command line). */
export interface ExportLimits {
  readonly maxWholeGraph: number | null;
}

/** Checks the parameters of one export (DomainError, BAD_USER_INPUT, on any bad one) and prepares it. */
export async function prepareExport(
  storeNow: GraphStore,
  format: ExportFormat,
  params: ExportParams,
  limits: ExportLimits,
): Promise<PreparedExport> {
  const knownAt = single("knownAt", params.knownAt);
  const store = graphKnownAt(storeNow, knownAt);
  if (format === "csv") return prepareMatrix(store, params);
  if (format === "claims-csv") return prepareClaims(storeNow, params);
  if (list(params.center).length === 0) return prepareWholeGraph(storeNow, format, params, limits);
  return prepareCentredGraph(store, format, params, knownAt ?? null);
}

const FILE_EXTENSIONS: Record<GraphFormat, string> = {
  cyjs: "cyjs",
  graphml: "graphml",
  gexf: "gexf",
  "edges-csv": "edges.csv",
};

async function prepareMatrix(store: GraphStore, params: ExportParams): Promise<PreparedExport> {
  checkKnown(params, MATRIX_PARAMS);
  const companies = list(params.companies).map((c) => requireId(c, "company"));
  const product = single("product", params.product);
  const matrix = await buyerSupplierMatrix(store, {
    companies,
    top: integer("top", params.top, MATRIX_TOP) ?? null,
    productId: product ? requireId(product, "product") : null,
    asOf: single("asOf", params.asOf) ?? null,
    period: (single("period", params.period) as Period | undefined) ?? null,
    statuses: statuses(params.status),
  });
  return oneString(CONTENT_TYPES.csv, "buyer-supplier-matrix.csv", matrixToCsv(matrix));
}

async function prepareClaims(store: GraphStore, params: ExportParams): Promise<PreparedExport> {
  checkKnown(params, CLAIMS_PARAMS);
  const product = single("product", params.product);
  const checked = await checkClaimsTable(store, {
    asOf: single("asOf", params.asOf) ?? null,
    knownAt: single("knownAt", params.knownAt) ?? null,
    kinds: list(params.kinds),
    companies: list(params.companies),
    productId: product ?? null,
  });
  return {
    contentType: CONTENT_TYPES.csv,
    filename: "claims.csv",
    write: (sink) => writeClaimsTable(store, checked, sink),
  };
}

async function prepareWholeGraph(
  store: GraphStore,
  format: GraphFormat,
  params: ExportParams,
  limits: ExportLimits,
): Promise<PreparedExport> {
  checkKnown(params, WHOLE_GRAPH_PARAMS, "without a center (the whole graph)");
  const checked = checkWholeGraph({
    kinds: list(params.kinds),
    asOf: single("asOf", params.asOf) ?? null,
    knownAt: single("knownAt", params.knownAt) ?? null,
  });
  if (limits.maxWholeGraph !== null) await checkWholeGraphSize(store, limits.maxWholeGraph);
  return {
    contentType: CONTENT_TYPES[format],
    filename: `graph-whole.${FILE_EXTENSIONS[format]}`,
    write: (sink) => writeWholeGraph(store, checked, GRAPH_WRITERS[format](), sink),
  };
}

async function prepareCentredGraph(
  store: GraphStore,
  format: GraphFormat,
  params: ExportParams,
  knownAt: string | null,
): Promise<PreparedExport> {
  checkKnown(params, GRAPH_PARAMS);
  const centers = list(params.center).map((c) => requireId(c, "center"));
  const graph = await relationshipGraph(store, {
    centers,
    depth: integer("depth", params.depth, GRAPH_DEPTH),
    kinds: checkKinds(list(params.kinds)),
    asOf: single("asOf", params.asOf) ?? null,
    limit: integer("limit", params.limit, GRAPH_LIMIT),
  });
  const provenance = await graphProvenance(store, graph, knownAt);
  const name = `graph-${graph.centers.slice(0, 5).join("+")}${graph.centers.length > 5 ? "+more" : ""}-depth${graph.depth}`;
  return oneString(
    CONTENT_TYPES[format],
    `${name}.${FILE_EXTENSIONS[format]}`,
    writeCentredGraph(format, graph, provenance),
  );
}

/** A view's provenance: its few thousand elements at most, read in one batch of each kind. */
async function graphProvenance(
  store: GraphStore,
  graph: RelationshipGraph,
  knownAt: string | null,
): Promise<GraphProvenance> {
  const relationships = (await store.relationshipsByIds(graph.edges.map((e) => e.id))).flatMap((r) => (r ? [r] : []));
  const edges = new Map(
    (await provenanceOfPage(store, relationships, knownAt)).map((p) => [p.relationship.id, edgeProvenance(p)]),
  );
  const nodes = await nodeProvenance(
    store,
    (await store.nodesByIds(graph.nodes.map((n) => n.id))).flatMap((n) => (n ? [n] : [])),
  );
  return { nodes, edges };
}

function oneString(contentType: string, filename: string, body: string): PreparedExport {
  return { contentType, filename, write: async (sink) => void (await sink(body)) };
}

/**
 * `app.use("/export", exportRouter(...))`: GET /export/graph.{cyjs,graphml,gexf,csv} (around
 * centres, or the whole graph up to `limits.maxExportElements`), /export/matrix.csv and
 * /export/claims.csv, streamed as they are written.
 */
export function exportRouter(opts: {
  store: GraphStore;
  limits: RequestLimits;
  reportError: ErrorReporter;
}): express.Router {
  const router = express.Router();
  const route = (path: string, format: ExportFormat) =>
    getOnly(router, path, async (req, res) => {
      try {
        const ctx = createContext(opts.store, opts.limits);
        const prepared = await prepareExport(ctx.store, format, req.query as ExportParams, {
          maxWholeGraph: opts.limits.maxExportElements,
        });
        res
          .status(200)
          .type(prepared.contentType)
          .set("Content-Disposition", `attachment; filename="${prepared.filename}"`)
          .set("X-Content-Type-Options", "nosniff");
        await prepared.write(writableSink(res));
        res.end();
      } catch (err) {
        if (!res.headersSent) return sendError(req, res, err, opts.reportError);
        // Part of the file is out (a store failure, the deadline): the connection is cut before the
        // last chunk, so the client sees an incomplete download, never a shorter file that looks whole.
        opts.reportError(err, `${req.method} ${req.baseUrl}${req.path}`);
        res.destroy();
      }
    });
  route("/graph.cyjs", "cyjs");
  route("/graph.graphml", "graphml");
  route("/graph.gexf", "gexf");
  route("/graph.csv", "edges-csv");
  route("/matrix.csv", "csv");
  route("/claims.csv", "claims-csv");
  return router;
}
