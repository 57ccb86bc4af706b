import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("one store call per level on a large graph", () => {
  it("reads 20 companies, their customers and those customers' suppliers in one call per level", () => {
    const out = execFileSync(`${root}node_modules/.bin/tsx`, ["test/helpers/nested-read-calls.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    const result = JSON.parse(out.trim().split("\n").at(-1)!);
    expect(result.errors).toBeNull();
    // Enough items that a split batch would show.
    expect(result.customers).toBeGreaterThan(50);
    expect(result.calls).toEqual({ listCompanies: 1, relationshipsOf: 2 });
  }, 60_000);
});
