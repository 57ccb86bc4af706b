import { describe, expect, it } from "vitest";
import { skipBrowserTier, useBrowserSession } from "../helpers/browser";
import { chooseCompany, type ExplorerWindow, settled } from "../helpers/explorer-page";

const drawnCounts = () => {
  const { cy } = (window as unknown as ExplorerWindow).explorer;
  return {
    companies: cy
      .nodes()
      .map((node) => node.data("nodeKind"))
      .filter((kind) => kind === "Company").length,
    relationships: cy.edges().length,
  };
};

describe.skipIf(skipBrowserTier("the explorer fixes browser test"))("the explorer as a new user finds it", () => {
  const session = useBrowserSession({ width: 1500, height: 950 }, { data: "shipped" });

  it("says in the overview's title what the canvas draws", async () => {
    const { page } = session;
    await page.goto(`${session.origin}/explorer`);
    await settled(page);
    const counts = await page.evaluate(drawnCounts);
    expect(await page.textContent("#view-title")).toBe(
      `The whole graph: ${counts.companies} companies, ${counts.relationships} relationships`,
    );
  });

  it("opens Microsoft's revenue line on its largest stated line, as ranges whose labels fit", async () => {
    const { page } = session;
    await page.goto(`${session.origin}/explorer`);
    await settled(page);
    await chooseCompany(page, "microsoft");
    // Azure's total is only the sum of what its customers are known to pay; Azure OpenAI's is stated.
    expect(await page.inputValue("#line-product")).toBe("azure-openai");
    expect(await page.$$eval("#line-product option", (options) => options.map((o) => o.textContent))).not.toContain(
      "all products",
    );
    await page.waitForSelector('[data-bar="tiktok"]', { state: "attached" });
    const chart = page.locator("[data-testid=line-chart] svg").first();
    // Ranges and estimate dots, never bars.
    expect(await chart.locator("rect").count()).toBe(0);
    expect(await chart.locator(".share-range line").count()).toBeGreaterThan(0);
    expect(await chart.locator(".share-estimate circle").count()).toBeGreaterThan(0);
    // G42's share is 1.1–85.3%: drawn from 1.1 to 85.3, not as a bar from 0.
    expect(await page.getAttribute('[data-bar="g42"]', "data-low")).toBe("1.1");
    const fits = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return Array.from(svg.querySelectorAll("text")).every(
        (text) => text.getBoundingClientRect().right <= box.right + 0.5,
      );
    });
    expect(fits, "every label ends inside the chart").toBe(true);
    await page.locator(".line-panel").screenshot({ path: "test-output/explorer-revenue-line.png" });

    // A link to Microsoft alone opens the same line.
    const linked = await page.context().newPage();
    await linked.goto(`${session.origin}/explorer#centers=microsoft`);
    await settled(linked);
    expect(await linked.inputValue("#line-product")).toBe("azure-openai");
    expect(await linked.getAttribute("#revenue-line", "data-line")).toBe("microsoft/azure-openai");
  });

  it("says direction and market in every listed relationship", async () => {
    const { page } = session;
    await page.goto(`${session.origin}/explorer`);
    await settled(page);
    await chooseCompany(page, "microsoft");
    const text = (id: string) => page.textContent(`#edge-list li[data-edge-id="${id}"]`);
    expect(await text("microsoft-invests-in-openai")).toBe("Microsoft invests in OpenAI: US$13.8B");
    expect(await text("microsoft-competes-with-google-in-cloud")).toBe(
      "Microsoft competes with Google · cloud computing",
    );
    expect(await text("microsoft-competes-with-google-in-search-advertising")).toBe(
      "Microsoft competes with Google · search and news advertising",
    );
    const items = await page.$$eval("#edge-list li", (lis) => lis.map((li) => li.textContent));
    expect(new Set(items).size, "no two entries read the same").toBe(items.length);
  });

  it("lists one exposure once, with its routes", async () => {
    const { page } = session;
    await page.goto(`${session.origin}/explorer`);
    await settled(page);
    await chooseCompany(page, "microsoft");
    const exposures = await page.$$eval("#risk-paths li[data-exposure]", (items) =>
      items.map((li) => li.dataset.exposure),
    );
    expect(new Set(exposures).size).toBe(exposures.length);
    const tiktok = page.locator('#risk-paths li[data-exposure="tiktok-buys-azure-openai-from-microsoft"]');
    const routes = await tiktok.locator("li[data-path-id] .route").allTextContents();
    expect(routes.filter((route) => route === "Microsoft → TikTok → Google")).toHaveLength(1);
    expect(await tiktok.locator(".amount").textContent()).toContain("TikTok");
  });

  it("holds its layout at 1024 px: a usable search box, every download link in view", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${session.origin}/explorer`);
    await settled(page);
    await chooseCompany(page, "microsoft");
    const search = (await page.locator("#search-input").boundingBox())!;
    expect(search.width).toBeGreaterThanOrEqual(200);
    for (const id of ["download-graphml", "download-cyjs", "download-csv"]) {
      const link = (await page.locator(`#${id}`).boundingBox())!;
      expect(link.x + link.width, id).toBeLessThanOrEqual(1024);
    }
    const canvas = (await page.locator("#graph").boundingBox())!;
    expect(canvas.width).toBeGreaterThan(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "no horizontal scrolling").toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-output/explorer-1024.png" });
  });
});
