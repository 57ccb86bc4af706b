import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // type-graphql needs legacy decorators; metadata stays off (explicit type functions everywhere).
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
  resolve: {
    // One copy of graphql for type-graphql, Apollo and the tests, or schemas "come from another realm".
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    setupFiles: ["reflect-metadata"],
    // A real Neo4j for the store tests (see the file for when it is started, reused or skipped).
    globalSetup: ["test/helpers/neo4j-server.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
