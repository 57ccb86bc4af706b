import type { GraphQLResolveInfo } from "graphql";
import { checkDate } from "../domain/dates";
import type { Context } from "./context";

/**
 * One clock per answer: the valid time (`asOf`) and record time (`knownAt`) a field reads at. A
 * field that is given either holds it for every object nested under it, however deep, so a
 * relationship inside a report read at a record time is that record time's relationship too. A
 * nested field's own argument wins for its subtree. Clocks are kept per request, by response path
 * (list positions left out: every item of a list reads at the list's clock).
 */
export interface Clock {
  readonly asOf: string | null;
  readonly knownAt: string | null;
}

const NOW: Clock = { asOf: null, knownAt: null };

/** What a field says of the clock: its arguments, where given. */
export interface ClockArgs {
  readonly asOf?: string | null;
  readonly knownAt?: string | null;
}

type Path = GraphQLResolveInfo["path"];

/** The response keys from the root to `path`, list positions left out. */
function keysOf(path: Path | undefined): string[] {
  const keys: string[] = [];
  for (let at = path; at; at = at.prev) if (typeof at.key === "string") keys.push(at.key);
  return keys.reverse();
}

/** The clock of the nearest field above `info`'s that set one; now when none did. */
function inherited(ctx: Context, info: Pick<GraphQLResolveInfo, "path">): Clock {
  const keys = keysOf(info.path.prev);
  for (let length = keys.length; length > 0; length--) {
    const clock = ctx.clocks.get(keys.slice(0, length).join("."));
    if (clock) return clock;
  }
  return NOW;
}

/**
 * The clock the field of `info` reads at: its own arguments where given, else its enclosing
 * field's. A field that sets one holds it for its subtree.
 */
export function clockOf(ctx: Context, info: Pick<GraphQLResolveInfo, "path">, own: ClockArgs = {}): Clock {
  const outer = inherited(ctx, info);
  const asOf = checkDate("asOf", own.asOf);
  const knownAt = checkDate("knownAt", own.knownAt);
  if (asOf === null && knownAt === null) return outer;
  const clock = { asOf: asOf ?? outer.asOf, knownAt: knownAt ?? outer.knownAt };
  ctx.clocks.set(keysOf(info.path).join("."), clock);
  return clock;
}

/** A planned list's clock: its own arguments where given, else the clock of the list it hangs under. */
export function nestedClock(outer: Clock, own: ClockArgs): Clock {
  const asOf = checkDate("asOf", own.asOf);
  const knownAt = checkDate("knownAt", own.knownAt);
  return { asOf: asOf ?? outer.asOf, knownAt: knownAt ?? outer.knownAt };
}
