import { monthly } from "./datasets";

/**
 * A filing that puts TikTok's spend at US$50M a month: a second origin that disagrees (or the same
 * figure on another relationship).
 */
export function filing(
  key: string,
  claimId = "filing-tiktok",
  relationship = "tiktok-buys-azure-openai-from-microsoft",
) {
  return {
    input: {
      key,
      records: {
        sources: [
          { id: "annual-filing", kind: "FILING", title: "A filing", publishedOn: "2025-01-31", language: "en" },
        ],
        evidence: [
          {
            ...{ id: "ev-annual-filing", source: "annual-filing", kind: "STATEMENT", quote: "Spend in the filing." },
            ...{
              gloss: "Spend in the filing.",
              locator: "p. 40",
              refersTo: { label: "2024" },
              disclosure: "DISCLOSED",
            },
          },
        ],
        claims: [
          {
            ...{ id: claimId, relationship, source: "annual-filing" },
            ...{ amount: monthly(50e6, 50e6, 50e6, "EXACT"), disclosure: "DISCLOSED", evidence: ["ev-annual-filing"] },
          },
        ],
      },
    },
  };
}
