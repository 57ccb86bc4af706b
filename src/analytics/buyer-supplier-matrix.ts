import type { Company, Relationship, RelationshipStatus } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import { highOrNull } from "../domain/interval";
import { type Money, type Period, sumMoney, undisclosedMoney } from "../domain/money";
import type { GraphStore } from "../store/graph-store";
import { checkIds } from "./relationship-graph";
import { checkDate } from "../domain/dates";

/**
 * Who buys from whom among a chosen set of companies: buyers are rows, suppliers columns, and each
 * cell sums the spend of every BUYS_FROM between the two (per product too), as intervals on one
 * period. Two store calls per request whatever the number of companies.
 */

const MAX_MATRIX_COMPANIES = 100;
const RATE_PERIODS: readonly Period[] = ["MONTH", "QUARTER", "YEAR"];

export interface MatrixParty {
  readonly id: string;
  readonly label: string;
}

export interface MatrixProductAmount {
  readonly productId: string | null;
  readonly amount: Money;
  readonly relationshipIds: readonly string[];
}

export interface MatrixCell {
  readonly buyerId: string;
  readonly supplierId: string;
  /** Sum over all products bought from this supplier, on the matrix period. */
  readonly amount: Money;
  readonly relationshipIds: readonly string[];
  readonly productIds: readonly string[];
  readonly byProduct: readonly MatrixProductAmount[];
}

export interface BuyerSupplierMatrix {
  readonly companies: readonly string[];
  /** Requested ids that are not companies of the graph. */
  readonly missingCompanies: readonly string[];
  readonly buyers: readonly MatrixParty[];
  readonly suppliers: readonly MatrixParty[];
  readonly cells: readonly MatrixCell[];
  readonly productId: string | null;
  readonly asOf: string | null;
  readonly period: Period;
}

export interface BuyerSupplierMatrixOptions {
  readonly companies: readonly string[];
  readonly productId?: string | null;
  readonly asOf?: string | null;
  readonly period?: Period | null;
  readonly statuses?: readonly RelationshipStatus[] | null;
}

/**
 * A spend on the matrix period, in the cell's currency. No amount, a one-off total or an amount in
 * another currency says nothing about this rate: each is "undisclosed" (0 to unbounded) rather than
 * zero, so sums stay honest and never fail.
 */
function spendPer(r: Relationship, period: Period, currency: string): Money {
  if (r.amount && r.amount.period !== "TOTAL" && r.amount.currency === currency) return r.amount;
  return undisclosedMoney(period, currency);
}

/** The currency most of the cell's rates are in (then the first in alphabetical order); USD without any. */
function cellCurrency(rels: readonly Relationship[]): string {
  const counts = new Map<string, number>();
  for (const r of rels)
    if (r.amount && r.amount.period !== "TOTAL")
      counts.set(r.amount.currency, (counts.get(r.amount.currency) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return ranked[0]?.[0] ?? "USD";
}

function sumOf(rels: readonly Relationship[], period: Period): Money {
  const currency = cellCurrency(rels);
  return sumMoney(
    rels.map((r) => spendPer(r, period, currency)),
    period,
    currency,
  );
}

export async function buyerSupplierMatrix(
  store: GraphStore,
  opts: BuyerSupplierMatrixOptions,
): Promise<BuyerSupplierMatrix> {
  const companies = checkIds("companies", opts.companies, MAX_MATRIX_COMPANIES);
  const productId = opts.productId ? checkIds("product", [opts.productId], 1)[0]! : null;
  const asOf = checkDate("asOf", opts.asOf);
  const period = ratePeriod(opts.period ?? "MONTH");

  const found = (await store.nodesOfKindByIds("Company", companies)).filter((c): c is Company => c !== null);
  const names = new Map(found.map((c) => [c.id, c.name]));
  const purchases = await purchasesAmong(
    store,
    found.map((c) => c.id),
    { productId, statuses: opts.statuses ?? [], asOf },
  );
  const { buyers, suppliers, cells } = arrange(
    byPair(purchases).map((rels) => cellOf(rels, period)),
    names,
  );
  return {
    companies,
    missingCompanies: companies.filter((id) => !names.has(id)),
    buyers,
    suppliers,
    cells,
    productId,
    asOf,
    period,
  };
}

function ratePeriod(period: Period): Period {
  if (!RATE_PERIODS.includes(period)) {
    throw new BadInputError(
      `period must be one of ${RATE_PERIODS.join(", ")} (got ${String(period)}): spend is a rate`,
      { argument: "period" },
    );
  }
  return period;
}

/** Every BUYS_FROM from one of `ids` to another, in one store call. */
async function purchasesAmong(
  store: GraphStore,
  ids: readonly string[],
  filter: { productId: string | null; statuses: readonly RelationshipStatus[]; asOf: string | null },
): Promise<Relationship[]> {
  if (ids.length === 0) return [];
  const pages = await store.relationshipsOf(
    ids,
    {
      kinds: ["BUYS_FROM"],
      direction: "OUT",
      counterpartIds: ids,
      productIds: filter.productId ? [filter.productId] : [],
      statuses: filter.statuses,
      asOf: filter.asOf,
    },
    {},
  );
  return pages.flatMap((page) => page.items);
}

/** The purchases grouped by buyer and supplier, in the order the pairs first appear. */
function byPair(purchases: readonly Relationship[]): Relationship[][] {
  const pairs = new Map<string, Relationship[]>();
  for (const r of purchases) {
    const key = `${r.from}\u0000${r.to}`;
    pairs.set(key, [...(pairs.get(key) ?? []), r]);
  }
  return [...pairs.values()];
}

function cellOf(rels: readonly Relationship[], period: Period): MatrixCell {
  const byProductMap = new Map<string | null, Relationship[]>();
  for (const r of rels) byProductMap.set(r.productId, [...(byProductMap.get(r.productId) ?? []), r]);
  const byProduct = [...byProductMap.entries()]
    .sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""))
    .map(([pid, group]) => ({
      productId: pid,
      amount: sumOf(group, period),
      relationshipIds: group.map((r) => r.id).sort(),
    }));
  return {
    buyerId: rels[0]!.from,
    supplierId: rels[0]!.to,
    amount: sumOf(rels, period),
    relationshipIds: rels.map((r) => r.id).sort(),
    productIds: byProduct.flatMap((p) => (p.productId ? [p.productId] : [])),
    byProduct,
  };
}

/** Rows and columns by label, and the cells in reading order: row by row, column by column. */
function arrange(
  cells: MatrixCell[],
  names: ReadonlyMap<string, string>,
): { buyers: MatrixParty[]; suppliers: MatrixParty[]; cells: MatrixCell[] } {
  const party = (id: string): MatrixParty => ({ id, label: names.get(id) ?? id });
  const byLabel = (a: MatrixParty, b: MatrixParty) => a.label.localeCompare(b.label, "en") || a.id.localeCompare(b.id);
  const buyers = [...new Set(cells.map((c) => c.buyerId))].map(party).sort(byLabel);
  const suppliers = [...new Set(cells.map((c) => c.supplierId))].map(party).sort(byLabel);
  const rank = (list: MatrixParty[]) => new Map(list.map((p, i) => [p.id, i]));
  const buyerRank = rank(buyers);
  const supplierRank = rank(suppliers);
  cells.sort(
    (a, b) =>
      buyerRank.get(a.buyerId)! - buyerRank.get(b.buyerId)! ||
      supplierRank.get(a.supplierId)! - supplierRank.get(b.supplierId)!,
  );
  return { buyers, suppliers, cells };
}

const MATRIX_CSV_HEADER = [
  "buyer",
  "supplier",
  "product",
  "estimate",
  "low",
  "high",
  "qualifier",
  "period",
  "currency",
  "relationships",
] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; lines end in CRLF. */
function csvField(value: string | number | null): string {
  const s = value === null ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// A yearly figure per month is 83333333.333...; cents are as precise as money gets.
const cents = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** Long format, one row per buyer, supplier and product; an unknown bound or estimate is an empty field. */
export function matrixToCsv(matrix: BuyerSupplierMatrix): string {
  const rows: (string | number | null)[][] = [[...MATRIX_CSV_HEADER]];
  for (const cell of matrix.cells) {
    for (const p of cell.byProduct) {
      const m = p.amount;
      rows.push([
        cell.buyerId,
        cell.supplierId,
        p.productId,
        cents(m.estimate),
        cents(m.low),
        cents(highOrNull(m)),
        m.qualifier,
        m.period,
        m.currency,
        p.relationshipIds.join(" "),
      ]);
    }
  }
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
