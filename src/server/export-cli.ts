import "./runtime-env";
import "reflect-metadata";
import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DomainError } from "../domain/errors";
import { createStore } from "../store/create-store";
import { MemoryStore } from "../store/memory/memory-store";
import { fillEmbeddedStore } from "./embedded-store";
import { createLogger } from "./logger";
import type { GraphStore } from "../store/graph-store";
import { loadConfig } from "./config";
import { EXPORT_FORMATS, type ExportFormat, type ExportParams, prepareExport } from "./export-routes";
import { writableSink } from "./writable-sink";

/**
 * `npm run export -- --format graphml --center microsoft --depth 2 [--out file]`: the files of the
 * HTTP export routes, from the embedded store with the seed (or Neo4j when NEO4J_URI is set).
 */

export const USAGE = `usage: npm run export -- --format cyjs|graphml|gexf|edges-csv --center ID[,ID...] [--depth 1-4] [--kinds KIND,...] [--as-of YYYY-MM-DD] [--known-at YYYY-MM-DD] [--limit 1-2000] [--out FILE]
       npm run export -- --format cyjs|graphml|gexf|edges-csv [--kinds KIND,...] [--as-of YYYY-MM-DD] [--known-at YYYY-MM-DD] [--out FILE]   (no --center: the whole graph)
       npm run export -- --format csv --companies ID,ID,...|--top N [--product ID] [--period MONTH|QUARTER|YEAR] [--status STATUS,...] [--as-of YYYY-MM-DD] [--known-at YYYY-MM-DD] [--out FILE]
       npm run export -- --format claims-csv [--companies ID,...] [--product ID] [--kinds KIND,...] [--as-of YYYY-MM-DD] [--known-at YYYY-MM-DD] [--out FILE]`;

/** The flags that choose what an export holds, and which formats take each. */
const SELECTING_FLAGS = ["center", "depth", "limit", "kinds", "companies", "top", "product", "period", "status"];
const GRAPH_FLAGS = ["center", "depth", "limit", "kinds"];
const FORMAT_FLAGS: Record<ExportFormat, readonly string[]> = {
  cyjs: GRAPH_FLAGS,
  graphml: GRAPH_FLAGS,
  gexf: GRAPH_FLAGS,
  "edges-csv": GRAPH_FLAGS,
  csv: ["companies", "top", "product", "period", "status"],
  "claims-csv": ["companies", "product", "kinds"],
};

/** A mistake on the command line: reported in one line, exit code 2. */
export class UsageError extends Error {}

export interface ExportCommand {
  readonly format: ExportFormat;
  readonly params: ExportParams;
  readonly out: string | null;
  readonly help?: boolean;
}

export function parseExportArgs(argv: readonly string[]): ExportCommand {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        format: { type: "string" },
        center: { type: "string", multiple: true },
        depth: { type: "string" },
        kinds: { type: "string", multiple: true },
        "as-of": { type: "string" },
        // Record time: the graph as its claims stood that day (see store/record-time.ts).
        "known-at": { type: "string" },
        limit: { type: "string" },
        companies: { type: "string", multiple: true },
        top: { type: "string" },
        product: { type: "string" },
        period: { type: "string" },
        status: { type: "string", multiple: true },
        out: { type: "string", short: "o" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    // Node's messages are long and mention internals ("parseArgs"); keep the useful first sentence.
    throw new UsageError(
      String((err as Error).message)
        .split(". ")[0]!
        .replace(/\.$/, ""),
    );
  }
  if (values.help) return { format: "cyjs", params: {}, out: null, help: true };
  const format = values.format as string | undefined;
  if (format === undefined) throw new UsageError(`--format is required (${EXPORT_FORMATS.join(", ")})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format ${JSON.stringify(format)}; formats are ${EXPORT_FORMATS.join(", ")}`);
  }
  const allowed = FORMAT_FLAGS[format as ExportFormat];
  const wrong = Object.keys(values).filter((k) => SELECTING_FLAGS.includes(k) && !allowed.includes(k));
  if (wrong.length > 0) throw new UsageError(`--${wrong[0]} does not apply to --format ${format}`);
  if (format === "csv" && values.companies === undefined && values.top === undefined) {
    throw new UsageError("--companies or --top is required for --format csv");
  }
  const { format: _f, out, help: _h, "as-of": asOf, "known-at": knownAt, ...rest } = values;
  const params: ExportParams = {
    ...(rest as ExportParams),
    ...(asOf !== undefined ? { asOf: asOf as string } : {}),
    ...(knownAt !== undefined ? { knownAt: knownAt as string } : {}),
  };
  return { format: format as ExportFormat, params, out: (out as string | undefined) ?? null };
}

/** `--out` is relative to where `npm run export` was typed (npm runs the script from the package root). */
function outPath(out: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), out);
}

async function main(argv: readonly string[]): Promise<number> {
  let command: ExportCommand;
  try {
    command = parseExportArgs(argv);
  } catch (err) {
    console.error(`export: ${(err as Error).message} (npm run export -- --help for usage)`);
    return 2;
  }
  if (command.help) {
    console.log(USAGE);
    return 0;
  }
  let store: GraphStore | null = null;
  try {
    const config = loadConfig();
    // A reader: it may run beside the server that writes the data folder.
    store = await createStore(config, null);
    if (store instanceof MemoryStore) await fillEmbeddedStore(store, config, createLogger("silent"));
    // Checked before the file is created, so a refused export leaves no empty file behind. The
    // command line has no size limit: the export streams, a page of the store at a time.
    const prepared = await prepareExport(store, command.format, command.params, { maxWholeGraph: null });
    if (command.out) {
      const file = createWriteStream(outPath(command.out));
      await prepared.write(writableSink(file));
      await new Promise<void>((done, failed) => file.once("error", failed).end(() => done()));
      console.error(`wrote ${outPath(command.out)}`);
    } else {
      await prepared.write(writableSink(process.stdout));
    }
    return 0;
  } catch (err) {
    const message = err instanceof DomainError ? err.message : err instanceof Error ? err.message : String(err);
    // Configuration and seed errors list their problems on several lines; one line is easier to read in a shell.
    console.error(
      `export: ${message
        .replace(/:\n\s*- /, ": ")
        .replace(/\n\s*- /g, "; ")
        .replace(/\s*\n\s*/g, " ")}`,
    );
    return 1;
  } finally {
    await store?.close().catch(() => undefined);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
