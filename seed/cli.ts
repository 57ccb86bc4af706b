/**
 * `npm run seed [-- <dataset folder>]`: loads the seed (or another dataset folder) into the Neo4j
 * named by NEO4J_URI. The dataset is validated completely before connecting, so an invalid one
 * writes nothing; the load itself is one transaction, and loading the same dataset again changes
 * nothing.
 */
import { DomainError } from "../src/domain/errors";
import type { StoreCounts } from "../src/store/graph-store";
import { Neo4jStore } from "../src/store/neo4j/neo4j-store";
import { loadConfig } from "../src/server/config";
import { loadSeed, seedDir } from "./loader";

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.neo4j === null) {
    fail(
      "NEO4J_URI is not set: `npm run seed` loads the dataset into Neo4j (the embedded store loads the seed by itself on `npm start`)",
    );
  }
  const dir = process.argv[2] ?? seedDir();
  const dataset = loadSeed(dir);

  const store = await Neo4jStore.connect(config.neo4j);
  try {
    const before = await store.counts();
    console.log(`before: ${describe(before)}`);
    const report = await store.load(dataset);
    const after = await store.counts();
    console.log(
      `loaded ${dir}: ${report.nodes} nodes, ${report.relationships} relationships, ${report.evidence} evidence, ${report.metrics} metrics`,
    );
    console.log(`after:  ${describe(after)}`);
  } finally {
    await store.close();
  }
}

function describe(c: StoreCounts): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n`);
  process.exit(1);
}

main().catch((err: unknown) => {
  // Domain errors are written for people (a seed problem lists each file and record); anything
  // else gets its message only, never a stack.
  fail(err instanceof DomainError ? err.message : err instanceof Error ? err.message.split("\n")[0]! : String(err));
});
