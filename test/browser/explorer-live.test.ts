import { describe, expect, it } from "vitest";
import { hashKey } from "../../src/server/auth";
import { skipBrowserTier, useBrowserSession } from "../helpers/browser";
import { DISSENTING_FILING, type ExplorerWindow, recordBatch, settled, tap, waitDrawn } from "../helpers/explorer-page";
import { postGraphQL } from "../helpers/post-graphql";

const EDITOR_KEY = "editor-key-live-0123456789";
const ADMIN_KEY = "admin-key-live-0123456789";
const WALMART = "walmart-buys-azure-from-microsoft";
const CONTOSO = "contoso-ai-buys-azure-from-microsoft";

const report = {
  id: "contoso-report",
  kind: "NEWS",
  title: "Contoso AI moves to Azure",
  publishedOn: "2025-03-01",
  language: "en",
};
const statement = {
  ...{ id: "ev-contoso-report", source: "contoso-report", kind: "STATEMENT", quote: "Contoso AI runs on Azure." },
  ...{ gloss: "Contoso AI runs on Azure.", locator: "para. 2", refersTo: { label: "2025" }, disclosure: "REPORTED" },
};
const claimOf = (id: string, relationship: string) => ({
  ...{ id, relationship, source: "contoso-report", disclosure: "REPORTED", evidence: ["ev-contoso-report"] },
  ...{ amount: { low: 1e6, high: 2e6, qualifier: "RANGE", period: "MONTH" }, confidence: 0.6 },
});

/** A new customer of Azure, and one more claim about Walmart's Azure spend, in one batch. */
const NEW_CUSTOMER = {
  key: "live-contoso",
  recordsJson: {
    sources: [report],
    evidence: [statement],
    companies: [{ id: "contoso-ai", name: "Contoso AI", kind: "ai-lab", country: "US" }],
    relationships: [{ id: CONTOSO, kind: "BUYS_FROM", from: "contoso-ai", to: "microsoft", product: "azure" }],
    claims: [claimOf("contoso-claim", CONTOSO), claimOf("walmart-claim-contoso-report", WALMART)],
  },
};

const hasClass = ({ id, name }: { id: string; name: string }) =>
  (window as unknown as ExplorerWindow).explorer.cy.getElementById(id).hasClass(name);

describe.skipIf(skipBrowserTier("the live explorer browser test"))("the explorer, live", () => {
  const session = useBrowserSession(
    { width: 1500, height: 950 },
    { data: "shipped", env: () => ({ API_KEYS: `ed:editor:${hashKey(EDITOR_KEY)},root:admin:${hashKey(ADMIN_KEY)}` }) },
  );

  it("draws a claim recorded through the API without reload, updates the open sources, and undraws it when withdrawn", async () => {
    const { page } = session;
    await page.goto(`${session.origin}/explorer#centers=microsoft`);
    await settled(page);
    await page.waitForSelector("body[data-live=true]");
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await tap(page, WALMART);
    await page.waitForSelector("[data-testid=claims] li[data-claim-id]");
    await settled(page);

    await recordBatch(session.server.url, EDITOR_KEY, NEW_CUSTOMER);
    await waitDrawn(page, CONTOSO);
    await page.waitForSelector('[data-testid=claims] li[data-claim-id="walmart-claim-contoso-report"]');
    await settled(page);
    expect(await page.evaluate(() => "sameDocument" in window), "the page was not reloaded").toBe(true);
    expect(await page.evaluate(hasClass, { id: CONTOSO, name: "changed" })).toBe(true);
    expect(await page.textContent("[data-testid=sources-changed]")).toContain("Changed");
    expect(await page.textContent(`#edge-list li[data-edge-id="${CONTOSO}"]`)).toContain(
      "Contoso AI buys from Microsoft",
    );
    await page.screenshot({ path: "test-output/explorer-live.png" });

    // Retracting is an admin's.
    await recordBatch(session.server.url, ADMIN_KEY, {
      key: "live-contoso-withdrawn",
      retractions: [{ claim: "contoso-claim", reason: "the report was about another Contoso" }],
    });
    await waitDrawn(page, CONTOSO, false);
    await waitDrawn(page, "contoso-ai", false);
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  });

  it("marks what changed since a chosen day", async () => {
    const { page } = session;
    await page.goto(`${session.origin}/explorer#centers=microsoft`);
    await settled(page);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { body } = await postGraphQL(
      session.server.url,
      `query ($from: LocalDate!, $to: LocalDate!) { diff(from: $from, to: $to, companies: ["microsoft"], first: 100) { nodes { id } } }`,
      { from: yesterday, to: new Date().toISOString().slice(0, 10) },
    );
    const changed: string[] = body.data.diff.nodes.map((node: { id: string }) => node.id);
    expect(changed.length).toBeGreaterThan(0);
    await page.fill("#changed-since", yesterday);
    await page.dispatchEvent("#changed-since", "change");
    await page.waitForSelector("#changed-since-list li[data-changed-id]");
    await settled(page);
    const listed = await page.$$eval("#changed-since-list li[data-changed-id]", (items) =>
      items.map((li) => li.getAttribute("data-changed-id")),
    );
    expect(listed.sort()).toEqual([...changed].sort());
    expect(await page.evaluate(hasClass, { id: WALMART, name: "changed" })).toBe(changed.includes(WALMART));
  });

  it("shows a relationship's claims timeline with the server's verdicts", async () => {
    const { page } = session;
    await recordBatch(session.server.url, EDITOR_KEY, DISSENTING_FILING.input);
    const { body } = await postGraphQL(
      session.server.url,
      `{ relationship(id: "microsoft-invests-in-openai") { agreement { verdicts { claimId verdict } } } }`,
    );
    const verdicts: Array<{ claimId: string; verdict: string }> = body.data.relationship.agreement.verdicts;
    expect(verdicts).toContainEqual({ claimId: "filing-investment-10b", verdict: "DISSENTS" });
    await page.goto(`${session.origin}/explorer#centers=microsoft&edge=microsoft-invests-in-openai`);
    await settled(page);
    await page.waitForSelector("[data-testid=timeline-list] li[data-claim-id]");
    const marks = await page.$$eval("[data-testid=timeline-list] li[data-claim-id]", (items) =>
      items.map((li) => ({ claimId: li.getAttribute("data-claim-id")!, verdict: li.getAttribute("data-mark")! })),
    );
    expect(marks.sort((a, b) => a.claimId.localeCompare(b.claimId))).toEqual(
      [...verdicts].sort((a, b) => a.claimId.localeCompare(b.claimId)),
    );
    expect(await page.locator("[data-testid=timeline] svg").count()).toBe(2);
    await page.locator("[data-testid=timeline]").screenshot({ path: "test-output/explorer-timeline.png" });
  });
});
