import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RelationshipGraphDocument } from "../../schema/client";
import { skipBrowserTier, useBrowserSession } from "../helpers/browser";

/**
 * A frontend's page, served by its own server on its own origin: it sends the client kit's
 * RelationshipGraph document to the API and draws the answer as SVG, or says why it could not.
 * What the page saw is left on <body> for the test to read.
 */
function frontendPage(apiUrl: string): string {
  const settings = JSON.stringify({ apiUrl, query: print(RelationshipGraphDocument) });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Frontend</title></head><body>
<svg id="graph" width="600" height="600" viewBox="-300 -300 600 600"></svg>
<script>
const { apiUrl, query } = ${settings};
const svg = document.getElementById("graph");
const add = (tag, attrs) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return svg.appendChild(node);
};
function draw(graph) {
  const at = new Map(graph.nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / graph.nodes.length;
    return [node.id, [Math.round(250 * Math.cos(angle)), Math.round(250 * Math.sin(angle))]];
  }));
  for (const edge of graph.edges) {
    const [x1, y1] = at.get(edge.source); const [x2, y2] = at.get(edge.target);
    add("line", { x1, y1, x2, y2, stroke: "#0f766e", "data-edge": edge.id });
  }
  for (const node of graph.nodes) {
    const [cx, cy] = at.get(node.id);
    add("circle", { cx, cy, r: 8, fill: "#2563eb", "data-node": node.id });
    add("text", { x: cx + 10, y: cy, "font-size": 11 }).textContent = node.label;
  }
}
fetch(apiUrl, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query, variables: { centers: ["microsoft"], depth: 1 } }),
})
  .then((res) => res.json())
  .then((body) => {
    draw(body.data.relationshipGraph);
    document.body.dataset.nodes = body.data.relationshipGraph.nodes.map((node) => node.id).join(",");
    document.body.dataset.result = "drawn";
  })
  .catch((err) => { document.body.dataset.result = "refused: " + err.message; });
</script></body></html>`;
}

/** A server that serves one page, on 127.0.0.1 at a free port. */
async function pageServer(page: () => string): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe.skipIf(skipBrowserTier("the cross-origin browser test"))("a frontend on its own origin", () => {
  // The allowed page is opened as http://localhost:<port>, the refused one as http://127.0.0.1:<port>:
  // two origins other than the API's (http://127.0.0.1:<api port>), one of them in CORS_ORIGINS.
  let allowed: { server: Server; port: number };
  let refused: { server: Server; port: number };
  beforeAll(async () => {
    allowed = await pageServer(() => frontendPage(session.server.url.replace("localhost", "127.0.0.1")));
    refused = await pageServer(() => frontendPage(session.server.url.replace("localhost", "127.0.0.1")));
  });
  const session = useBrowserSession(
    { width: 900, height: 700 },
    { env: () => ({ CORS_ORIGINS: `http://localhost:${allowed.port}` }) },
  );
  afterAll(() => {
    allowed?.server.close();
    refused?.server.close();
  });

  const result = async (url: string) => {
    await session.page.goto(url);
    await session.page.waitForFunction(() => document.body.dataset.result !== undefined, undefined, {
      timeout: 15_000,
    });
    return session.page.evaluate(() => ({ ...document.body.dataset }));
  };

  it("fetches relationshipGraph around Microsoft with the client kit's document, and draws it", async () => {
    const seen = await result(`http://localhost:${allowed.port}/`);
    expect(seen.result).toBe("drawn");
    const nodes = seen.nodes!.split(",");
    expect(nodes).toEqual(expect.arrayContaining(["microsoft", "tiktok", "openai", "g42"]));
    expect(await session.page.$$eval("circle[data-node]", (circles) => circles.length)).toBe(nodes.length);
    expect(await session.page.$('line[data-edge="tiktok-buys-azure-openai-from-microsoft"]')).not.toBeNull();
    await session.page.screenshot({ path: "test-output/cross-origin-allowed.png" });
  });

  it("is refused by the browser when its origin is not allowed", async () => {
    const blocked: string[] = [];
    session.page.on("console", (message) => {
      if (message.type() === "error") blocked.push(message.text());
    });
    const seen = await result(`http://127.0.0.1:${refused.port}/`);
    expect(seen.result).toMatch(/^refused: Failed to fetch/);
    expect(seen.nodes).toBeUndefined();
    expect(await session.page.$$eval("circle", (circles) => circles.length)).toBe(0);
    expect(blocked.join("\n")).toMatch(/blocked by CORS policy/);
  });
});
