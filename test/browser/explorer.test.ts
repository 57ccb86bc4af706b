import { describe, expect, it } from "vitest";
import { skipBrowserTier, useBrowserSession } from "../helpers/browser";

/** What the page exposes for tests: the cytoscape instance and the explorer's state. */
interface ExplorerWindow {
  explorer: {
    cy: {
      getElementById(id: string): {
        length: number;
        emit(event: string): void;
        data(key: string): unknown;
        hasClass(c: string): boolean;
        style(p: string): string;
      };
      nodes(): { map<T>(f: (n: { id(): string }) => T): T[] };
    };
    state: { pending: number; highlighted: string[] };
  };
}

describe.skipIf(skipBrowserTier("the explorer browser test"))("graph explorer in headless Chromium", () => {
  const session = useBrowserSession({ width: 1500, height: 950 });

  /** Waits until every element id is drawn and no GraphQL request is in flight. */
  const waitForDrawn = (ids: string[]) =>
    session.page.waitForFunction(
      (wanted) => {
        const { cy, state } = (window as unknown as ExplorerWindow).explorer;
        return state.pending === 0 && wanted.every((id) => cy.getElementById(id).length > 0);
      },
      ids,
      { timeout: 15_000 },
    );

  // Returns nothing: handing a cytoscape collection back to the test would serialise a huge object graph.
  const tap = (id: string) =>
    session.page.evaluate((target) => {
      (window as unknown as ExplorerWindow).explorer.cy.getElementById(target).emit("tap");
    }, id);

  it("searches, draws, expands, highlights a risk path and shows an edge's evidence", async () => {
    await session.page.goto(`${session.origin}/explorer`);
    await session.page.waitForFunction(() => "explorer" in window);

    await session.page.fill("#search-input", "tiktok");
    await session.page.click('#search-results li[data-id="tiktok"]', { timeout: 15_000 });
    await waitForDrawn(["tiktok", "bytedance", "microsoft", "tiktok-buys-azure-openai-from-microsoft"]);

    const edge = await session.page.evaluate(() => {
      const e = (window as unknown as ExplorerWindow).explorer.cy.getElementById(
        "tiktok-buys-azure-openai-from-microsoft",
      );
      return { display: e.data("display"), label: e.style("label") };
    });
    expect(edge.display).toContain("≈ US$20M/month");
    expect(edge.label).toContain("≈ US$20M/month");
    const labels = await session.page.evaluate(() =>
      (window as unknown as ExplorerWindow).explorer.cy.getElementById("bytedance").data("label"),
    );
    expect(labels).toBe("ByteDance");

    // Expanding Microsoft draws its customers (and lists its risk paths).
    await tap("microsoft");
    await waitForDrawn(["g42", "walmart", "intuit", "openai"]);
    const ids = await session.page.evaluate(() =>
      (window as unknown as ExplorerWindow).explorer.cy.nodes().map((n) => n.id()),
    );
    expect(new Set(ids).size).toBe(ids.length);

    // The top risk path: Microsoft <- TikTok -> ByteDance -> competes with OpenAI.
    const top = session.page.locator("#risk-paths li[data-path-id]").first();
    await top.waitFor({ timeout: 15_000 });
    await expect.poll(() => top.textContent()).toContain("TikTok");
    await top.click();
    await session.page.waitForFunction(
      () => {
        const h = document.getElementById("highlighted")?.getAttribute("data-highlighted") ?? "";
        return ["tiktok", "bytedance", "openai", "microsoft"].every((id) => h.split(",").includes(id));
      },
      undefined,
      { timeout: 15_000 },
    );
    const highlighted = (await session.page.getAttribute("#highlighted", "data-highlighted"))!.split(",");
    expect(highlighted).toEqual(
      expect.arrayContaining([
        "tiktok-buys-azure-openai-from-microsoft",
        "tiktok-subsidiary-of-bytedance",
        "bytedance-competes-with-openai",
      ]),
    );
    const classes = await session.page.evaluate(() =>
      ["tiktok", "bytedance", "openai", "microsoft", "bytedance-competes-with-openai", "g42"].map((id) =>
        (window as unknown as ExplorerWindow).explorer.cy.getElementById(id).hasClass("highlighted"),
      ),
    );
    expect(classes).toEqual([true, true, true, true, true, false]);

    // The evidence of TikTok -> Microsoft, in the article's words.
    await tap("tiktok-buys-azure-openai-from-microsoft");
    await session.page.waitForFunction(
      () => document.getElementById("evidence-panel")?.textContent?.includes("quase US$ 20 milhões por mês"),
      undefined,
      {
        timeout: 15_000,
      },
    );
    expect(await session.page.getAttribute("#evidence-panel", "data-relationship-id")).toBe(
      "tiktok-buys-azure-openai-from-microsoft",
    );
    await session.page.screenshot({ path: "test-output/explorer.png" });
  });
});
