import "reflect-metadata";
import { type GraphQLSchema, lexicographicSortSchema, printSchema, specifiedDirectives } from "graphql";
import { createPubSub } from "@graphql-yoga/subscription";
import { buildSchema } from "type-graphql";
import { cacheControlDirective } from "../graphql/cache-hints";
import { callResolversDirectly } from "../graphql/direct-resolvers";
import { resolvers } from "../graphql/resolvers";
import { validateArgs } from "../graphql/validate-args";

let cached: Promise<GraphQLSchema> | null = null;

/** Builds the schema from the resolver classes once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    // class-validator checks @ArgsType constraints, synchronously (see validate-args.ts).
    validateFn: validateArgs,
    directives: [...specifiedDirectives, cacheControlDirective],
    // type-graphql builds no subscription without a PubSub. Ours publish no topic: each streams the
    // store's change feed from the seq its client asks (see store/change-feed.ts), which a topic
    // could not replay.
    pubSub: createPubSub(),
  }).then((schema) => {
    callResolversDirectly(schema, resolvers, validateArgs);
    return schema;
  });
  return cached;
}

/** The SDL committed as schema/schema.graphql; sorted so the file only changes when the API does. */
export async function printSortedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
