import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EMPTY_DATASET, partsOf } from "../../src/domain/dataset";
import type { Company } from "../../src/domain/entities";
import { writeImportFiles } from "../../src/store/neo4j/write-import-files";

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
  it("writes each part's files with the columns its own rows have, in part order", async () => {
    const parts = [
      { ...EMPTY_DATASET, companies: [company("a", { country: "US" })] },
      { ...EMPTY_DATASET, companies: [company("b", { country: "DE" }), company("b2", { country: "FR" })] },
      { ...EMPTY_DATASET, companies: [company("c", { kind: "bank" })] },
    ];
    const files = await writeImportFiles(parts, folder(), 2);
    const companyFiles = files.nodes.filter((n) => n.labels.includes("Company"));
    expect(companyFiles.map((n) => n.file.rows)).toEqual([1, 2, 1]);
    expect(files.nodes.every((n) => n.labels.includes("Company"))).toBe(true);
    expect(files.relationships).toEqual([]);
    expect(companyFiles.map((n) => lines(n.file.path)[1]!.split(",")[0])).toEqual(['"a"', '"b"', '"c"']);
    const [first, , third] = companyFiles.map((n) => lines(n.file.path)[0]!.split(","));
    expect(first).toContain("country:string");
    expect(first).not.toContain("kind:string");
    // Company c has no country: the third part's file has no such column at all.
    expect(third).toContain("kind:string");
    expect(third).not.toContain("country:string");
  });

  it("leaves a missing value empty, not an empty string", async () => {
    const parts = [{ ...EMPTY_DATASET, companies: [company("a", { country: "US" }), company("b", {})] }];
    const [file] = (await writeImportFiles(parts, folder(), 1)).nodes;
    const header = lines(file!.file.path)[0]!.split(",");
    const row = lines(file!.file.path)[2]!;
    expect(row.startsWith('"b",')).toBe(true);
    expect(row.split(",")[header.indexOf("country:string")]).toBe("");
  });

  it("refuses a property whose type changes from one part to the next, with the store's own error", async () => {
    const parts = [
      { ...EMPTY_DATASET, companies: [company("a", { country: "US" })] },
      { ...EMPTY_DATASET, companies: [company("b", { country: 7 as unknown as string })] },
    ];
    const refused = writeImportFiles(parts, folder(), 2);
    await expect(refused).rejects.toThrow(
      /property 'country' is double in one record and string|property 'country' is string in one record and double/,
    );
    await expect(refused).rejects.toMatchObject({ name: "DomainError", code: "INTERNAL" });
  });

  it("refuses a value the importer cannot store, found in a thread, as a DomainError", async () => {
    const parts = [{ ...EMPTY_DATASET, companies: [company("a", { aliases: ["x\u001fy"] })] }];
    await expect(writeImportFiles(parts, folder(), 1)).rejects.toMatchObject({
      name: "DomainError",
      code: "INTERNAL",
      message: expect.stringMatching(/which the importer cannot store/),
    });
  });
});

describe("a dataset cut into parts", () => {
  it("puts every record in exactly one part, in order, at most `size` of each kind per part", () => {
    const companies = ["a", "b", "c", "d", "e"].map((id) => company(id, {}));
    const parts = [...partsOf({ ...EMPTY_DATASET, companies }, 2)];
    expect(parts.map((part) => part.companies.map((c) => c.id))).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(parts.every((part) => part.claims.length === 0)).toBe(true);
  });

  it("gives an empty dataset as one empty part", () => {
    expect([...partsOf(EMPTY_DATASET, 10)]).toEqual([EMPTY_DATASET]);
  });
});
