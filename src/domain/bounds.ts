import { BadInputError } from "./errors";

/**
 * Every bound and default of an argument, in one place: analytics check them, GraphQL shows them
 * as defaults and in descriptions, the Neo4j adapter sizes its path patterns by them.
 */
export interface IntBounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** Longest path, in relationships, for risk paths and money paths. */
export const PATH_DEPTH = { min: 1, max: 6, default: 4 } as const satisfies IntBounds;
/** How many paths a path search returns. */
export const PATH_FIRST = { min: 1, max: 50, default: 10 } as const satisfies IntBounds;
/** Hops from the centres of a relationship graph. */
export const GRAPH_DEPTH = { min: 1, max: 4, default: 1 } as const satisfies IntBounds;
/** Nodes in a relationship graph. */
export const GRAPH_LIMIT = { min: 1, max: 2000, default: 200 } as const satisfies IntBounds;
/** How many of the most connected nodes an overview asks for. */
export const HUBS_FIRST = { min: 1, max: 100, default: 12 } as const satisfies IntBounds;
/** Centres of one relationship graph, and companies of one matrix. */
export const MAX_CENTERS = 100;
/** A customer share (0..1] above which concentration is flagged. */
export const DEFAULT_SHARE_THRESHOLD = 0.1;

/** "(1 to 6)", for argument descriptions. */
export function rangeText(bounds: IntBounds): string {
  return `(${bounds.min} to ${bounds.max})`;
}

/** An integer argument within bounds (the default when absent), or a BadInputError naming the range. */
export function boundedInt(name: string, value: number | null | undefined, bounds: IntBounds): number {
  const chosen = value ?? bounds.default;
  if (!Number.isInteger(chosen) || chosen < bounds.min || chosen > bounds.max) {
    throw new BadInputError(
      `${name} must be an integer between ${bounds.min} and ${bounds.max} (got ${String(value)})`,
      { argument: name, min: bounds.min, max: bounds.max },
    );
  }
  return chosen;
}

/** A share threshold in (0, 1], the default when absent. */
export function checkThreshold(threshold: number | null | undefined): number {
  const chosen = threshold ?? DEFAULT_SHARE_THRESHOLD;
  if (!(Number.isFinite(chosen) && chosen > 0 && chosen <= 1)) {
    throw new BadInputError("threshold must be between 0 and 1", { argument: "threshold", value: chosen });
  }
  return chosen;
}

/** How many companies a matrix picks by spend when none are named. */
export const MATRIX_TOP = { min: 1, max: 100, default: 10 } as const satisfies IntBounds;
