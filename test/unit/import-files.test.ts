import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EMPTY_DATASET } from "../../src/domain/dataset";
import type { Company } from "../../src/domain/entities";
import { writeImportFiles } from "../../src/store/neo4j/import-files";

const folders: string[] = [];

function folder(): string {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), "cg-import-files-"));
  folders.push(made);
  return made;
}

afterEach(() => {
  for (const made of folders.splice(0)) fs.rmSync(made, { recursive: true, force: true });
});

function company(id: string, extra: Partial<Company>): Company {
  return {
    nodeKind: "Company",
    id,
    name: `Name ${id}`,
    aliases: [],
    description: null,
    country: null,
    kind: null,
    evidenceIds: [],
    ...extra,
  };
}

const lines = (file: string) => fs.readFileSync(file, "utf8").split("\n");

describe("import files written part by part", () => {
  it("keeps one file while the parts bring the same columns, and starts a file with every column when one is new", () => {
    const parts = [
      { ...EMPTY_DATASET, companies: [company("a", { country: "US" })] },
      { ...EMPTY_DATASET, companies: [company("b", { country: "DE" })] },
      { ...EMPTY_DATASET, companies: [company("c", { kind: "bank" })] },
    ];
    const files = writeImportFiles(parts, folder());
    const companyFiles = files.nodes.filter((n) => n.labels.includes("Company"));
    expect(companyFiles.map((n) => n.file.rows)).toEqual([2, 1]);
    expect(files.nodes.every((n) => n.labels.includes("Company"))).toBe(true);
    expect(files.relationships).toEqual([]);
    const [first, second] = companyFiles.map((n) => lines(n.file.path)[0]!.split(","));
    expect(first).toContain("country:string");
    expect(first).not.toContain("kind:string");
    // The new file's header: the first file's columns, in their order, then the new one.
    expect(second).toEqual([...first!, "kind:string"]);
    // Company c has no country: its field in that column is empty, not an empty string ("").
    const row = lines(companyFiles[1]!.file.path)[1]!;
    expect(row.startsWith('"c",')).toBe(true);
    expect(row.split(",")[first!.indexOf("country:string")]).toBe("");
  });

  it("refuses a property whose type changes from one part to the next", () => {
    const parts = [
      { ...EMPTY_DATASET, companies: [company("a", { country: "US" })] },
      { ...EMPTY_DATASET, companies: [company("b", { country: 7 as unknown as string })] },
    ];
    expect(() => writeImportFiles(parts, folder())).toThrow(/property 'country' is string in one record and double/);
  });
});
