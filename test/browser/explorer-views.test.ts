import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { skipBrowserTier, useBrowserSession } from "../helpers/browser";
import { hashKey } from "../../src/server/auth";
import { DISSENTING_FILING, drawn, type ExplorerWindow, nodeIds, settled, tap } from "../helpers/explorer-page";
import { postGraphQL } from "../helpers/post-graphql";

const EDITOR_KEY = "editor-key-0123456789";

const TIKTOK_EDGE = "tiktok-buys-azure-openai-from-microsoft";
const INVESTMENT = "microsoft-invests-in-g42";

/** Microsoft chosen in the list, then its Azure OpenAI line. */
async function openAzureOpenAiLine(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/explorer`);
  await settled(page);
  await page.fill("#search-input", "microsoft");
  await page.click('#search-results li[data-id="microsoft"]', { timeout: 15_000 });
  await page.waitForSelector('#line-product option[value="azure-openai"]', { state: "attached", timeout: 15_000 });
  await settled(page);
  await page.selectOption("#line-product", "azure-openai");
  await page.waitForSelector('[data-bar="tiktok"]', { state: "attached", timeout: 15_000 });
  await settled(page);
}

/** TikTok's share of the line as the API gives it. */
async function tiktokShare(url: string): Promise<{ low: number; high: number; display: string }> {
  const query = `{ revenueFlows(company: "microsoft", product: "azure-openai") {
    flows { counterpartyId share { low high display } } } }`;
  const { body } = await postGraphQL(url, query);
  return body.data.revenueFlows.flows.find((flow: { counterpartyId: string }) => flow.counterpartyId === "tiktok")
    .share;
}

const percent = (share: number) => String(Math.round(share * 1000) / 10);

describe.skipIf(skipBrowserTier("the explorer views browser test"))("explorer views in headless Chromium", () => {
  const session = useBrowserSession(
    { width: 1500, height: 950 },
    { data: "shipped", env: () => ({ API_KEYS: `ed:editor:${hashKey(EDITOR_KEY)}` }) },
  );

  it("opens on something useful: the graph drawn, the most connected companies listed", async () => {
    const { page } = session;
    await page.goto(`${session.origin}/explorer`);
    await settled(page);
    const ids = await nodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(["microsoft", "tiktok", "openai", "bytedance", "g42"]));
    expect(await page.textContent("#view-title")).toMatch(/^The whole graph: \d+ companies, \d+ relationships$/);
    const listed = await page.$$eval("#search-results li[data-id]", (items) => items.map((li) => li.dataset.id));
    expect(listed[0]).toBe("microsoft");
    expect(await page.textContent("#search-results")).toContain("relationships");
    await page.screenshot({ path: "test-output/explorer-overview.png" });
  });

  it("shows a revenue line as ranges, with totals, and without a churned customer", async () => {
    const { page } = session;
    await openAzureOpenAiLine(page, session.origin);
    const bar = await page.$eval('[data-bar="tiktok"]', (span) => ({ ...span.dataset, text: span.textContent }));
    const share = await tiktokShare(session.server.url);
    expect(bar).toMatchObject({ low: percent(share.low), high: percent(share.high), text: `TikTok: ${share.display}` });
    expect(await page.$$eval("[data-testid=line-chart] .share-range line", (lines) => lines.length)).toBeGreaterThan(0);
    const totals = await page.textContent("[data-testid=line-totals]");
    expect(totals).toContain("US$83.3M/month");
    expect(totals).toContain("Remainder");

    await page.check('input[data-customer="tiktok"]');
    await page.waitForSelector("[data-testid=churn-result]", { timeout: 15_000 });
    await settled(page);
    expect(await page.textContent("[data-testid=churn-result]")).toMatch(
      /^Without them: .+ remains; .*US\$20M\/month.* lost/,
    );
    expect(await page.$('[data-bar="tiktok"]')).toBeNull();
    expect(await page.evaluate(() => location.hash)).toContain("lost=tiktok");
    await page.screenshot({ path: "test-output/explorer-churn.png" });
  });

  it("follows the date: before Microsoft's investment in G42, the investment is gone from the view", async () => {
    const { page } = session;
    await openAzureOpenAiLine(page, session.origin);
    expect(await drawn(page, INVESTMENT)).toBe(true);
    await page.fill("#as-of", "2024-02-29");
    await page.waitForFunction(
      (id) => !(window as unknown as ExplorerWindow).explorer.cy.getElementById(id).length,
      INVESTMENT,
      {
        timeout: 15_000,
      },
    );
    await settled(page);
    expect(await page.textContent("#status")).toContain(INVESTMENT);
    expect(await drawn(page, TIKTOK_EDGE)).toBe(true);
    expect(await page.evaluate(() => location.hash)).toContain("asOf=2024-02-29");
    await page.fill("#as-of", "");
    await page.click("#dates-reset");
    await page.waitForFunction(
      (id) => (window as unknown as ExplorerWindow).explorer.cy.getElementById(id).length > 0,
      INVESTMENT,
      {
        timeout: 15_000,
      },
    );
    await page.screenshot({ path: "test-output/explorer-dates.png" });
  });

  it("lists an edge's claims with their sources, quotes, disclosure and independent origins", async () => {
    const { page } = session;
    await openAzureOpenAiLine(page, session.origin);
    await tap(page, TIKTOK_EDGE);
    await page.waitForSelector("[data-testid=claims] li[data-claim-id]", { timeout: 15_000 });
    await settled(page);
    const panel = (await page.textContent("#evidence-panel"))!;
    expect(panel).toContain("TikTok — buys from — Microsoft");
    expect(panel).toContain("quase US$ 20 milhões por mês");
    expect(panel).toMatch(/\d+ claims? from \d+ independent origins?/);
    expect(panel).toMatch(/confidence 0\.\d/);
    expect(await page.getAttribute("#evidence-panel", "data-relationship-id")).toBe(TIKTOK_EDGE);
    await page.screenshot({ path: "test-output/explorer-sources.png" });
  });

  it("reaches an edge's sources by keyboard, from the centre's list of relationships", async () => {
    const { page } = session;
    await openAzureOpenAiLine(page, session.origin);
    const item = page.locator(`#edge-list li[data-edge-id="${TIKTOK_EDGE}"]`);
    expect(await item.textContent()).toContain("TikTok");
    await item.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=claims] li[data-claim-id]", { timeout: 15_000 });
    expect(await page.getAttribute("#evidence-panel", "data-relationship-id")).toBe(TIKTOK_EDGE);
    expect(await page.evaluate(() => location.hash)).toContain(`edge=tiktok-buys-azure-openai-from-microsoft`);
  });

  it("marks the claims that dissent when sources conflict on an amount", async () => {
    const { page } = session;
    const recorded = await postGraphQL(
      session.server.url,
      `mutation ($input: RecordBatchInput!) { recordBatch(input: $input) { firstSeq } }`,
      DISSENTING_FILING,
      { authorization: `Bearer ${EDITOR_KEY}` },
    );
    expect(recorded.body.errors).toBeUndefined();
    const { body } = await postGraphQL(session.server.url, `{ conflicts(first: 1) { nodes { id } } }`);
    const conflicting: string = body.data.conflicts.nodes[0].id;
    await page.goto(`${session.origin}/explorer#centers=microsoft&edge=${conflicting}`);
    await settled(page);
    await page.waitForSelector("[data-testid=claims] li[data-claim-id]", { timeout: 15_000 });
    expect(await page.getAttribute("[data-testid=agreement]", "class")).toContain("conflict");
    expect(await page.textContent("[data-testid=agreement]")).toMatch(/they disagree \(gap \d+%\)/);
    expect(
      await page.$$eval("li.claim.conflict", (claims) => claims.map((c) => c.getAttribute("data-claim-id"))),
    ).toEqual(["filing-investment-10b"]);
    await page.screenshot({ path: "test-output/explorer-conflict.png" });
  });

  it("reopens the same view from a copied URL", async () => {
    const { page } = session;
    await openAzureOpenAiLine(page, session.origin);
    await page.fill("#as-of", "2024-09-30");
    await settled(page);
    await page.selectOption("#depth", "2");
    await settled(page);
    await tap(page, TIKTOK_EDGE);
    await page.waitForSelector("[data-testid=claims] li[data-claim-id]", { timeout: 15_000 });
    await settled(page);
    const url = page.url();
    const graphml = await page.getAttribute("#download-graphml", "href");
    expect(graphml).toBe("/export/graph.graphml?center=microsoft&depth=2&asOf=2024-09-30");
    expect(await page.getAttribute("#download-csv", "href")).toMatch(
      /^\/export\/matrix\.csv\?companies=[a-z0-9,-]*microsoft/,
    );
    const download = await page.request.get(session.origin + graphml!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("<graphml");
    expect(url).toMatch(
      /#centers=microsoft&depth=2&asOf=2024-09-30&edge=tiktok-buys-azure-openai-from-microsoft&line=microsoft\/azure-openai$/,
    );
    const before = { nodes: await nodeIds(page), line: await page.textContent("[data-testid=line-totals]") };

    const copy = await page.context().newPage();
    await copy.goto(url);
    await settled(copy);
    await copy.waitForSelector("[data-testid=claims] li[data-claim-id]", { timeout: 15_000 });
    expect(await nodeIds(copy)).toEqual(before.nodes);
    expect(await copy.inputValue("#as-of")).toBe("2024-09-30");
    expect(await copy.inputValue("#depth")).toBe("2");
    expect(await copy.inputValue("#line-product")).toBe("azure-openai");
    expect(await copy.textContent("[data-testid=line-totals]")).toBe(before.line);
    expect(await copy.getAttribute("#evidence-panel", "data-relationship-id")).toBe(TIKTOK_EDGE);
    await copy.screenshot({ path: "test-output/explorer-copied-url.png" });
  });
});
