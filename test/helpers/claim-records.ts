/*
 * Records in the dataset file format for graphs told by several sources: one statement per source,
 * purchases of product `p` from supplier `m`, claims citing their source's statement.
 */

export const sourceRecord = (id: string, kind: string, publishedOn: string, derivedFrom: string[] = []) => ({
  ...{ id, kind, title: id, publishedOn, language: "en", derivedFrom },
});

/** The one statement of source `id`, as `ev-<id>`. */
export const statementOf = (id: string) => ({
  ...{ id: `ev-${id}`, source: id, kind: "STATEMENT", quote: "q", locator: "p. 1", gloss: "g" },
  ...{ refersTo: { label: "2024" }, disclosure: "REPORTED" },
});

/** `<customer>-buys`: `customer` buys `p` from `m`. */
export const purchaseOf = (customer: string) => ({
  id: `${customer}-buys`,
  kind: "BUYS_FROM",
  from: customer,
  to: "m",
  product: "p",
});

export const claimRecord = (id: string, relationship: string, sourceId: string, recordedAt: string, extra: object) => ({
  ...{ id, relationship, source: sourceId, disclosure: "REPORTED", evidence: [`ev-${sourceId}`] },
  ...{ recordedAt, recordedBy: "test", ...extra },
});

/** The three sources most of these graphs are told by: a news report, a wire repeating it, a filing of its own. */
export function reportWireFiling() {
  return {
    sources: [
      sourceRecord("report", "NEWS", "2024-04-01"),
      sourceRecord("wire", "NEWS", "2024-04-02", ["report"]),
      sourceRecord("filing", "FILING", "2025-02-01"),
    ],
    evidence: ["report", "wire", "filing"].map(statementOf),
  };
}
