/** A thread of the import-file pool (write-import-files.ts): writes the files of one part. */
import type { Dataset } from "../../domain/dataset";
import { DomainError } from "../../domain/errors";
import { type PartFiles, writePartFiles } from "./import-files";

export interface PartTask {
  readonly part: Dataset;
  readonly folder: string;
  readonly index: number;
}

/**
 * A refusal comes back as a value: an error crossing threads keeps its message but not its class,
 * and the caller must tell a refused value (a DomainError) from a failed thread.
 */
export type PartOutcome = { readonly written: PartFiles } | { readonly refused: { code: string; message: string } };

export default function writePart(task: PartTask): PartOutcome {
  try {
    return { written: writePartFiles(task.part, task.folder, task.index) };
  } catch (error) {
    if (error instanceof DomainError) return { refused: { code: error.code, message: error.message } };
    throw error;
  }
}
