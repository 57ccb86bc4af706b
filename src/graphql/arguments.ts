import { isSlug, type RelationshipKind } from "../domain/entities";
import { BadInputError } from "../domain/errors";
import type { Direction, PageRequest, RelationshipFilter } from "../store/graph-store";
import type { Clock } from "./clock";
import type { Context } from "./context";
import type { AnyRelationshipArgs, PageArgs, RelationshipArgs } from "./types/args";
import { decodeCursor } from "./types/cursor";

/**
 * Argument checks beyond what the schema's types and class-validator say: ids, page sizes within
 * the configured maximum, cursors this API issued, and the store filter a list's arguments mean.
 * Resolvers and the request planner both go through them, so a planned read asks exactly what the
 * resolver would.
 */

export function requireId(id: string, what = "id"): string {
  if (!isSlug(id)) {
    throw new BadInputError(
      `${what} ${JSON.stringify(id.slice(0, 120))} is not a valid id: ids are lowercase slugs such as "microsoft" or "azure-openai"`,
    );
  }
  return id;
}

export function pageRequest(ctx: Context, args: PageArgs): PageRequest {
  const max = ctx.limits.maxPageSize;
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > max) {
    throw new BadInputError(`first must be between 1 and ${max} (got ${args.first})`, { argument: "first", max });
  }
  return { first: args.first, after: decodeCursor(args.after) };
}

/** The store filter of a list's arguments, read at `clock` (its own asOf and knownAt, or those it inherits). */
export function relationshipFilter(
  args: RelationshipArgs & Partial<Pick<AnyRelationshipArgs, "kinds">>,
  kinds: readonly RelationshipKind[] | null,
  direction: Direction,
  clock: Clock,
): RelationshipFilter {
  args.product?.forEach((p) => requireId(p, "product"));
  return {
    kinds: kinds ?? args.kinds ?? [],
    direction,
    productIds: args.product ?? [],
    statuses: args.status ?? [],
    asOf: clock.asOf,
    knownAt: clock.knownAt,
  };
}
