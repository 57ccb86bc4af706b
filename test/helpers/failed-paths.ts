/** A GraphQL answer with the paths of its errors. */
export interface PathedAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: { code?: unknown } }[];
}

/**
 * The clean answer's data with each failed field nulled where the failed answer has its null: at
 * the field itself, or at the nullable field above it that a non-null field's error nulls.
 */
export function withFailedPathsNulled(clean: PathedAnswer, failed: PathedAnswer): unknown {
  if (failed.data === null || failed.data === undefined) return null;
  const expected = structuredClone(clean.data) as Record<string | number, unknown>;
  for (const { path = [] } of failed.errors ?? []) {
    let inFailed: unknown = failed.data;
    let inExpected: Record<string | number, unknown> = expected;
    for (const key of path) {
      inFailed = (inFailed as Record<string | number, unknown>)[key];
      if (inFailed === null) inExpected[key] = null;
      // Past a null (or a path this answer does not have) the clean answer is not compared.
      if (typeof inFailed !== "object" || inFailed === null) break;
      inExpected = inExpected[key] as Record<string | number, unknown>;
    }
  }
  return expected;
}
