import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { ValidationError } from "class-validator";
import { DomainError } from "../domain/errors";
import type { Logger } from "./logger";

function constraintMessages(errors: readonly ValidationError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...constraintMessages(e.children ?? [])]);
}

/**
 * Every error leaves the server with a stable `extensions.code` and a message a person can act on.
 * Domain errors keep their code; argument validation lists what is wrong; anything unexpected is
 * logged in full and, outside development, reaches the client only as "Internal server error".
 */
export function createFormatError(opts: { exposeInternals: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainError) {
      const { limit, ...details } = original.details ?? {};
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...(limit ? { limit } : {}), ...pickSafe(details) },
      };
    }
    const code = formatted.extensions?.code;
    if (code === "BAD_USER_INPUT" && formatted.extensions?.validationErrors) {
      const messages = constraintMessages(formatted.extensions.validationErrors as ValidationError[]);
      return { ...base, message: `Invalid arguments: ${messages.join("; ")}`, extensions: { code } };
    }
    if (code === undefined || code === "INTERNAL_SERVER_ERROR") {
      opts.logger.error({ err: original }, "unexpected error while executing a query");
      if (!opts.exposeInternals) {
        return { ...base, message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
      }
    }
    return formatted;
  };
}

// Details are for clients: only plain scalar values, never objects that could carry internals.
function pickSafe(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([, v]) => ["string", "number", "boolean"].includes(typeof v)),
  );
}
