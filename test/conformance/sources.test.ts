import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import type { Dataset } from "../../src/domain/dataset";
import type { Source } from "../../src/domain/entities";
import type { GraphStore } from "../../src/store/graph-store";
import { execute } from "../helpers/execute";
import { loadedStoreFactories } from "../helpers/stores";

/** The seed with the article recorded as repeating a (hypothetical) wire report, which cites nothing. */
function withWireReport(): Dataset {
  const seed = loadSeed();
  const wire: Source = {
    id: "wire-report",
    kind: "NEWS",
    title: "A wire report the article repeats",
    publishedOn: "2024-07-31",
    language: "en",
    publisher: null,
    url: "https://example.org/wire",
    document: null,
    derivedFrom: [],
    derivations: [],
  };
  const article = { ...seed.sources[0]!, derivedFrom: ["wire-report"] };
  return { ...seed, sources: [article, wire] };
}

const QUERY = `{
  evidence(id: "ev-tiktok-20m-month") {
    source { id kind textHeld derivedFrom { id kind textHeld url derivedFrom { id } } }
  }
}`;

describe.each(loadedStoreFactories())("sources on %s", (_name, load) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await load(withWireReport());
  });
  afterAll(() => store?.close());

  it("keep their kind and what they are derived from, and say whether their text is held", async () => {
    const answer = await execute(store, QUERY);
    expect(answer).toEqual({
      data: {
        evidence: {
          source: {
            id: "tiktok-microsoft-azure-openai-2024-08-01",
            kind: "NEWS",
            textHeld: true,
            derivedFrom: [
              { id: "wire-report", kind: "NEWS", textHeld: false, url: "https://example.org/wire", derivedFrom: [] },
            ],
          },
        },
      },
    });
  });
});
