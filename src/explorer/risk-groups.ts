/**
 * Competitive-risk paths grouped by exposure: the revenue at risk is the relationship a path starts
 * with (a customer's spend), so one exposure is listed once, with every route that threatens it.
 * Routes through the same companies with the same kind (two markets where the same rival competes)
 * are one route. No DOM, so unit-tested without a browser.
 */
import type { RiskPathsQuery } from "../../schema/client";

export type RiskPath = RiskPathsQuery["competitiveRiskPaths"]["paths"][number];

export interface RiskRoute {
  kind: RiskPath["kind"];
  /** The companies along it, by id. */
  nodeIds: string[];
  names: string[];
  /** The paths it stands for; the first is the one highlighted when the route is chosen. */
  pathIds: string[];
  /** Every node and relationship of those paths: what the drawing highlights. */
  elementIds: string[];
  explanation: string;
}

export interface Exposure {
  /** The relationship whose revenue is at risk. */
  relationshipId: string;
  /** The customer at its other end. */
  customer: string;
  revenueAtRisk: string;
  routes: RiskRoute[];
}

const elementIds = (path: RiskPath) => [
  ...path.nodes.map((node) => node.id),
  ...path.hops.map((hop) => hop.relationshipId),
];

function addRoute(routes: RiskRoute[], path: RiskPath): void {
  const nodeIds = path.nodes.map((node) => node.id);
  const same = routes.find((route) => route.kind === path.kind && route.nodeIds.join(">") === nodeIds.join(">"));
  if (same) {
    same.pathIds.push(path.id);
    same.elementIds = [...new Set([...same.elementIds, ...elementIds(path)])];
    return;
  }
  const names = path.nodes.map((node) => node.name || node.id);
  routes.push({
    kind: path.kind,
    nodeIds,
    names,
    pathIds: [path.id],
    elementIds: elementIds(path),
    explanation: path.explanation,
  });
}

/** The paths, ranked as the server ranked them, grouped by the relationship whose revenue is at risk. */
export function groupByExposure(paths: readonly RiskPath[]): Exposure[] {
  const groups = new Map<string, Exposure>();
  for (const path of paths) {
    const first = path.hops[0];
    const key = first?.relationshipId ?? path.id;
    let group = groups.get(key);
    if (!group) {
      const customer = path.nodes[1]?.name ?? path.nodes[0]?.name ?? key;
      group = { relationshipId: key, customer, revenueAtRisk: path.revenueAtRisk.display, routes: [] };
      groups.set(key, group);
    }
    addRoute(group.routes, path);
  }
  return [...groups.values()];
}
