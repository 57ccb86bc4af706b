/** Markdown tables, readable as text in a terminal and rendered in the README and bench/results/. */

/** Columns whose cells are all numbers (or a dash) are right-aligned, and padded so that the text lines up. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^(-|—|[\d.,]+( ?[a-zA-Z%]+)?x?)$/.test(r[i]!)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** Milliseconds with the digits that matter at that size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MB` : "—";
}

export function companies(size: number): string {
  return size.toLocaleString("en");
}
