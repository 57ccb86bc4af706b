import { BadInputError } from "../../domain/errors";
import { isSlug } from "../../domain/entities";

const PREFIX = "c1:";

/** Cursors are opaque to clients; inside they hold the id of the last item seen. */
export function encodeCursor(id: string): string {
  return Buffer.from(PREFIX + id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const raw = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const id = raw.startsWith(PREFIX) ? raw.slice(PREFIX.length) : "";
  if (!isSlug(id))
    throw new BadInputError(`'after' is not a cursor this API issued: ${JSON.stringify(cursor.slice(0, 40))}`);
  return id;
}
