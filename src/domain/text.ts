/** Lowercase, accents stripped, whitespace collapsed: "Médio  Oriente" -> "medio oriente". */
export function normalizeText(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Search keys of a node: its normalized name first, then its aliases. */
export function searchKeys(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(normalizeText))];
}

/**
 * How well a normalized query matches normalized keys, and the key that matched best (the first
 * one on a tie). The first key is the name; an alias match weighs a little less. Both stores use
 * these exact numbers.
 */
export function bestMatch(query: string, keys: readonly string[]): { score: number; key: string } | null {
  let best: { score: number; key: string } | null = null;
  keys.forEach((key, i) => {
    let s = 0;
    if (key === query) s = 3;
    else if (key.startsWith(query)) s = 2;
    else if (key.includes(` ${query}`)) s = 1.5;
    else if (key.includes(query)) s = 1;
    if (i > 0) s *= 0.9;
    if (s > 0 && (best === null || s > best.score)) best = { score: s, key };
  });
  return best;
}
