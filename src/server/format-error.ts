import type { GraphQLFormattedError } from "graphql";
import { type ErrorReporter, INTERNAL_CODE } from "./error-policy";

/**
 * Apollo's `formatError`: every error leaves with the code, message and details the shared error
 * policy decides (see error-policy.ts), so a GraphQL client and an export download see the same
 * answer for the same failure.
 */
export function createFormatError(reportError: ErrorReporter) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const where = `GraphQL ${formatted.path?.join(".") ?? "request"}`;
    const { code, message, details } = reportError(error, where);
    // Apollo adds the stack only when includeStacktraceInErrorResponses is on, i.e. in development;
    // it is kept for internal failures, never for a client's mistake (it would show our files).
    const stacktrace = code === INTERNAL_CODE ? formatted.extensions?.stacktrace : undefined;
    return {
      message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, ...details, ...(stacktrace ? { stacktrace } : {}) },
    };
  };
}
