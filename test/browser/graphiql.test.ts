import { describe, expect, it } from "vitest";
import { skipBrowserTier, useBrowserSession } from "../helpers/browser";

describe.skipIf(skipBrowserTier("the GraphiQL browser test"))(
  "GraphiQL served offline by the server, in headless Chromium",
  () => {
    const session = useBrowserSession({ width: 1400, height: 900 });

    it("runs a query typed into the editor and shows the answer", async () => {
      await session.page.goto(`${session.origin}/graphql`);
      await session.page.waitForSelector(".graphiql-execute-button", { timeout: 20_000 });
      await session.page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: 20_000 });
      await session.page.evaluate(() => {
        const editor = document.querySelector(".graphiql-query-editor .CodeMirror") as unknown as {
          CodeMirror: { setValue(v: string): void };
        };
        editor.CodeMirror.setValue('{ company(id: "tiktok") { parent { id name } } }');
      });
      await session.page.click(".graphiql-execute-button");
      await session.page.waitForFunction(
        () => {
          const response = document.querySelector(".graphiql-response .CodeMirror") as unknown as {
            CodeMirror: { getValue(): string };
          } | null;
          return response?.CodeMirror.getValue().includes('"bytedance"') ?? false;
        },
        undefined,
        { timeout: 20_000 },
      );
      const answer = await session.page.evaluate(() =>
        (
          document.querySelector(".graphiql-response .CodeMirror") as unknown as { CodeMirror: { getValue(): string } }
        ).CodeMirror.getValue(),
      );
      expect(JSON.parse(answer)).toEqual({ data: { company: { parent: { id: "bytedance", name: "ByteDance" } } } });
      await session.page.screenshot({ path: "test-output/graphiql.png" });
    });
  },
);
