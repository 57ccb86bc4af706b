import { conflicts } from "../analytics/conflicts";
import { type Claim, claimAsKnownAt, claimsKnownAt, listedClaims } from "../domain/claims";
import type { DateSpan, Relationship } from "../domain/entities";
import { periodsSpokenOf } from "../domain/relationship-view";
import { checkDate } from "../domain/dates";
import type { GraphStore, Page } from "../store/graph-store";
import { graphKnownAt } from "../store/record-time";
import { byId, pageById } from "../store/relationship-filter";
import { pageRequest, requireId } from "./arguments";
import type { Context } from "./context";
import type { ClaimListArgs, ClaimsArgs, ConflictsArgs, SourcesArgs } from "./types/args";
import { type Connection, toConnection } from "./types/connection.type";

/**
 * The read paths of the claims model: claims and sources as pages, conflicts ranked, and the graph
 * as known at a record time for the analytics. Every list shows a claim as a reader saw it at the
 * record time asked for (a later retraction not yet visible).
 */

/** The graph as known at `knownAt`, or as now. */
export function storeAt(ctx: Context, knownAt: string | null | undefined): GraphStore {
  return graphKnownAt(ctx.store, knownAt);
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
  r: Relationship,
  args: ClaimListArgs,
): Promise<Connection<Claim>> {
  const knownAt = checkDate("knownAt", args.knownAt) ?? r.knownAt;
  const page = pageRequest(ctx, args);
  const all = await ctx.loaders.claimsOf.load(r.id);
  const listed = listedClaims(all, knownAt, args.includeWithdrawn).sort(byId);
  return toConnection(asSeenAt(pageById(listed, page.first, page.after), knownAt));
}

/** The times the claims counted in `r` speak of (see periodsSpokenOf). */
export async function periodsOf(ctx: Context, r: Relationship): Promise<DateSpan[]> {
  return periodsSpokenOf(claimsKnownAt(await ctx.loaders.claimsOf.load(r.id), r.knownAt));
}

export async function claimsPage(ctx: Context, args: ClaimsArgs): Promise<Connection<Claim>> {
  const knownAt = checkDate("knownAt", args.knownAt);
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

export async function conflictsPage(ctx: Context, args: ConflictsArgs): Promise<Connection<Relationship>> {
  const input = { knownAt: args.knownAt, asOf: args.asOf, kinds: args.kinds ?? [] };
  return toConnection(await conflicts(ctx.store, input, pageRequest(ctx, args)));
}
