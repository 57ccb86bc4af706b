import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("one store call per level on a large graph", () => {
  it("reads 20 companies, their customers and those customers' suppliers in one call, and the same under search hits", () => {
    const out = execFileSync(`${root}node_modules/.bin/tsx`, ["test/helpers/nested-read-calls.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    const { planned, throughEdges, batched } = JSON.parse(out.trim().split("\n").at(-1)!);
    for (const read of [planned, batched]) {
      expect(read.errors).toBeNull();
      // Enough items that a split batch would show.
      expect(read.customers).toBeGreaterThan(50);
    }
    // Planned at the root: one call for the whole read, whether the items are nodes or edges' nodes.
    expect(planned.calls).toEqual({ readPlan: 1 });
    expect(throughEdges.errors).toBeNull();
    expect(throughEdges.calls).toEqual({ readPlan: 1 });
    // Under search hits: planned at the first list, read once for every hit.
    expect(batched.calls).toEqual({ search: 1, readPlan: 1 });
  }, 60_000);
});
