import { describe, expect, it } from "vitest";
import { groupByExposure, type RiskPath } from "../../../src/explorer/risk-groups";

const NAMES: Record<string, string> = { microsoft: "Microsoft", tiktok: "TikTok", google: "Google", openai: "OpenAI" };

function path(id: string, kind: RiskPath["kind"], nodes: string[], hops: string[], risk = "US$20M/month"): RiskPath {
  return {
    id,
    kind,
    explanation: `${kind} via ${nodes.join(">")}`,
    revenueAtRisk: { display: risk },
    nodes: nodes.map((node) => ({ id: node, name: NAMES[node] ?? node })),
    hops: hops.map((relationshipId, i) => ({
      relationshipId,
      kind: "BUYS_FROM",
      fromId: nodes[i]!,
      toId: nodes[i + 1]!,
    })),
  };
}

describe("risk paths grouped by exposure", () => {
  // The shipped data's shape: one US$20M spend reached by several paths, two of them the same route.
  const paths = [
    path("p1", "CUSTOMER_BUILDS_COMPETING", ["microsoft", "openai"], ["openai-buys", "ms-competes-openai"], "US$83M"),
    path("p2", "TERMS_CONFLICT", ["microsoft", "tiktok", "openai"], ["tiktok-buys", "tiktok-uses"]),
    path(
      "p3",
      "CUSTOMER_FROM_COMPETITOR",
      ["microsoft", "tiktok", "google"],
      ["tiktok-buys", "tiktok-gcp", "ms-google-search"],
    ),
    path(
      "p4",
      "CUSTOMER_FROM_COMPETITOR",
      ["microsoft", "tiktok", "google"],
      ["tiktok-buys", "tiktok-gcp", "ms-google-cloud"],
    ),
    path("p5", "CONCENTRATION", ["microsoft", "tiktok"], ["tiktok-buys"]),
  ];

  it("lists one exposure per relationship at risk, in the server's order, each with its routes", () => {
    const groups = groupByExposure(paths);
    expect(
      groups.map((group) => [group.relationshipId, group.customer, group.revenueAtRisk, group.routes.length]),
    ).toEqual([
      ["openai-buys", "OpenAI", "US$83M", 1],
      ["tiktok-buys", "TikTok", "US$20M/month", 3],
    ]);
  });

  it("merges the paths of one route (same companies, same kind), highlighting all their relationships", () => {
    const tiktok = groupByExposure(paths)[1]!;
    expect(tiktok.routes.map((route) => [route.kind, route.names.join(" → "), route.pathIds])).toEqual([
      ["TERMS_CONFLICT", "Microsoft → TikTok → OpenAI", ["p2"]],
      ["CUSTOMER_FROM_COMPETITOR", "Microsoft → TikTok → Google", ["p3", "p4"]],
      ["CONCENTRATION", "Microsoft → TikTok", ["p5"]],
    ]);
    expect(tiktok.routes[1]!.elementIds.sort()).toEqual(
      ["google", "microsoft", "ms-google-cloud", "ms-google-search", "tiktok", "tiktok-buys", "tiktok-gcp"].sort(),
    );
  });

  it("gives nothing for no paths", () => {
    expect(groupByExposure([])).toEqual([]);
  });
});
