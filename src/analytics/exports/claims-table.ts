import type { Claim } from "../../domain/claims";
import { MAX_CENTERS } from "../../domain/bounds";
import { checkDate } from "../../domain/dates";
import type { RelationshipKind } from "../../domain/entities";
import { highOrNull } from "../../domain/interval";
import type { GraphStore, RelationshipFilter } from "../../store/graph-store";
import { checkIds, checkKinds } from "../relationship-graph";
import { type CsvValue, csvLine } from "./csv";
import { requireKnown } from "./known-ids";
import { pagesOf } from "./pages";
import { provenanceOfPage, type RelationshipProvenance } from "./provenance";
import type { Sink } from "./sink";

/**
 * Claims as a long table (README, "claims.csv"): one row per claim counted at the record time,
 * with its relationship, its source, the origin it is counted under and its verdict, straight from
 * the fusion that makes the served amount. Streamed page by page.
 */

export interface ClaimsTableOptions {
  readonly asOf?: string | null;
  readonly knownAt?: string | null;
  readonly kinds?: readonly string[] | null;
  /** Only relationships with one of these at either end. */
  readonly companies?: readonly string[] | null;
  readonly productId?: string | null;
}

type Row = { readonly p: RelationshipProvenance; readonly claim: Claim };

/** The columns, in order: each name and how a row fills it (documented one by one in the README). */
const COLUMNS: readonly (readonly [string, (row: Row) => CsvValue])[] = [
  ["relationship_id", ({ p }) => p.relationship.id],
  ["relationship_kind", ({ p }) => p.relationship.kind],
  ["from", ({ p }) => p.relationship.from],
  ["to", ({ p }) => p.relationship.to],
  ["product", ({ p }) => p.relationship.productId],
  ["claim_id", ({ claim }) => claim.id],
  ["amount_low", ({ claim }) => claim.amount?.low ?? null],
  ["amount_high", ({ claim }) => (claim.amount ? highOrNull(claim.amount) : null)],
  ["amount_estimate", ({ claim }) => claim.amount?.estimate ?? null],
  ["amount_qualifier", ({ claim }) => claim.amount?.qualifier ?? null],
  ["amount_period", ({ claim }) => claim.amount?.period ?? null],
  ["amount_currency", ({ claim }) => claim.amount?.currency ?? null],
  ["refers_to_from", ({ claim }) => claim.refersTo.from],
  ["refers_to_to", ({ claim }) => claim.refersTo.to],
  ["refers_to_label", ({ claim }) => claim.refersTo.label],
  ["began", ({ claim }) => claim.began],
  ["ended", ({ claim }) => claim.ended],
  ["status", ({ claim }) => claim.status],
  ["disclosure", ({ claim }) => claim.disclosure],
  ["confidence", ({ claim }) => claim.confidence],
  ["recorded_at", ({ claim }) => claim.recordedAt],
  ["recorded_by", ({ claim }) => claim.recordedBy],
  ["supersedes", ({ claim }) => claim.supersedes],
  ["retracted_at", ({ claim }) => claim.retraction?.at ?? null],
  ["retraction_reason", ({ claim }) => claim.retraction?.reason ?? null],
  ["source_id", ({ claim }) => claim.sourceId],
  ["source_kind", ({ p, claim }) => p.sources.get(claim.sourceId)?.kind ?? null],
  ["source_publisher", ({ p, claim }) => p.sources.get(claim.sourceId)?.publisher ?? null],
  ["source_published_on", ({ p, claim }) => p.sources.get(claim.sourceId)?.publishedOn ?? null],
  ["source_url", ({ p, claim }) => p.sources.get(claim.sourceId)?.url ?? null],
  ["origin_id", ({ p, claim }) => p.fusion.origins.find((o) => o.claimIds.includes(claim.id))?.originId ?? null],
  ["verdict", ({ p, claim }) => p.fusion.verdicts.get(claim.id) ?? null],
];

const CLAIMS_TABLE_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

interface CheckedOptions {
  readonly filter: RelationshipFilter;
  readonly knownAt: string | null;
  readonly companies: ReadonlySet<string> | null;
}

/** Checks every option before anything is written, so a refusal never follows a partial file. */
export async function checkClaimsTable(store: GraphStore, opts: ClaimsTableOptions): Promise<CheckedOptions> {
  const knownAt = checkDate("knownAt", opts.knownAt);
  const kinds: RelationshipKind[] = checkKinds(opts.kinds);
  const companies = opts.companies?.length ? checkIds("companies", opts.companies, MAX_CENTERS) : null;
  const productId = opts.productId ? checkIds("product", [opts.productId], 1)[0]! : null;
  if (companies) await requireKnown(store, "companies", "Company", companies);
  if (productId) await requireKnown(store, "product", "Product", [productId]);
  return {
    filter: { kinds, asOf: checkDate("asOf", opts.asOf), productIds: productId ? [productId] : [], knownAt },
    knownAt,
    companies: companies ? new Set(companies) : null,
  };
}

/** Writes the table, header first, one page of relationships at a time. */
export async function writeClaimsTable(store: GraphStore, checked: CheckedOptions, sink: Sink): Promise<void> {
  await sink(csvLine(CLAIMS_TABLE_COLUMNS));
  const { companies } = checked;
  for await (const page of pagesOf((request) => store.listRelationships(checked.filter, request))) {
    const kept = companies ? page.filter((r) => companies.has(r.from) || companies.has(r.to)) : page;
    if (kept.length === 0) continue;
    let text = "";
    for (const p of await provenanceOfPage(store, kept, checked.knownAt))
      for (const claim of p.claims) text += csvLine(COLUMNS.map(([, value]) => value({ p, claim })));
    await sink(text);
  }
}
