import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Graph from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import { fillEmbeddedStore } from "../../src/server/embedded-store";
import { createLogger } from "../../src/server/logger";
import { Journal } from "../../src/store/memory/journal";
import { MemoryStore } from "../../src/store/memory/memory-store";
import { parseCsv } from "../helpers/csv";

/**
 * The README's "From the API to pandas / networkx / Gephi" commands, run as written from a folder
 * of their own, and the files they write read back with the project's own parsers.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

function readmeCommands(): string[] {
  const section = README.slice(README.indexOf("### From the API to pandas / networkx / Gephi"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split("\n").filter((line) => line.startsWith("npm run export"));
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ["key", "node", "edge", "data", "attvalue"].includes(name),
});

type Element = { id: string; source?: string; target?: string; data?: { key: string; "#text": string }[] };

describe("the README's commands from the API to pandas, networkx and Gephi", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-readme-exports-"));
  let relationships: number;
  let buys: number;

  beforeAll(async () => {
    // What the command line reads: the article and the shipped reports, in the embedded store.
    const journalPath = path.join(dir, "journal.ndjson");
    const store = new MemoryStore(new Journal(journalPath));
    await fillEmbeddedStore(store, { journalPath, documentsDir: null }, createLogger("silent"));
    relationships = (await store.listRelationships({}, { first: 1 })).totalCount;
    buys = (await store.listRelationships({ kinds: ["BUYS_FROM"] }, { first: 1 })).totalCount;

    const commands = readmeCommands();
    expect(commands.length).toBe(4);
    const { NEO4J_URI: _neo4j, ...inherited } = process.env;
    for (const command of commands) {
      // Typed in a folder of its own: npm is told where the project is, and the files land there.
      execSync(command.replace(/^npm /, `npm --prefix ${JSON.stringify(ROOT)} `), {
        cwd: dir,
        env: { ...inherited, DATA_DIR: fs.mkdtempSync(path.join(dir, "data-")) },
        stdio: ["ignore", "ignore", "pipe"],
      });
    }
  }, 180_000);

  it("writes GraphML that graphology takes edge for edge, with provenance on each", () => {
    const text = fs.readFileSync(path.join(dir, "graph.graphml"), "utf8");
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text).graphml;
    const names = new Map((doc.key as { id: string; "attr.name": string }[]).map((k) => [k.id, k["attr.name"]]));
    const attrs = (e: Element) => Object.fromEntries((e.data ?? []).map((d) => [names.get(d.key)!, d["#text"]]));
    const graph = new Graph({ type: "directed", multi: true });
    for (const n of doc.graph.node as Element[]) graph.addNode(n.id, attrs(n));
    for (const e of doc.graph.edge as Element[]) graph.addDirectedEdgeWithKey(e.id, e.source!, e.target!, attrs(e));
    expect(graph.size).toBe(relationships);
    graph.forEachEdge((edge, a) => {
      expect(Number(a.claimCount), edge).toBeGreaterThan(0);
      expect(a.sourceIds, edge).toBeTruthy();
    });
  });

  it("documents every column of claims.csv, in order", () => {
    const section = README.slice(README.indexOf("**`claims.csv`**"), README.indexOf("**`matrix.csv`**"));
    const documented = section
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .flatMap((line) => [...line.split("|")[1]!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));
    const header = fs.readFileSync(path.join(dir, "tiktok-claims.csv"), "utf8").split("\r\n")[0]!.split(",");
    expect(documented).toEqual(header);
  });

  it("writes GEXF of the purchases alone, and the edge list and claims as CSV", () => {
    const gexf = fs.readFileSync(path.join(dir, "money.gexf"), "utf8");
    expect(XMLValidator.validate(gexf)).toBe(true);
    const edges = xml.parse(gexf).gexf.graph.edges.edge as {
      attvalues: { attvalue: { for: string; value: string }[] };
    }[];
    expect(edges.length).toBe(buys);
    for (const e of edges) expect(e.attvalues.attvalue.find((v) => v.for === "kind")!.value).toBe("BUYS_FROM");

    expect(parseCsv(fs.readFileSync(path.join(dir, "edges.csv"), "utf8")).length).toBe(relationships);
    const claims = parseCsv(fs.readFileSync(path.join(dir, "tiktok-claims.csv"), "utf8"));
    expect(claims.length).toBeGreaterThan(0);
    for (const row of claims) expect([row.from, row.to]).toContain("tiktok");
  });
});
