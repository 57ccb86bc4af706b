import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSortedSchema } from "./schema";

/** `npm run schema:emit`: rewrites schema/schema.graphql from the code. */
const target = fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url));
writeFileSync(target, await printSortedSchema());
console.log(`wrote ${target}`);
