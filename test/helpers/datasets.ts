import { type Dataset, parseDataset } from "../../src/domain/dataset";

/** A relationship as the dataset files spell it; everything but the ends optional. */
export interface RelationshipInput {
  id: string;
  kind: string;
  from: string;
  to: string;
  product?: string;
  amount?: { estimate: number | null; low: number; high: number | null; qualifier: string; period: string };
  status?: string;
  validFrom?: string;
  validTo?: string;
  confidence?: number;
  market?: string;
  purpose?: string;
}

/**
 * A small dataset for graphs that share nothing with the seed but its shape, validated by the same
 * loader as the seed. Every record cites one note; each relationship is one claim of it.
 */
export function buildDataset(parts: {
  companies: string[];
  products?: { id: string; category?: string }[];
  relationships: RelationshipInput[];
  metrics?: unknown[];
}): Dataset {
  const evidenceId = "ev-note";
  return parseDataset([
    {
      name: "built",
      content: {
        sources: [{ id: "src-note", kind: "NEWS", title: "A note", publishedOn: "2025-01-01", language: "en" }],
        evidence: [
          {
            id: evidenceId,
            source: "src-note",
            kind: "STATEMENT",
            quote: "q",
            locator: "p. 1",
            gloss: "g",
            refersTo: { label: "2025" },
            disclosure: "REPORTED",
          },
        ],
        companies: parts.companies.map((id) => ({ id, name: id.toUpperCase() })),
        products: (parts.products ?? []).map((p) => ({
          id: p.id,
          name: p.id.toUpperCase(),
          category: p.category ?? null,
        })),
        relationships: parts.relationships.map(({ id, kind, from, to, product, market, purpose }) => ({
          ...{ id, kind, from, to, product, market, purpose },
        })),
        claims: parts.relationships.map(({ id, amount, status, validFrom, validTo, confidence }) => ({
          ...{ id: `claim-${id}`, relationship: id, source: "src-note", amount, status, confidence },
          ...{ began: validFrom, ended: validTo, disclosure: "REPORTED", evidence: [evidenceId] },
          ...{ recordedAt: "2025-01-01", recordedBy: "test" },
        })),
        metrics: (parts.metrics ?? []).map((m) => ({ ...(m as object), evidence: [evidenceId] })),
      },
    },
  ]);
}

/** An amount per month as the dataset files spell it (`high: null` is no upper bound). */
export const monthly = (estimate: number | null, low: number, high: number | null, qualifier = "APPROXIMATE") => ({
  estimate,
  low,
  high,
  qualifier,
  period: "MONTH",
});
