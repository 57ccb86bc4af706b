/**
 * How deep a parsed JSON value nests, measured without recursion. JSON.parse itself is iterative
 * in V8, but JSON.stringify, Array#join, argument validation and most walks that follow are not:
 * a value some thousands of levels deep makes them overflow the stack. Everything that arrives as
 * JSON (a request, a dataset file) is measured here first and refused when it is deeper than its
 * limit, so nothing after it ever walks deeper than that.
 */

/** Deep enough for any request or dataset file this API reads (a batch nests about 7 levels). */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * true when `value` nests more than `max` levels: `1` and `"a"` are depth 0, `{}` and `[]` depth
 * 1, `{"a": [1]}` depth 2. Stops at the first container past the limit; at most one visit per value.
 */
export function deeperThan(value: unknown, max: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === "object") pending.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}
