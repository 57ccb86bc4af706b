/**
 * GraphQL documents that read every analytics report field by field (ids instead of nested
 * objects where the nested object is read elsewhere), so that two stores' answers can be compared
 * as JSON. Shared by the differential suites.
 */

const FRAGMENTS: Record<string, string> = {
  M: "fragment M on Money { estimate low high qualifier period currency display }",
  S: "fragment S on Share { estimate low high display }",
  H: "fragment H on PathHop { relationshipId kind traversal status evidenceIds confidence amount { ...M } }",
  C: `fragment C on ConcentrationReport {
  asOf company { id } product { id } period threshold customerCount knownAmountCount totalSource notes
  total { ...M } hhi { ...S } hhiPoints { estimate low high } largestShare { ...S } topShare { ...S } topCustomer { id } coveredShare { ...S }
  customers { customerId memberIds relationshipIds evidenceIds exceedsThreshold amount { ...M } share { ...S } }
}`,
};

/** The operation followed by the fragments it spreads, directly or through other fragments. */
function withFragments(operation: string): string {
  const used = new Set<string>();
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\.\.\.(\w+)/g)) {
      if (name && FRAGMENTS[name] && !used.has(name)) {
        used.add(name);
        visit(FRAGMENTS[name]);
      }
    }
  };
  visit(operation);
  return [operation, ...[...used].map((n) => FRAGMENTS[n])].join("\n");
}

export const REVENUE_FLOWS_QUERY = withFragments(`
query Revenue($id: ID!, $asOf: LocalDate, $knownAt: LocalDate, $direction: Direction!, $rollUp: Boolean!, $product: ID) {
  revenueFlows(company: $id, asOf: $asOf, knownAt: $knownAt, direction: $direction, rollUpGroups: $rollUp, product: $product) {
    asOf company { id } direction period product { id } rolledUp notes totalSource
    total { ...M } attributed { ...M } unattributed { ...M }
    statedTotal { metricId evidenceIds amount { ...M } original { ...M } refersTo { from to label } }
    flows {
      counterpartyId counterpartIds memberIds productIds relationshipIds evidenceIds amountKnown capped inTotals confidence sharesAgree
      amount { ...M } statedAmount { ...M } share { ...S } computedShare { ...S }
      statedShare { metricIds evidenceIds share { ...S } refersTo { from to label } }
    }
  }
}`);

export const CONCENTRATION_QUERY = withFragments(`
query Concentration($id: ID!, $asOf: LocalDate, $knownAt: LocalDate, $rollUp: Boolean!, $threshold: Float!) {
  customerConcentration(company: $id, asOf: $asOf, knownAt: $knownAt, rollUpGroups: $rollUp, threshold: $threshold) { ...C }
}`);

export const RISK_PATHS_QUERY = withFragments(`
query Risk($id: ID!, $asOf: LocalDate, $knownAt: LocalDate, $maxDepth: Int!, $first: Int!) {
  competitiveRiskPaths(company: $id, asOf: $asOf, knownAt: $knownAt, maxDepth: $maxDepth, first: $first) {
    asOf company { id } kinds maxDepth threshold totalCount truncated notes
    coverage { customersExplored customersTotal revenueExplored { ...S } reason }
    paths {
      id kind supplierId productId customerId nodeIds explanation confidence evidenceIds lineTotalSource
      revenueAtRisk { ...M } shareOfLine { ...S } lineTotal { ...M }
      hops { ...H fromId toId } context { ...H fromId toId }
    }
  }
}`);

/** Default arguments only, as a client that does not tune the search would ask. */
export const RISK_PATHS_DEFAULT_QUERY = withFragments(`
query RiskDefault($id: ID!) {
  competitiveRiskPaths(company: $id) {
    maxDepth threshold totalCount truncated notes
    paths { id kind customerId nodeIds explanation confidence revenueAtRisk { ...M } shareOfLine { ...S } hops { ...H fromId toId } }
  }
}`);

export const FLOW_PATHS_QUERY = withFragments(`
query Flow($from: ID!, $to: ID!, $asOf: LocalDate, $knownAt: LocalDate, $maxDepth: Int!, $first: Int!) {
  flowPaths(from: $from, to: $to, asOf: $asOf, knownAt: $knownAt, maxDepth: $maxDepth, first: $first) {
    asOf from { id } to { id } maxDepth totalCount truncated
    paths { id nodeIds confidence evidenceIds bottleneckNote bottleneck { ...M } hops { ...H fromId toId } }
  }
}`);

export const CHURN_QUERY = withFragments(`
query Churn($id: ID!, $lost: [ID!]!, $asOf: LocalDate, $knownAt: LocalDate, $rollUp: Boolean!) {
  simulateChurn(company: $id, lostCustomers: $lost, asOf: $asOf, knownAt: $knownAt, rollUpGroups: $rollUp) {
    asOf company { id } product { id } period lostCustomerIds totalSource notes
    lost { ...M } remaining { ...M } totalBefore { ...M } relativeLoss { ...S }
    lostFlows { counterpartyId relationshipIds amount { ...M } share { ...S } }
    concentrationBefore { ...C } concentrationAfter { ...C }
  }
}`);

export const RELATIONSHIP_GRAPH_QUERY = withFragments(`
query Graph($centers: [ID!]!, $depth: Int, $asOf: LocalDate, $knownAt: LocalDate, $limit: Int) {
  relationshipGraph(centers: $centers, depth: $depth, asOf: $asOf, knownAt: $knownAt, limit: $limit) {
    asOf centers depth depthReached limit missingCenters truncated
    cut { nodes edges reason }
    nodes { id label nodeKind kind country hop isCenter }
    edges { id kind source target label amountLabel productId market status validFrom validTo confidence evidenceIds evidenceCount amount { ...M } }
  }
}`);
