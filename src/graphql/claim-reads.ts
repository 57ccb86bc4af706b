import type { GraphQLResolveInfo } from "graphql";
import { conflicts } from "../analytics/conflicts";
import { diff, type RelationshipDiff } from "../analytics/diff";
import { type Clock, type ClockArgs, clockOf } from "./clock";
import { type Claim, claimAsKnownAt, claimsKnownAt, listedClaims } from "../domain/claims";
import type { DateSpan, Relationship } from "../domain/entities";
import { partOf, type RelationshipRow } from "../domain/relationship-parts";
import { fusionAt, periodsSpokenOf, sourceLineage } from "../domain/relationship-view";
import type { Fusion } from "../domain/fusion";
import { checkDate } from "../domain/dates";
import type { GraphStore, Page } from "../store/graph-store";
import { graphKnownAt } from "../store/record-time";
import { byId, pageById } from "../store/relationship-filter";
import { pageRequest, requireId } from "./arguments";
import { sharingNodes } from "./loaders/sharing-store";
import type { Context } from "./context";
import { evidenceByIds, loadedOrThrow } from "./reads";
import { type EvidenceEntry, evidenceEntries } from "../domain/evidence-entries";
import type { ClaimListArgs, ClaimsArgs, ConflictsArgs, SourcesArgs } from "./types/args";
import { type Connection, toConnection } from "./types/connection.type";
import type { DiffArgs } from "./types/diff.type";

/**
 * The read paths of the claims model: claims and sources as pages, conflicts ranked, and the graph
 * as known at a record time for the analytics. Every list shows a claim as a reader saw it at the
 * record time asked for (a later retraction not yet visible).
 */

/**
 * The graph as known at the field's record time, or as now. The field's clock (its own asOf and
 * knownAt, or those it inherits) then holds for everything nested under it (see clock.ts).
 */
export function storeAt(ctx: Context, info: GraphQLResolveInfo, own: ClockArgs): GraphStore {
  return graphKnownAt(sharingNodes(ctx.store, ctx), clockOf(ctx, info, own).knownAt);
}

function asSeenAt(page: Page<Claim>, knownAt: string | null): Page<Claim> {
  return { ...page, items: page.items.map((claim) => claimAsKnownAt(claim, knownAt)) };
}

/**
 * A relationship's claims, as known at `args.knownAt`, else at the record time the relationship
 * itself was read at.
 */
export async function claimsOfRelationship(
  ctx: Context,
  r: RelationshipRow,
  args: ClaimListArgs,
): Promise<Connection<Claim>> {
  const knownAt = checkDate("knownAt", args.knownAt) ?? r.knownAt;
  const page = pageRequest(ctx, args);
  const all = await ctx.loaders.claimsOf.load(r.id);
  const listed = listedClaims(all, knownAt, args.includeWithdrawn).sort(byId);
  return toConnection(asSeenAt(pageById(listed, page.first, page.after), knownAt));
}

/**
 * How `r`'s claims fuse at the record time `r` was read at: each origin's voice and each claim's
 * verdict (see domain/fusion.ts), from its claims and every source they trace back to.
 */
export async function fusionOf(ctx: Context, r: RelationshipRow): Promise<Fusion> {
  const claims = await ctx.loaders.claimsOf.load(r.id);
  const sources = await sourceLineage(claims, async (ids) => loadedOrThrow(await ctx.loaders.source.loadMany(ids)));
  return fusionAt(claims, sources, r.knownAt);
}

/** `r`'s evidence, each piece once, with the claims counted in `r` that cite it (see domain/evidence-entries.ts). */
export async function evidenceOf(ctx: Context, r: RelationshipRow): Promise<EvidenceEntry[]> {
  const evidenceIds = partOf(r, "evidenceIds");
  const [evidence, claims] = await Promise.all([evidenceByIds(ctx, evidenceIds), ctx.loaders.claimsOf.load(r.id)]);
  return evidenceEntries(
    evidence,
    claimsKnownAt(claims, r.knownAt).map((claim) => claimAsKnownAt(claim, r.knownAt)),
  );
}

/** The times the claims counted in `r` speak of (see periodsSpokenOf). */
export async function periodsOf(ctx: Context, r: RelationshipRow): Promise<DateSpan[]> {
  return periodsSpokenOf(claimsKnownAt(await ctx.loaders.claimsOf.load(r.id), r.knownAt));
}

export async function claimsPage(ctx: Context, args: ClaimsArgs, clock: Clock): Promise<Connection<Claim>> {
  const { knownAt } = clock;
  const filter = {
    relationshipIds: args.relationship ? [requireId(args.relationship, "relationship")] : [],
    sourceIds: args.source ? [requireId(args.source, "source")] : [],
    knownAt,
    includeWithdrawn: args.includeWithdrawn,
  };
  return toConnection(asSeenAt(await ctx.store.listClaims(filter, pageRequest(ctx, args)), knownAt));
}

export async function sourcesPage(ctx: Context, args: SourcesArgs) {
  return toConnection(await ctx.store.listSources({ kinds: args.kinds ?? [] }, pageRequest(ctx, args)));
}

export async function conflictsPage(
  ctx: Context,
  args: ConflictsArgs,
  clock: Clock,
): Promise<Connection<Relationship>> {
  const input = { knownAt: clock.knownAt, asOf: clock.asOf, kinds: args.kinds ?? [] };
  return toConnection(await conflicts(ctx.store, input, pageRequest(ctx, args)));
}

/** Query.diff: how the relationships differ between two record times (see analytics/diff.ts). */
export async function diffPage(ctx: Context, args: DiffArgs): Promise<Connection<RelationshipDiff>> {
  const input = {
    from: args.from,
    to: args.to,
    companies: (args.companies ?? []).map((id) => requireId(id, "company")),
    kinds: args.kinds ?? [],
  };
  return toConnection(await diff(ctx.store, input, pageRequest(ctx, args)));
}
