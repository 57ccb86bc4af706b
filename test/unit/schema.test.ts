import { readFileSync } from "node:fs";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import { printSortedSchema } from "../../src/server/schema";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("committed artefacts follow the code", () => {
  it("schema/schema.graphql is what the code emits (run `npm run schema:emit` when this fails)", async () => {
    expect(read("schema/schema.graphql")).toBe(await printSortedSchema());
  });

  it.each(["test/operations/generated.ts", "schema/client/index.ts"])(
    "%s is what codegen makes of its operations (run `npm run codegen`)",
    async (file) => {
      const cwd = new URL("../../", import.meta.url).pathname;
      const { config } = await loadCodegenConfig({ configFilePath: `${cwd}codegen.yml` });
      const outputs = await generate({ ...config, cwd, silent: true }, false);
      const generated = (outputs as { filename: string; content: string }[]).find((o) => o.filename.endsWith(file));
      expect(generated?.content).toBe(read(file));
    },
    60_000,
  );
});
