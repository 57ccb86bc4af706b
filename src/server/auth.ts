import { createHash, timingSafeEqual } from "node:crypto";
import { UnauthenticatedError } from "../domain/errors";
import { type Principal, type Role, ROLES } from "../domain/roles";

/**
 * Who is asking. Reads are open unless configured otherwise; writing needs a credential with a
 * role. API keys are configured as SHA-256 hashes only (the server never holds a key itself) and
 * compared in constant time.
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

/** The principal an Authorization header names; null without one; UNAUTHENTICATED for a bad one. */
export function authenticate(header: string | undefined, keys: readonly ApiKey[]): Principal | null {
  if (header === undefined || header.trim() === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError("the Authorization header must be `Bearer <API key>`");
  const hash = createHash("sha256").update(match[1]!, "utf8").digest();
  // Every key is compared, so the time taken says nothing about which one nearly matched.
  let found: ApiKey | null = null;
  for (const key of keys) if (timingSafeEqual(hash, key.hash)) found = key;
  if (!found) throw new UnauthenticatedError("the API key is not valid");
  return { name: found.name, role: found.role };
}
