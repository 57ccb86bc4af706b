import { boundedInt, MATRIX_TOP, MAX_CENTERS } from "../domain/bounds";
import type { Company, Relationship, RelationshipStatus } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import { highOrNull } from "../domain/interval";
import { convertPeriod, type Money, type Period, sumMoney, undisclosedMoney } from "../domain/money";
import type { GraphStore } from "../store/graph-store";
import { checkIds } from "./relationship-graph";
import { checkDate } from "../domain/dates";
import { type CsvValue, csvLine } from "./exports/csv";
import { requireKnown } from "./exports/known-ids";
import { pagesOf } from "./exports/pages";

/**
 * Who buys from whom among a chosen set of companies: buyers are rows, suppliers columns, and each
 * cell sums the spend of every BUYS_FROM between the two (per product too), as intervals on one
 * period. Two store calls per request whatever the number of companies.
 */

const RATE_PERIODS: readonly Period[] = ["MONTH", "QUARTER", "YEAR"];

export interface MatrixParty {
  readonly id: string;
  readonly label: string;
}

export interface MatrixProductAmount {
  readonly productId: string | null;
  /** The spend per matrix period; a one-off total is not in it (see totals). */
  readonly amount: Money;
  readonly relationshipIds: readonly string[];
  /** One-off or cumulative amounts (period TOTAL), summed per currency: never put per period. */
  readonly totals: readonly MatrixTotal[];
  /** Why part of `amount` is unknown, one note per relationship that leaves it open. */
  readonly notes: readonly string[];
}

export interface MatrixTotal {
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
  /** Always empty: an unknown id is refused (BAD_USER_INPUT naming it). */
  readonly missingCompanies: readonly string[];
  readonly buyers: readonly MatrixParty[];
  readonly suppliers: readonly MatrixParty[];
  readonly cells: readonly MatrixCell[];
  readonly productId: string | null;
  readonly asOf: string | null;
  readonly period: Period;
}

export interface BuyerSupplierMatrixOptions {
  /** The companies of the matrix; when none are named, the `top` ones by spend. */
  readonly companies: readonly string[];
  readonly top?: number | null;
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

/** Why a relationship leaves the spend per period open, or null when it states it. */
function openNote(r: Relationship, period: Period, currency: string): string | null {
  if (r.amount === null) return `${r.id}: no source states an amount`;
  if (r.amount.period === "TOTAL")
    return `${r.id}: a one-off or cumulative total, on its own row (period TOTAL), never put per ${period.toLowerCase()}`;
  if (r.amount.currency !== currency) return `${r.id}: in ${r.amount.currency}, not added to ${currency}`;
  if (r.amount.qualifier === "UNDISCLOSED") return `${r.id}: sources say money changes hands, not how much`;
  return null;
}

/** The one-off and cumulative amounts among `rels`, summed per currency (alphabetical). */
function totalsOf(rels: readonly Relationship[]): MatrixTotal[] {
  const byCurrency = new Map<string, Relationship[]>();
  for (const r of rels)
    if (r.amount?.period === "TOTAL")
      byCurrency.set(r.amount.currency, [...(byCurrency.get(r.amount.currency) ?? []), r]);
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, group]) => ({
      amount: sumMoney(
        group.map((r) => r.amount!),
        "TOTAL",
        currency,
      ),
      relationshipIds: group.map((r) => r.id).sort(),
    }));
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
  const productId = opts.productId ? checkIds("product", [opts.productId], 1)[0]! : null;
  const asOf = checkDate("asOf", opts.asOf);
  const period = ratePeriod(opts.period ?? "MONTH");
  const filter = { productId, statuses: opts.statuses ?? [], asOf };
  const companies = await chosenCompanies(store, opts, filter);

  const found = (await store.nodesOfKindByIds("Company", companies)).filter((c): c is Company => c !== null);
  const names = new Map(found.map((c) => [c.id, c.name]));
  const purchases = await purchasesAmong(
    store,
    found.map((c) => c.id),
    filter,
  );
  const { buyers, suppliers, cells } = arrange(
    byPair(purchases).map((rels) => cellOf(rels, period)),
    names,
  );
  return {
    companies,
    missingCompanies: [],
    buyers,
    suppliers,
    cells,
    productId,
    asOf,
    period,
  };
}

type PurchaseFilter = { productId: string | null; statuses: readonly RelationshipStatus[]; asOf: string | null };

/** The companies named (each must exist), or the `top` ones by spend when none are. */
async function chosenCompanies(
  store: GraphStore,
  opts: BuyerSupplierMatrixOptions,
  filter: PurchaseFilter,
): Promise<string[]> {
  if (opts.companies.length > 0 && (opts.top ?? null) !== null) {
    throw new BadInputError("name the companies or ask for the top ones, not both", { argument: "top" });
  }
  if (opts.companies.length === 0 && (opts.top ?? null) !== null)
    return mostSpend(store, boundedInt("top", opts.top, MATRIX_TOP), filter);
  const companies = checkIds("companies", opts.companies, MAX_CENTERS);
  await requireKnown(store, "companies", "Company", companies);
  return companies;
}

/**
 * The `top` companies with the most spend through them, as buyer or supplier: the sum of the low
 * bounds (what the sources guarantee) of their yearly US$ purchases, then the number of purchases,
 * then id. Totals and other currencies do not rank, since they do not compare with a yearly US$ rate.
 */
async function mostSpend(store: GraphStore, top: number, filter: PurchaseFilter): Promise<string[]> {
  const spend = new Map<string, { low: number; purchases: number }>();
  const storeFilter = relationshipFilterOf(filter);
  for await (const page of pagesOf((request) => store.listRelationships(storeFilter, request))) {
    for (const r of page) {
      const low =
        r.amount && r.amount.period !== "TOTAL" && r.amount.currency === "USD"
          ? convertPeriod(r.amount, "YEAR").low
          : 0;
      for (const id of [r.from, r.to]) {
        const entry = spend.get(id) ?? { low: 0, purchases: 0 };
        spend.set(id, { low: entry.low + low, purchases: entry.purchases + 1 });
      }
    }
  }
  return [...spend.entries()]
    .sort(([a, x], [b, y]) => y.low - x.low || y.purchases - x.purchases || (a < b ? -1 : 1))
    .slice(0, top)
    .map(([id]) => id);
}

function relationshipFilterOf(filter: PurchaseFilter) {
  return {
    kinds: ["BUYS_FROM"] as const,
    productIds: filter.productId ? [filter.productId] : [],
    statuses: filter.statuses,
    asOf: filter.asOf,
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
  filter: PurchaseFilter,
): Promise<Relationship[]> {
  if (ids.length === 0) return [];
  const pages = await store.relationshipsOf(
    ids,
    { ...relationshipFilterOf(filter), direction: "OUT", counterpartIds: ids },
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

function productAmount(productId: string | null, group: readonly Relationship[], period: Period): MatrixProductAmount {
  const amount = sumOf(group, period);
  return {
    productId,
    amount,
    relationshipIds: group.map((r) => r.id).sort(),
    totals: totalsOf(group),
    notes: group.flatMap((r) => openNote(r, period, amount.currency) ?? []),
  };
}

function cellOf(rels: readonly Relationship[], period: Period): MatrixCell {
  const byProductMap = new Map<string | null, Relationship[]>();
  for (const r of rels) byProductMap.set(r.productId, [...(byProductMap.get(r.productId) ?? []), r]);
  const byProduct = [...byProductMap.entries()]
    .sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""))
    .map(([pid, group]) => productAmount(pid, group, period));
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
  "notes",
] as const;

// A yearly figure per month is 83333333.333...; cents are as precise as money gets.
const cents = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

function moneyFields(m: Money): CsvValue[] {
  return [cents(m.estimate), cents(m.low), cents(highOrNull(m)), m.qualifier, m.period, m.currency];
}

/** The rows of one buyer, supplier and product: its spend per period, then each currency's total. */
function productRows(cell: MatrixCell, p: MatrixProductAmount): CsvValue[][] {
  const head = [cell.buyerId, cell.supplierId, p.productId];
  // A product bought only as one-off totals has no spend per period to show: its totals say it all.
  const rate =
    p.totals.flatMap((t) => t.relationshipIds).length === p.relationshipIds.length
      ? []
      : [[...head, ...moneyFields(p.amount), p.relationshipIds.join(" "), p.notes.join("; ")]];
  const totals = p.totals.map((t) => [
    ...head,
    ...moneyFields(t.amount),
    t.relationshipIds.join(" "),
    "a one-off or cumulative amount over the life of the deal, not a rate",
  ]);
  return [...rate, ...totals];
}

/**
 * Long format, one row per buyer, supplier and product (and one more per currency of one-off
 * totals); an unknown bound or estimate is an empty field and the notes say why.
 */
export function matrixToCsv(matrix: BuyerSupplierMatrix): string {
  const rows = matrix.cells.flatMap((cell) => cell.byProduct.flatMap((p) => productRows(cell, p)));
  return [MATRIX_CSV_HEADER, ...rows].map(csvLine).join("");
}
