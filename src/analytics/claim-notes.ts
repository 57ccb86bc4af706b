import type { Relationship } from "../domain/entities";

/**
 * What a figure rests on that its reader should know, said once for every analytic that reads
 * relationships: claims that disagree on an amount, and a fact counted as in force on a day before
 * any source reported it because no source says when it began.
 */
export function claimNotes(
  relationships: readonly Relationship[],
  asOf: string | null,
  nameOf: (r: Relationship) => string,
): string[] {
  return relationships.flatMap((r) => {
    const notes: string[] = [];
    if (r.agreement.conflicting)
      notes.push(
        `${nameOf(r)}: the ${r.agreement.claims} claims on ${r.id} disagree on the amount (${Math.round(r.agreement.gap * 100)}% apart); the figure spans them all.`,
      );
    if (asOf && r.validFrom === null && r.firstReported !== null && asOf < r.firstReported)
      notes.push(
        `${nameOf(r)}: ${r.id} is counted as in force on ${asOf}, start unknown: no source says when it began (first reported ${r.firstReported}).`,
      );
    return notes;
  });
}
