import type { Claim } from "./claims";
import type { Evidence } from "./entities";
import { normalizeText } from "./text";

/**
 * A relationship's evidence, each piece once: records with the same id, or the same sentence from
 * the same source (recorded again for another claim, or by another import), are one entry. The
 * entry keeps every record that says it and the claims that cite any of them.
 */
export interface EvidenceEntry {
  /** The entry's record: the first of its records in the order given. */
  readonly evidence: Evidence;
  /** Every record that says it, in the order given. */
  readonly evidenceIds: readonly string[];
  /** The claims citing any of its records, ordered by id. */
  readonly claims: readonly Claim[];
}

/** What makes two records one entry: one source, one sentence (case, accents and spacing aside). */
function sentenceKey(e: Evidence): string {
  return `${e.sourceId}\u0000${normalizeText(e.quote)}`;
}

export function evidenceEntries(evidence: readonly Evidence[], claims: readonly Claim[]): EvidenceEntry[] {
  const entries = new Map<string, { evidence: Evidence; evidenceIds: string[] }>();
  for (const e of evidence) {
    const entry = entries.get(sentenceKey(e));
    if (!entry) entries.set(sentenceKey(e), { evidence: e, evidenceIds: [e.id] });
    else if (!entry.evidenceIds.includes(e.id)) entry.evidenceIds.push(e.id);
  }
  return [...entries.values()].map((entry) => ({
    ...entry,
    claims: claims
      .filter((claim) => claim.evidenceIds.some((id) => entry.evidenceIds.includes(id)))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
}
