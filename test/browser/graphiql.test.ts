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

    it("completes a typed batch field by field, from the record schemas", async () => {
      await session.page.goto(`${session.origin}/graphql`);
      await session.page.waitForSelector(".graphiql-query-editor .CodeMirror", { timeout: 20_000 });
      // The editor hints once the schema is loaded; ask until it offers the claim's fields.
      await session.page.waitForFunction(
        () => {
          const editor = document.querySelector(".graphiql-query-editor .CodeMirror") as unknown as {
            CodeMirror: {
              setValue(v: string): void;
              setCursor(pos: { line: number; ch: number }): void;
              execCommand(command: string): void;
              focus(): void;
            };
          };
          const text = 'mutation { recordBatch(input: { key: "k", records: { claims: [{ ';
          editor.CodeMirror.setValue(text);
          editor.CodeMirror.focus();
          editor.CodeMirror.setCursor({ line: 0, ch: text.length });
          editor.CodeMirror.execCommand("autocomplete");
          return document.querySelectorAll(".CodeMirror-hints li").length > 0;
        },
        undefined,
        { timeout: 20_000, polling: 500 },
      );
      const hints = await session.page.$$eval(".CodeMirror-hints li", (items) =>
        items.map((item) => item.textContent?.trim() ?? ""),
      );
      // ClaimInput's fields: what a claim record has, less recordedAt and recordedBy, which the server stamps.
      expect(hints).toEqual(expect.arrayContaining(["relationship", "source", "disclosure", "evidence", "amount"]));
      expect(hints).not.toContain("recordedAt");
    });
  },
);
