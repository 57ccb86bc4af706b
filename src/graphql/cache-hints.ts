import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from "graphql";

/**
 * Apollo's `@cacheControl` directive (its definition must be in the schema for hints to be read).
 * Everything a query reads may be cached for the server's default max-age (CACHE_MAX_AGE_SECONDS);
 * the hints below only shorten it, and Apollo takes the shortest hint of a response.
 */
export const cacheControlDirective = new GraphQLDirective({
  name: "cacheControl",
  description: "How long an answer that selects this field may be cached, and by whom.",
  locations: [
    DirectiveLocation.FIELD_DEFINITION,
    DirectiveLocation.OBJECT,
    DirectiveLocation.INTERFACE,
    DirectiveLocation.UNION,
  ],
  args: {
    maxAge: { type: GraphQLInt },
    scope: { type: new GraphQLEnumType({ name: "CacheControlScope", values: { PUBLIC: {}, PRIVATE: {} } }) },
    inheritMaxAge: { type: GraphQLBoolean },
  },
});

/** Analytics are computed from many facts at once: cached briefly, so a new fact shows up soon. */
export const ANALYTICS_HINT = "@cacheControl(maxAge: 15)";

/** The change feed is how clients learn of writes: never cached. */
export const LIVE_HINT = "@cacheControl(maxAge: 0)";
