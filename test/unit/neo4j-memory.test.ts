import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { neo4jMemory, startLocalNeo4j } from "../../neo4j/launcher";

const MiB = 2 ** 20;

describe("the local Neo4j's memory settings", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("default to a 1 GiB heap, a 512 MiB page cache and 2 GiB for the importer, unset or empty", () => {
    vi.stubEnv("NEO4J_HEAP", undefined);
    vi.stubEnv("NEO4J_PAGECACHE", "");
    vi.stubEnv("NEO4J_IMPORT_MEMORY", "");
    expect(neo4jMemory()).toEqual({ heap: 1024 * MiB, pageCache: 512 * MiB, importer: 2048 * MiB });
  });

  it("take a number with a unit k, m or g, in either case", () => {
    vi.stubEnv("NEO4J_HEAP", "2g");
    vi.stubEnv("NEO4J_PAGECACHE", " 768M ");
    vi.stubEnv("NEO4J_IMPORT_MEMORY", "6G");
    expect(neo4jMemory()).toEqual({ heap: 2048 * MiB, pageCache: 768 * MiB, importer: 6144 * MiB });
    vi.stubEnv("NEO4J_HEAP", "262144k");
    vi.stubEnv("NEO4J_PAGECACHE", "8m");
    vi.stubEnv("NEO4J_IMPORT_MEMORY", "512m");
    expect(neo4jMemory()).toEqual({ heap: 256 * MiB, pageCache: 8 * MiB, importer: 512 * MiB });
  });

  it.each([
    ["NEO4J_HEAP", "lots", 'NEO4J_HEAP must be a size such as 768m or 2g, at least 256m; got "lots"'],
    ["NEO4J_HEAP", "2048", 'NEO4J_HEAP must be a size such as 768m or 2g, at least 256m; got "2048"'],
    ["NEO4J_HEAP", "128m", 'NEO4J_HEAP must be a size such as 768m or 2g, at least 256m; got "128m"'],
    ["NEO4J_PAGECACHE", "1.5g", 'NEO4J_PAGECACHE must be a size such as 768m or 2g, at least 8m; got "1.5g"'],
    ["NEO4J_PAGECACHE", "-1g", 'NEO4J_PAGECACHE must be a size such as 768m or 2g, at least 8m; got "-1g"'],
    ["NEO4J_PAGECACHE", "4m", 'NEO4J_PAGECACHE must be a size such as 768m or 2g, at least 8m; got "4m"'],
    ["NEO4J_IMPORT_MEMORY", "1m", 'NEO4J_IMPORT_MEMORY must be a size such as 768m or 2g, at least 512m; got "1m"'],
  ])("refuse %s=%s in one line, before a server is started", async (variable, value, message) => {
    vi.stubEnv(variable, value);
    expect(() => neo4jMemory()).toThrow(message);
    const dataDir = path.join(os.tmpdir(), `cg-never-started-${process.pid}`);
    await expect(startLocalNeo4j({ dataDir })).rejects.toThrow(message);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
