/** What the explorer's browser tests do with its page: wait for it, reach its drawing, act on it. */
import type { Page } from "playwright-core";
import { postGraphQL } from "./post-graphql";

/** What the page exposes for tests: the cytoscape instance and the explorer's state. */
export interface ExplorerWindow {
  explorer: {
    cy: {
      getElementById(id: string): {
        length: number;
        emit(event: string): void;
        data(key: string): unknown;
        hasClass(name: string): boolean;
      };
      nodes(): { length: number; map<T>(f: (n: { id(): string; data(key: string): unknown }) => T): T[] };
      edges(): { length: number; map<T>(f: (e: { id(): string }) => T): T[] };
    };
    state: { pending: number };
  };
}

/** Waits until the page has opened its view and no GraphQL request is in flight. */
export async function settled(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.opened === "true" && (window as unknown as ExplorerWindow).explorer.state.pending === 0,
    undefined,
    { timeout },
  );
}

// Returns nothing: handing a cytoscape collection back to the test would serialise a huge object graph.
export const tap = (page: Page, id: string) =>
  page.evaluate((target) => {
    (window as unknown as ExplorerWindow).explorer.cy.getElementById(target).emit("tap");
  }, id);

export const drawn = (page: Page, id: string) =>
  page.evaluate((target) => (window as unknown as ExplorerWindow).explorer.cy.getElementById(target).length > 0, id);

/** The ids of the drawn nodes, sorted. */
export const nodeIds = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as ExplorerWindow).explorer.cy
      .nodes()
      .map((n) => n.id())
      .sort(),
  );

/** Waits until `id` is drawn (or, with `present` false, gone). */
export const waitDrawn = (page: Page, id: string, present = true) =>
  page.waitForFunction(
    ([target, wanted]) =>
      (window as unknown as ExplorerWindow).explorer.cy.getElementById(target).length > 0 === wanted,
    [id, present] as const,
    { timeout: 20_000 },
  );

/** Chooses a company in the search list, as a user would. */
export async function chooseCompany(page: Page, id: string, text = id): Promise<void> {
  await page.fill("#search-input", text);
  await page.click(`#search-results li[data-id="${id}"]`, { timeout: 15_000 });
  await settled(page);
}

/** Records a batch through the API as an editor; fails the test on any error. */
export async function recordBatch(url: string, editorKey: string, input: object): Promise<void> {
  const { body } = await postGraphQL(
    url,
    `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { firstSeq } }`,
    { input },
    { authorization: `Bearer ${editorKey}` },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** A filing that puts Microsoft's investment in OpenAI at exactly US$10B: an origin of its own, outweighed. */
export const DISSENTING_FILING = {
  input: {
    key: "explorer-dissent",
    recordsJson: {
      sources: [
        { id: "investment-filing", kind: "FILING", title: "A filing", publishedOn: "2025-01-31", language: "en" },
      ],
      evidence: [
        {
          ...{ id: "ev-investment-filing", source: "investment-filing", kind: "STATEMENT", quote: "US$10B invested." },
          ...{ gloss: "US$10B invested.", locator: "p. 12", refersTo: { label: "2024" }, disclosure: "DISCLOSED" },
        },
      ],
      claims: [
        {
          ...{ id: "filing-investment-10b", relationship: "microsoft-invests-in-openai", source: "investment-filing" },
          ...{ amount: { estimate: 10e9, low: 10e9, high: 10e9, qualifier: "EXACT", period: "TOTAL" } },
          ...{ disclosure: "DISCLOSED", confidence: 1, evidence: ["ev-investment-filing"] },
        },
      ],
    },
  },
};
