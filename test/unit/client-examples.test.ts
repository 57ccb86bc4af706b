import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The README's client examples, as a frontend would compile them: each TypeScript block of the
 * client kit's section, importing `./client` (schema/client/index.ts), type-checked in strict mode
 * for a browser against the client libraries installed (package.json), with no Node types. A
 * client release that changes its API, or a document the examples use, fails here.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const README = readFileSync(`${ROOT}README.md`, "utf8");

function clientExamples(): [name: string, code: string][] {
  const section = README.slice(
    README.indexOf("## Frontends on their own origin"),
    README.indexOf("## Rules, each in one place"),
  );
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks.map((code) => [/from "(@apollo\/client|urql)"/.exec(code)?.[1] ?? "unknown", code]);
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  skipLibCheck: true,
};

/** The example as a file beside schema/client, so that `./client` is the client kit. */
function diagnosticsOf(code: string): string[] {
  const file = `${ROOT}schema/readme-example.ts`;
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => name === file || ts.sys.fileExists(name);
  host.readFile = (name) => (name === file ? code : readFile(name));
  host.getSourceFile = (name, language, onError, create) =>
    name === file ? ts.createSourceFile(name, code, language, true) : getSourceFile(name, language, onError, create);
  const program = ts.createProgram([file], OPTIONS, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName.replace(ROOT, "") ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("the README's client examples", () => {
  const examples = clientExamples();

  it("are one for Apollo Client and one for urql, each with a WebSocket beside HTTP", () => {
    expect(examples.map(([name]) => name)).toEqual(["@apollo/client", "urql"]);
    for (const [, code] of examples) {
      expect(code).toContain('from "graphql-ws"');
      expect(code).toContain("https://graph.example.com/graphql");
      expect(code).toContain("wss://graph.example.com/graphql");
    }
  });

  it.each(examples)(
    "compile with %s as installed",
    (_name, code) => {
      expect(diagnosticsOf(code)).toEqual([]);
    },
    120_000,
  );

  it("would catch an example that does not compile: Apollo Client 4 takes no uri", () => {
    const stale = `import { ApolloClient, InMemoryCache } from "@apollo/client";
new ApolloClient({ uri: "https://graph.example.com/graphql", cache: new InMemoryCache() });`;
    expect(diagnosticsOf(stale).join("\n")).toMatch(/uri/);
  }, 120_000);
});
