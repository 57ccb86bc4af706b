/**
 * What the soak sends: GraphQL reads (a company with its customers, a page of companies, the nested
 * read) and analytics that stay cheap at 50 connections (revenue flows, customer concentration, risk
 * paths of a supplier with some 80 customers rather than hundreds). Each request's first answer is
 * checked here against the dataset; the soak then holds every later answer to that one.
 */
import type { Dataset } from "../src/domain/dataset";
import type { Relationship } from "../src/domain/entities";
import { PEERS } from "./peers";
import { biggestSuppliers, expectedNestedIds, nestedIdsText } from "./workloads";

export interface SoakRequest {
  readonly name: string;
  /** The JSON body POSTed to /graphql. */
  readonly body: string;
  /** What is wrong with an answer's `data`, or null when it is right. */
  readonly check: (data: unknown) => string | null;
}

const COMPANY_CUSTOMERS = `query CompanyCustomers($id: ID!) {
  company(id: $id) { id name customers(first: 10) { nodes { id spend { low high display } customer { id name } } } }
}`;
const COMPANIES_PAGE = `query Page($first: Int!) {
  companies(first: $first) { nodes { id name kind country } pageInfo { hasNextPage endCursor } }
}`;
const REVENUE_FLOWS = `query Flows($id: ID!) {
  revenueFlows(company: $id) { total { display } attributed { display } flows { counterparty { id } amount { display } share { display } } }
}`;
const CONCENTRATION = `query Concentration($id: ID!) {
  customerConcentration(company: $id) { customerCount hhi { display } topCustomer { id } topShare { display } }
}`;
const RISK_PATHS = `query Risk($id: ID!) {
  competitiveRiskPaths(company: $id, first: 5) { totalCount paths { kind nodes { id } revenueAtRisk { display } } }
}`;

/** The mix, reads and analytics interleaved, sent in this order round and round over all connections. */
export function soakMix(d: Dataset): SoakRequest[] {
  const buys = d.relationships.filter((r) => r.kind === "BUYS_FROM").sort((a, b) => compare(a.id, b.id));
  const ranked = biggestSuppliers(d, 100);
  const [busy, quiet] = [ranked[19]!, ranked[99]!];
  const customers = new Set(buys.filter((r) => r.to === busy).map((r) => r.from));
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  return [
    { name: "company+customers", body: body(COMPANY_CUSTOMERS, { id: busy }), check: customersCheck(busy, buys) },
    { name: "revenueFlows", body: body(REVENUE_FLOWS, { id: busy }), check: flowsCheck(customers) },
    { name: "companies page", body: body(COMPANIES_PAGE, { first: 20 }), check: pageCheck(d) },
    { name: "customerConcentration", body: body(CONCENTRATION, { id: busy }), check: concentrationCheck(customers) },
    { name: "company+customers (2)", body: body(COMPANY_CUSTOMERS, { id: quiet }), check: customersCheck(quiet, buys) },
    { name: "competitiveRiskPaths", body: body(RISK_PATHS, { id: busy }), check: riskCheck(busy) },
    nestedRead(d),
  ];
}

interface CompanyAnswer {
  company: { id: string; customers: { nodes: { id: string; customer: { id: string } }[] } } | null;
}

function customersCheck(id: string, buys: readonly Relationship[]): SoakRequest["check"] {
  const expected = buys.filter((r) => r.to === id).slice(0, 10);
  const want = expected.map((r) => `${r.id}<${r.from}`).join(" ");
  return (data) => {
    const company = (data as CompanyAnswer).company;
    if (company?.id !== id) return `company ${id} answered as ${company?.id ?? "null"}`;
    const got = company.customers.nodes.map((n) => `${n.id}<${n.customer.id}`).join(" ");
    return got === want ? null : `customers of ${id}: expected ${want}, got ${got}`;
  };
}

function pageCheck(d: Dataset): SoakRequest["check"] {
  const want = d.companies
    .map((c) => c.id)
    .sort(compare)
    .slice(0, 20)
    .join(" ");
  return (data) => {
    const got = (data as { companies: { nodes: { id: string }[] } }).companies.nodes.map((c) => c.id).join(" ");
    return got === want ? null : `companies page: expected ${want}, got ${got}`;
  };
}

function flowsCheck(customers: ReadonlySet<string>): SoakRequest["check"] {
  return (data) => {
    const flows = (data as { revenueFlows: { flows: { counterparty: { id: string } }[] } }).revenueFlows.flows;
    const stranger = flows.find((f) => !customers.has(f.counterparty.id));
    if (flows.length === 0) return "revenueFlows: no flows";
    return stranger ? `revenueFlows: ${stranger.counterparty.id} is not a customer` : null;
  };
}

function concentrationCheck(customers: ReadonlySet<string>): SoakRequest["check"] {
  return (data) => {
    const c = (data as { customerConcentration: { customerCount: number; topCustomer: { id: string } | null } })
      .customerConcentration;
    if (c.customerCount < 1 || c.customerCount > customers.size) {
      return `customerConcentration: ${c.customerCount} customers of ${customers.size}`;
    }
    return c.topCustomer && customers.has(c.topCustomer.id) ? null : "customerConcentration: top customer unknown";
  };
}

function riskCheck(id: string): SoakRequest["check"] {
  return (data) => {
    const paths = (data as { competitiveRiskPaths: { paths: { nodes: { id: string }[] }[] } }).competitiveRiskPaths
      .paths;
    if (paths.length === 0) return "competitiveRiskPaths: no paths";
    return paths.every((p) => p.nodes[0]?.id === id) ? null : `competitiveRiskPaths: a path not from ${id}`;
  };
}

/** The existing benchmark's nested read, checked the way it checks it. */
function nestedRead(d: Dataset): SoakRequest {
  const peer = PEERS.find((p) => p.server === "project-memory")!;
  const want = nestedIdsText(expectedNestedIds(d));
  return {
    name: "nested read",
    body: peer.body,
    check: (data) => (nestedIdsText(peer.idsOf({ data })) === want ? null : "nested read: ids differ"),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
