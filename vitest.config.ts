import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// A real Neo4j (see the file for when it is started, reused or skipped). Only the projects that reach
// a database list it: a project without it never looks for Java.
const NEO4J = ["test/helpers/neo4j-server.ts"];

/**
 * The settings every tier shares live at the root; each project extends them and adds only which
 * files it runs and whether it needs Neo4j. The root itself holds no globalSetup, because vitest
 * runs the root's for every run, whichever projects are selected.
 */
export default defineConfig({
  // type-graphql needs legacy decorators; metadata stays off (explicit type functions everywhere).
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
  resolve: {
    // One copy of graphql for type-graphql, Apollo and the tests, or schemas "come from another realm".
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      // In-process only: no database, no HTTP server, no child process, no browser.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      // The store port's behaviour on both stores.
      { extends: true, test: { name: "conformance", include: ["test/conformance/**/*.test.ts"], globalSetup: NEO4J } },
      // Real servers and command-line processes, over HTTP; some on Neo4j.
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: NEO4J } },
      // Pages in Chromium against a server on the memory store.
      { extends: true, test: { name: "browser", include: ["test/browser/**/*.test.ts"] } },
    ],
  },
});
