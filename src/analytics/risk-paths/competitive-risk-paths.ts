import { boundedInt, checkThreshold, PATH_DEPTH, PATH_FIRST } from "../../domain/bounds";
import { checkDate } from "../../domain/dates";
import { BadInputError } from "../../domain/errors";
import type { NodeRow } from "../../domain/node-columns";
import { rankValue } from "../../domain/interval";
import type { GraphStore } from "../../store/graph-store";
import { namesOf, requireNodes } from "../nodes";
import { LevelReader, type SearchOptions } from "../paths/level-reader";
import { detectRisks } from "./detect";
import { unassessableCustomers, unassessableNotes } from "./detectors/concentration";
import { collectDrafts, finishDraft, firstOfEachId } from "./draft";
import { chooseCustomers, coverageOf } from "./coverage";
import { readComparedProducts, readNeighbourhood, readSupplier, RISK_READS } from "./neighbourhood";
import { measureLines, revenueLinesOf } from "./revenue-lines";
import { readDraftPurchases, readNamedNodes } from "./draft-customers";
import {
  RISK_PATH_KINDS,
  type RiskPath,
  type RiskPathKind,
  type RiskPathReport,
  type RiskPathsInput,
  type RiskRequest,
} from "./risk-path";

/** Kinds whose paths start at the supplier's customers and their groups. */
const CUSTOMER_SIDE: readonly RiskPathKind[] = [
  "CUSTOMER_BUILDS_COMPETING",
  "TERMS_CONFLICT",
  "CUSTOMER_PARTNERS_UPSTREAM",
  "CUSTOMER_FROM_COMPETITOR",
];
/** Kinds that need the suppliers the line products are built on. */
const UPSTREAM_SIDE: readonly RiskPathKind[] = [
  "CUSTOMER_BUILDS_COMPETING",
  "TERMS_CONFLICT",
  "CUSTOMER_PARTNERS_UPSTREAM",
  "UPSTREAM_SELLS_DIRECT",
];

/**
 * Paths in the graph that put a supplier's revenue at risk, found by shape (customers, their groups,
 * competitors, partners, upstream suppliers), ranked by the revenue at risk. At a hub the customers
 * that carry the most revenue are searched first, and the report says what was left out. Each level
 * of the search is one store call (one statement on Neo4j), unless `options` ask for the walk.
 */
export async function competitiveRiskPaths(
  store: GraphStore,
  input: RiskPathsInput,
  options: SearchOptions = {},
): Promise<RiskPathReport> {
  const request = checkRequest(input);
  const { supplierId } = request;
  // The supplier whole; every other node with the columns a mention needs (readMentioned).
  const nodes: Map<string, NodeRow> = await requireNodes(store, [supplierId], null);
  const names = namesOf(nodes);
  const reader = new LevelReader(store, RISK_READS, options);
  const supplier = await readSupplier(store, reader, request);
  const measured = measureLines(supplier, request, names);
  const customers = chooseCustomers(measured, request);
  const hood = await readNeighbourhood(reader, request, supplier, customers.explored);
  const unassessable = request.wants("CONCENTRATION") ? unassessableCustomers(measured) : [];
  await readComparedProducts(store, reader, hood, request, nodes);
  const lines = revenueLinesOf(hood, measured, reader, request);
  const { drafts, capped } = collectDrafts(detectRisks({ request, reader, hood, nodes }, lines));
  // The notes name the lines and their unassessable customers; the coverage, the nodes read in part.
  const alsoNamed = [...unassessable, ...hood.lineProductIds, ...reader.partialReads.map((read) => read.nodeId)];
  const [purchases] = await Promise.all([
    readDraftPurchases(store, drafts),
    readNamedNodes(store, drafts, alsoNamed, nodes),
  ]);
  const paths = firstOfEachId(drafts.map((draft) => finishDraft(draft, supplierId, names, purchases)));
  paths.sort(compareRiskPaths);
  const coverage = coverageOf(customers, reader, capped, names);
  return {
    companyId: supplierId,
    asOf: request.asOf,
    maxDepth: request.maxDepth,
    threshold: request.threshold,
    kinds: request.kinds,
    paths: paths.slice(0, request.first),
    totalCount: paths.length,
    truncated: coverage.reason !== null,
    notes: request.wants("CONCENTRATION") ? unassessableNotes(lines, names) : [],
    coverage,
  };
}

function checkRequest(input: RiskPathsInput): RiskRequest {
  const maxDepth = boundedInt("maxDepth", input.maxDepth, PATH_DEPTH);
  const first = boundedInt("first", input.first, PATH_FIRST);
  const threshold = checkThreshold(input.threshold);
  const asOf = checkDate("asOf", input.asOf);
  const kinds = input.kinds && input.kinds.length > 0 ? [...new Set(input.kinds)] : [...RISK_PATH_KINDS];
  const unknownKinds = kinds.filter((kind) => !RISK_PATH_KINDS.includes(kind));
  if (unknownKinds.length > 0) throw new BadInputError(`unknown risk path kind: ${unknownKinds.join(", ")}`);
  const wants = (kind: RiskPathKind) => kinds.includes(kind);
  return {
    supplierId: input.companyId,
    maxDepth,
    first,
    threshold,
    asOf,
    kinds,
    wants,
    // A customer-side path needs the purchase and at least one more hop.
    customerSide: CUSTOMER_SIDE.some(wants) && maxDepth >= 2,
    upstreamSide: UPSTREAM_SIDE.some(wants),
  };
}

/** Most revenue at risk first; then by kind priority, confidence, and id so that the order is total. */
function compareRiskPaths(a: RiskPath, b: RiskPath): number {
  return (
    rankValue(b.revenueAtRisk) - rankValue(a.revenueAtRisk) ||
    RISK_PATH_KINDS.indexOf(a.kind) - RISK_PATH_KINDS.indexOf(b.kind) ||
    b.confidence - a.confidence ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
