import express from "express";
import { getOnly } from "./transport";
import { buyerSupplierMatrix, matrixToCsv } from "../analytics/buyer-supplier-matrix";
import { toCytoscapeJson, toGexf, toGraphML } from "../analytics/graph-export";
import { checkKinds, relationshipGraph } from "../analytics/relationship-graph";
import { GRAPH_DEPTH, GRAPH_LIMIT } from "../domain/bounds";
import { type RelationshipStatus, STATUSES } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { Period } from "../domain/money";
import { createContext } from "../graphql/context";
import type { RequestLimits } from "../graphql/limits";
import { requireId } from "../graphql/arguments";
import type { GraphStore } from "../store/graph-store";
import { graphKnownAt } from "../store/record-time";
import { type ErrorReporter, sendError } from "./error-policy";

/**
 * Downloads of the same views the GraphQL API serves (`relationshipGraph`, `buyerSupplierMatrix`),
 * as files for Cytoscape, Gephi, yEd, spreadsheets. The parameters are validated exactly as the
 * GraphQL arguments are, by the same analytics functions; the command-line export uses them too.
 */

export const EXPORT_FORMATS = ["cyjs", "graphml", "gexf", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Query-string values as Express (or a command line) hands them over. */
export type ExportParams = Record<string, string | string[] | undefined>;

export interface ExportFile {
  readonly body: string;
  readonly contentType: string;
  readonly filename: string;
}

const GRAPH_PARAMS = ["center", "depth", "kinds", "asOf", "knownAt", "limit"] as const;
const MATRIX_PARAMS = ["companies", "product", "asOf", "knownAt", "period", "status"] as const;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  cyjs: "application/json; charset=utf-8",
  graphml: "application/graphml+xml; charset=utf-8",
  gexf: "application/gexf+xml; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
};

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

function checkKnown(params: ExportParams, allowed: readonly string[]): void {
  const unknown = Object.keys(params).filter((k) => params[k] !== undefined && !allowed.includes(k));
  if (unknown.length > 0) {
    throw new BadInputError(
      `unknown parameter ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(", ")}; this export takes ${allowed.join(", ")}`,
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

/** Builds one export file; throws DomainError (BAD_USER_INPUT) on any bad parameter. */
export async function renderExport(
  storeNow: GraphStore,
  format: ExportFormat,
  params: ExportParams,
): Promise<ExportFile> {
  const store = graphKnownAt(storeNow, single("knownAt", params.knownAt));
  if (format === "csv") {
    checkKnown(params, MATRIX_PARAMS);
    const companies = list(params.companies).map((c) => requireId(c, "company"));
    const product = single("product", params.product);
    const matrix = await buyerSupplierMatrix(store, {
      companies,
      productId: product ? requireId(product, "product") : null,
      asOf: single("asOf", params.asOf) ?? null,
      period: (single("period", params.period) as Period | undefined) ?? null,
      statuses: statuses(params.status),
    });
    return { body: matrixToCsv(matrix), contentType: CONTENT_TYPES.csv, filename: "buyer-supplier-matrix.csv" };
  }

  checkKnown(params, GRAPH_PARAMS);
  const centers = list(params.center).map((c) => requireId(c, "center"));
  const graph = await relationshipGraph(store, {
    centers,
    depth: integer("depth", params.depth, GRAPH_DEPTH),
    kinds: checkKinds(list(params.kinds)),
    asOf: single("asOf", params.asOf) ?? null,
    limit: integer("limit", params.limit, GRAPH_LIMIT),
  });
  const name = `graph-${graph.centers.slice(0, 5).join("+")}${graph.centers.length > 5 ? "+more" : ""}-depth${graph.depth}`;
  const body =
    format === "cyjs"
      ? `${JSON.stringify(toCytoscapeJson(graph), null, 2)}\n`
      : format === "graphml"
        ? toGraphML(graph)
        : toGexf(graph);
  return { body, contentType: CONTENT_TYPES[format], filename: `${name}.${format}` };
}

/** `app.use("/export", exportRouter(...))`: GET /export/graph.{cyjs,graphml,gexf} and /export/matrix.csv. */
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
        const file = await renderExport(ctx.store, format, req.query as ExportParams);
        res
          .status(200)
          .type(file.contentType)
          .set("Content-Disposition", `attachment; filename="${file.filename}"`)
          .set("X-Content-Type-Options", "nosniff")
          .send(file.body);
      } catch (err) {
        sendError(req, res, err, opts.reportError);
      }
    });
  route("/graph.cyjs", "cyjs");
  route("/graph.graphml", "graphml");
  route("/graph.gexf", "gexf");
  route("/matrix.csv", "csv");
  return router;
}
