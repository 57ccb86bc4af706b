import { createHash, timingSafeEqual } from "node:crypto";
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { UnauthenticatedError } from "../domain/errors";
import { type Principal, type Role, ROLES } from "../domain/roles";

/**
 * Who is asking. Reads are open unless configured otherwise; writing needs a credential with a
 * role: an API key, configured as its SHA-256 hash only (the server never holds a key itself) and
 * compared in constant time, or a JWT from the operator's identity provider.
 */

export interface ApiKey extends Principal {
  /** SHA-256 of the key. */
  readonly hash: Buffer;
}

/** `name:role:sha256hex` entries, comma-separated (API_KEYS); the reason an entry is refused, or the keys. */
export function parseApiKeys(text: string): ApiKey[] | string {
  const keys: ApiKey[] = [];
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [name, role, hex] = entry.split(":");
    if (!name || !/^[\w.@-]{1,64}$/.test(name)) return `"${entry.slice(0, 40)}": a name of letters, digits, . @ _ -`;
    if (!(ROLES as readonly string[]).includes(role ?? "")) return `"${name}": role must be one of ${ROLES.join(", ")}`;
    if (!hex || !/^[0-9a-f]{64}$/i.test(hex)) return `"${name}": the key's SHA-256 as 64 hex digits`;
    keys.push({ name, role: role as Role, hash: Buffer.from(hex, "hex") });
  }
  return keys;
}

/** The SHA-256 of a key, as API_KEYS wants it. */
export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** How the server checks JWTs from the operator's identity provider (see jwtVerifier). */
export interface JwtSettings {
  /** A shared secret (HS256 and friends), or the identity provider's JWKS url. */
  readonly key: { readonly secret: string } | { readonly jwksUrl: string };
  readonly issuer: string;
  readonly audience: string;
  /** The claim holding the role: a role name, or a list of them (the strongest counts). */
  readonly roleClaim: string;
}

export interface Credentials {
  readonly keys: readonly ApiKey[];
  /** Checks a JWT, when the server accepts them. */
  readonly verifyJwt: ((token: string) => Promise<Principal>) | null;
}

/** The principal an Authorization header names; null without one; UNAUTHENTICATED for a bad one. */
async function authenticate(header: string | undefined, credentials: Credentials): Promise<Principal | null> {
  if (header === undefined || header.trim() === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError("the Authorization header must be `Bearer <API key or JWT>`");
  const token = match[1]!;
  if (credentials.verifyJwt && JWT_SHAPE.test(token)) return credentials.verifyJwt(token);
  return apiKeyPrincipal(token, credentials.keys);
}

/**
 * Who sends a request or opens a subscription, from its Authorization value (the header over HTTP,
 * `authorization` in `connection_init` over WebSocket): null for anonymous, UNAUTHENTICATED for a
 * bad credential, or for none when every read needs one.
 */
export async function principalOfRequest(
  authorization: string | undefined,
  auth: { readonly credentials: Credentials; readonly readsNeedKey: boolean },
): Promise<Principal | null> {
  const principal = await authenticate(authorization, auth.credentials);
  if (!principal && auth.readsNeedKey) throw new UnauthenticatedError("this server needs an API key for every request");
  return principal;
}

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

function apiKeyPrincipal(token: string, keys: readonly ApiKey[]): Principal {
  const hash = createHash("sha256").update(token, "utf8").digest();
  // Every key is compared, so the time taken says nothing about which one nearly matched.
  let found: ApiKey | null = null;
  for (const key of keys) if (timingSafeEqual(hash, key.hash)) found = key;
  if (!found) throw new UnauthenticatedError("the API key is not valid");
  return { name: found.name, role: found.role };
}

/**
 * A JWT check with jose: signature (shared secret or the provider's JWKS, fetched and cached by
 * jose), expiry, issuer and audience; the subject names the principal and `roleClaim` its role.
 */
export function jwtVerifier(settings: JwtSettings): (token: string) => Promise<Principal> {
  const key =
    "secret" in settings.key
      ? new TextEncoder().encode(settings.key.secret)
      : createRemoteJWKSet(new URL(settings.key.jwksUrl));
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
        issuer: settings.issuer,
        audience: settings.audience,
      }));
    } catch (err) {
      throw new UnauthenticatedError(`the JWT is not valid: ${err instanceof Error ? err.message : String(err)}`);
    }
    const role = strongestRole(payload[settings.roleClaim]);
    if (!payload.sub || !role)
      throw new UnauthenticatedError(`the JWT needs a subject and a role in '${settings.roleClaim}'`);
    return { name: payload.sub, role };
  };
}

function strongestRole(claim: unknown): Role | null {
  const named = (Array.isArray(claim) ? claim : [claim]).filter((r): r is Role =>
    (ROLES as readonly unknown[]).includes(r),
  );
  return [...ROLES].reverse().find((role) => named.includes(role)) ?? null;
}

/** Whose budgets and limits a request or a connection spends: the credential's name, else the client's address. */
export function clientOf(principal: Principal | null, address: string | undefined): string {
  return principal ? `key:${principal.name}` : `ip:${address ?? "unknown"}`;
}
