import type { ApolloServerPlugin } from "@apollo/server";
import {
  type ConstDirectiveNode,
  type DocumentNode,
  getNamedType,
  type GraphQLField,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { Context } from "../graphql/context";

type Scope = "PUBLIC" | "PRIVATE";

interface Policy {
  readonly maxAge: number;
  readonly scope: Scope;
}

/**
 * An operation's cache policy, read from the `@cacheControl` hints of the fields it selects and
 * of their types: the shortest max-age among them and the server's default, PRIVATE if any hint
 * says so. Hints here only ever shorten the default (see graphql/cache-hints.ts) and none is set
 * while resolving, so the policy is known from the document alone: computed once per operation,
 * where Apollo's own plugin recomputes it for every field of every item resolved (which doubled
 * the time of a nested read of 2,000 items).
 */
export function operationPolicy(schema: GraphQLSchema, document: DocumentNode, defaultMaxAge: number): Policy {
  let maxAge = defaultMaxAge;
  let scope: Scope = "PUBLIC";
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        if (!field) return;
        for (const hint of hintsOf(field)) {
          if (hint.maxAge !== null) maxAge = Math.min(maxAge, hint.maxAge);
          if (hint.scope === "PRIVATE") scope = "PRIVATE";
        }
      },
    }),
  );
  return { maxAge, scope };
}

/** The `@cacheControl` directives on a field and on the type it returns. */
function hintsOf(field: GraphQLField<unknown, unknown>): { maxAge: number | null; scope: Scope | null }[] {
  const directives = [...(field.astNode?.directives ?? []), ...(getNamedType(field.type).astNode?.directives ?? [])];
  return directives.filter((directive) => directive.name.value === "cacheControl").map(hintArguments);
}

function hintArguments(directive: ConstDirectiveNode): { maxAge: number | null; scope: Scope | null } {
  const argument = (name: string) => directive.arguments?.find((arg) => arg.name.value === name)?.value;
  const maxAge = argument("maxAge");
  const scope = argument("scope");
  return {
    maxAge: maxAge?.kind === Kind.INT ? Number(maxAge.value) : null,
    scope: scope?.kind === Kind.ENUM ? (scope.value as Scope) : null,
  };
}

/**
 * Sets each answer's policy (which the response cache reads) and its Cache-Control header: a
 * query's from its hints, `private` when every read needs a key (no shared cache may keep it);
 * a write, an answer with errors or a max-age of 0: `no-store`.
 */
export function cachePolicyPlugin(options: {
  defaultMaxAge: number;
  privateAnswers: boolean;
}): ApolloServerPlugin<Context> {
  // Apollo hands every request of the same text the same parsed document: its policy is read once.
  const policies = new WeakMap<DocumentNode, Policy>();
  const policyOf = (schema: GraphQLSchema, document: DocumentNode) => {
    let policy = policies.get(document);
    if (!policy) policies.set(document, (policy = operationPolicy(schema, document, options.defaultMaxAge)));
    return policy;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, overallCachePolicy }) {
          const policy =
            operation?.operation === "query" ? policyOf(schema, document) : { maxAge: 0, scope: "PUBLIC" as const };
          overallCachePolicy.replace({
            maxAge: policy.maxAge,
            scope: options.privateAnswers ? "PRIVATE" : policy.scope,
          });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const cacheable = overallCachePolicy.policyIfCacheable();
          const clean = response.body.kind === "single" && !response.body.singleResult.errors;
          response.http.headers.set(
            "cache-control",
            cacheable && clean ? `max-age=${cacheable.maxAge}, ${cacheable.scope.toLowerCase()}` : "no-store",
          );
        },
      };
    },
  };
}
