import { ForbiddenError, UnauthenticatedError } from "./errors";

/**
 * Who may do what: anyone reads (unless the server is configured otherwise), an editor records
 * sources and claims, an admin also retracts them.
 */

export const ROLES = ["reader", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly name: string;
  readonly role: Role;
}

/** Throws unless the principal has one of the roles. */
export function requireRole(principal: Principal | null, roles: readonly Role[], action: string): Principal {
  if (!principal)
    throw new UnauthenticatedError(`${action} needs a credential: send \`Authorization: Bearer <API key>\``);
  if (!roles.includes(principal.role))
    throw new ForbiddenError(
      `${action} needs the role ${roles.join(" or ")}; '${principal.name}' is ${principal.role}`,
    );
  return principal;
}
