import { describe, expect, it } from "vitest";
import { downloadLinks, type ExplorerView, formatView, parseView } from "../../../src/explorer/url";

const EMPTY: ExplorerView = { centers: [], depth: 1, asOf: "", knownAt: "", edge: "", line: null, lost: [] };

describe("the explorer's view in the URL", () => {
  it("opens the default view from an empty, mangled or unknown hash", () => {
    expect(parseView("")).toEqual(EMPTY);
    expect(parseView("#%E0%A4%A")).toEqual(EMPTY);
    expect(parseView("#whatever=1")).toEqual(EMPTY);
  });

  it("reads an id alone as a view centred on it", () => {
    expect(parseView("#tiktok")).toEqual({ ...EMPTY, centers: ["tiktok"] });
  });

  it("reads every part, and drops what is not an id, a date or a depth within bounds", () => {
    const hash =
      "#centers=microsoft,Bad!,openai&depth=3&asOf=2024-09-30&knownAt=2024-1-1&edge=a-b&line=microsoft/azure-openai&lost=tiktok,NO";
    expect(parseView(hash)).toEqual({
      centers: ["microsoft", "openai"],
      depth: 3,
      asOf: "2024-09-30",
      knownAt: "",
      edge: "a-b",
      line: { company: "microsoft", product: "azure-openai" },
      lost: ["tiktok"],
    });
    // Depths outside 1..4 (the server's bounds) and fractions are the default, 1.
    for (const depth of ["0", "5", "2.5", "x"]) expect(parseView(`#centers=a&depth=${depth}`).depth).toBe(1);
    expect(parseView("#centers=a&depth=4").depth).toBe(4);
  });

  it("ignores churned customers without a line", () => {
    expect(parseView("#centers=a&lost=b").lost).toEqual([]);
  });

  it("writes a hash that reads back as the same view, readable and without empty parts", () => {
    const view: ExplorerView = {
      centers: ["microsoft"],
      depth: 2,
      asOf: "2024-09-30",
      knownAt: "",
      edge: "tiktok-buys-azure-openai-from-microsoft",
      line: { company: "microsoft", product: "azure-openai" },
      lost: ["tiktok", "g42"],
    };
    const hash = formatView(view);
    expect(hash).toBe(
      "#centers=microsoft&depth=2&asOf=2024-09-30&edge=tiktok-buys-azure-openai-from-microsoft&line=microsoft/azure-openai&lost=tiktok,g42",
    );
    expect(parseView(hash)).toEqual(view);
    expect(formatView(EMPTY)).toBe("");
  });

  it("links the downloads of the view: graphs around its centres, the matrix of its drawn companies", () => {
    const view = { ...EMPTY, centers: ["microsoft", "openai"], depth: 2, knownAt: "2025-01-01" };
    expect(downloadLinks(view, ["microsoft", "openai", "tiktok"])).toEqual({
      graphml: "/export/graph.graphml?center=microsoft,openai&depth=2&knownAt=2025-01-01",
      cyjs: "/export/graph.cyjs?center=microsoft,openai&depth=2&knownAt=2025-01-01",
      csv: "/export/matrix.csv?companies=microsoft,openai,tiktok&knownAt=2025-01-01",
    });
    expect(downloadLinks(EMPTY, [])).toEqual({ graphml: null, cyjs: null, csv: null });
    const many = Array.from({ length: 150 }, (_, i) => `c${i}`);
    const csv = downloadLinks(EMPTY, many).csv!;
    expect(csv.split("=")[1]!.split(",")).toHaveLength(100);
  });
});
