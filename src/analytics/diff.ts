import { MAX_CENTERS } from "../domain/bounds";
import { checkDate } from "../domain/dates";
import type { Agreement, Relationship, RelationshipKind } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { Money } from "../domain/money";
import type { GraphStore, Page, PageRequest, RelationshipFilter } from "../store/graph-store";
import { storeKnownAt } from "../store/record-time";
import { pageById } from "../store/relationship-filter";

/** How a relationship differs between two record times. */
export const DIFF_KINDS = ["APPEARED", "WITHDRAWN", "CHANGED"] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** The parts of a relationship a diff compares; the rest (confidence, dates reported) is not a change. */
export const DIFF_PARTS = ["AMOUNT", "STATUS", "AGREEMENT"] as const;
export type DiffPart = (typeof DIFF_PARTS)[number];

export interface RelationshipDiff {
  /** The relationship's id: diffs are ordered and paged by it. */
  readonly id: string;
  readonly change: DiffKind;
  /** What differs: every part for a relationship that appeared or was withdrawn. */
  readonly parts: readonly DiffPart[];
  /** As known at `from`; null when no claim about it was counted then. */
  readonly before: Relationship | null;
  /** As known at `to`; null when no claim about it is counted then. */
  readonly after: Relationship | null;
}

export interface DiffInput {
  readonly from: string;
  readonly to: string;
  /** Only relationships with one of these at either end (all when empty). */
  readonly companies?: readonly string[];
  readonly kinds?: readonly RelationshipKind[];
}

function requiredDate(name: string, value: string): string {
  const day = checkDate(name, value);
  if (day === null) throw new BadInputError(`${name} is required`, { argument: name });
  return day;
}

function checkInput(input: DiffInput): { from: string; to: string } {
  const from = requiredDate("from", input.from);
  const to = requiredDate("to", input.to);
  // ISO dates compare in calendar order as strings.
  if (from > to) throw new BadInputError(`from (${from}) must not be after to (${to})`, { argument: "from" });
  const companies = input.companies?.length ?? 0;
  if (companies > MAX_CENTERS) {
    throw new BadInputError(`companies may list at most ${MAX_CENTERS} ids (got ${companies})`, {
      argument: "companies",
      max: MAX_CENTERS,
    });
  }
  return { from, to };
}

function sameMoney(a: Money | null, b: Money | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.low === b.low &&
    a.high === b.high &&
    a.estimate === b.estimate &&
    a.qualifier === b.qualifier &&
    a.period === b.period &&
    a.currency === b.currency
  );
}

/** The agreement a reader sees: how many claims and origins, whether they conflict, and who dissents. */
function sameAgreement(a: Agreement, b: Agreement): boolean {
  const dissent = (x: Agreement) => [...x.dissent].sort().join("\n");
  return (
    a.claims === b.claims &&
    a.independentOrigins === b.independentOrigins &&
    a.conflicting === b.conflicting &&
    dissent(a) === dissent(b)
  );
}

function changedParts(before: Relationship, after: Relationship): DiffPart[] {
  const differs: Record<DiffPart, boolean> = {
    AMOUNT: !sameMoney(before.amount, after.amount),
    STATUS: before.status !== after.status,
    AGREEMENT: !sameAgreement(before.agreement, after.agreement),
  };
  return DIFF_PARTS.filter((part) => differs[part]);
}

/** How one relationship differs, or null when it is the same at both record times. */
function diffOf(id: string, before: Relationship | null, after: Relationship | null): RelationshipDiff | null {
  if (before === null && after === null) return null;
  if (before === null) return { id, change: "APPEARED", parts: DIFF_PARTS, before, after };
  if (after === null) return { id, change: "WITHDRAWN", parts: DIFF_PARTS, before, after };
  const parts = changedParts(before, after);
  return parts.length === 0 ? null : { id, change: "CHANGED", parts, before, after };
}

async function relationshipsKnownAt(store: GraphStore, knownAt: string, filter: RelationshipFilter) {
  const page = await storeKnownAt(store, knownAt).listRelationships(filter, {});
  return new Map(page.items.map((r) => [r.id, r]));
}

/**
 * The relationships that appeared, were withdrawn, or whose amount, status or agreement changed
 * between the record times `from` and `to`, each as known at both, ordered by id. Both views are
 * remade from the claims (store/record-time.ts), so a relationship withdrawn since is seen too.
 */
export async function diff(store: GraphStore, input: DiffInput, page: PageRequest): Promise<Page<RelationshipDiff>> {
  const { from, to } = checkInput(input);
  const filter: RelationshipFilter = { kinds: input.kinds ?? [], counterpartIds: input.companies ?? [] };
  const [before, after] = await Promise.all([
    relationshipsKnownAt(store, from, filter),
    relationshipsKnownAt(store, to, filter),
  ]);
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const diffs = ids.flatMap((id) => diffOf(id, before.get(id) ?? null, after.get(id) ?? null) ?? []);
  return pageById(diffs, page.first, page.after);
}
