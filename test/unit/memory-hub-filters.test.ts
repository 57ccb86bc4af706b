import { describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loader";
import type { Dataset } from "../../src/domain/dataset";
import type { RelationshipFilter } from "../../src/store/graph-store";
import { MemoryStore } from "../../src/store/memory/memory-store";

/** The seed, with 1,200 more customers buying from Microsoft: half of them current, half former. */
function withHub(): Dataset {
  const seed = loadSeed();
  const template = seed.relationships.find((r) => r.kind === "BUYS_FROM" && r.to === "microsoft")!;
  const company = seed.companies.find((c) => c.id === template.from)!;
  const buyers = Array.from({ length: 1200 }, (_, i) => ({ ...company, id: `hub-buyer-${i}`, name: `Hub buyer ${i}` }));
  const purchases = buyers.map((buyer, i) => ({
    ...template,
    id: `hub-buyer-${i}-buys-from-microsoft`,
    from: buyer.id,
    status: i % 2 === 0 ? ("CURRENT" as const) : ("FORMER" as const),
    validTo: i % 2 === 0 ? null : "2023-06-30",
  }));
  return { ...seed, companies: [...seed.companies, ...buyers], relationships: [...seed.relationships, ...purchases] };
}

describe("the embedded store's filtered reads of a hub", () => {
  it("answer each filter and node on its own, read after read, and anew after the store changes", async () => {
    const dataset = withHub();
    const store = new MemoryStore();
    await store.load(dataset);
    const byHand = (nodeId: string, f: RelationshipFilter) =>
      dataset.relationships
        .filter((r) => r.kind === "BUYS_FROM" && r.to === nodeId && f.statuses!.includes(r.status))
        .map((r) => r.id)
        .sort();
    const current: RelationshipFilter = { kinds: ["BUYS_FROM"], direction: "IN", statuses: ["CURRENT"] };
    const former: RelationshipFilter = { ...current, statuses: ["FORMER"] };
    for (let round = 0; round < 2; round++) {
      for (const filter of [current, former]) {
        const [page] = await store.relationshipsOf(["microsoft"], filter, {});
        expect(page!.items.map((r) => r.id)).toEqual(byHand("microsoft", filter));
        expect(page!.totalCount).toBeGreaterThan(599);
      }
      // Another node with the same filter is not answered with the hub's list.
      const [other] = await store.relationshipsOf(["amazon"], current, {});
      expect(other!.items.map((r) => r.id)).toEqual(byHand("amazon", current));
    }
    await store.clear();
    await store.load(loadSeed());
    const [afterChange] = await store.relationshipsOf(["microsoft"], current, {});
    expect(afterChange!.items.map((r) => r.id)).toEqual(
      loadSeed()
        .relationships.filter((r) => r.kind === "BUYS_FROM" && r.to === "microsoft" && r.status === "CURRENT")
        .map((r) => r.id)
        .sort(),
    );
  });
});
