/** How values read from Neo4j become plain JavaScript: each converter reads an absent value (null) its own way. */

/** A node's or relationship's properties by name, as stored. */
export type Props = Record<string, unknown>;

/**
 * `fields` named with `values` from `offset` on, a null read as absent (undefined). Every field is
 * set, in the same order, so that the objects of one read share their shape and the readers'
 * property lookups stay fast.
 */
export function zip(fields: readonly string[], values: readonly unknown[], offset = 0): Props {
  const props: Props = {};
  for (let i = 0; i < fields.length; i++) props[fields[i]!] = values[offset + i] ?? undefined;
  return props;
}

export function str(v: unknown): string {
  return typeof v === "string" ? v : String(v ?? "");
}

export function optStr(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

/** Integers arrive as JS numbers (the driver runs with disableLosslessIntegers). */
export function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v);
}

export function optNum(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}
