import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { HeldTexts } from "../store/record-batch";

/**
 * The texts of held documents, read from one folder (DOCUMENTS_DIR): a source's `document` names a
 * file there. Without a folder no text is held here, and a quote that needs checking is refused.
 */
export function documentFolder(dir: string | null): HeldTexts {
  return {
    textOf(document) {
      // A document is a file name, never a path out of the folder.
      if (dir === null || basename(document) !== document) return null;
      try {
        return readFileSync(join(dir, document), "utf8");
      } catch {
        return null;
      }
    },
  };
}
