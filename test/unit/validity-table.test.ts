import { describe, expect, it } from "vitest";
import { type RelationshipStatus, STATUSES } from "../../src/domain/entities";
import { inForce, isValidAt } from "../../src/domain/validity";

/*
 * The validity rules as a truth table written out by hand: every status, with and without a known
 * start and end, asked about the days around those bounds and without a date. Each answer below is
 * worked by hand from the rules (bounds count as inside; a plan is not yet in force; a former fact
 * only on a given day up to its known end), not computed with the functions under test.
 * test/conformance/rules.test.ts then holds both stores to the same rules.
 */

const START = "2024-03-01";
const END = "2024-09-30";

/** The days asked about, in the order of each row's answers. */
const DAYS = [
  ["the day before the start", "2024-02-29"],
  ["the start", START],
  ["inside", "2024-06-15"],
  ["the end", END],
  ["the day after the end", "2024-10-01"],
  ["no date", null],
] as const;

type Answers = readonly [before: boolean, start: boolean, inside: boolean, end: boolean, after: boolean, none: boolean];

interface Row {
  status: RelationshipStatus;
  validFrom: string | null;
  validTo: string | null;
  /** isValidAt on each day of DAYS. */
  valid: Answers;
  /** inForce on each day of DAYS. */
  inForce: Answers;
}

const T = true;
const F = false;

// prettier-ignore
const TABLE: readonly Row[] = [
  //                                              before start inside end after none
  { status: "CURRENT",  validFrom: null,  validTo: null, valid: [T, T, T, T, T, T], inForce: [T, T, T, T, T, T] },
  { status: "CURRENT",  validFrom: START, validTo: null, valid: [F, T, T, T, T, T], inForce: [F, T, T, T, T, T] },
  { status: "CURRENT",  validFrom: null,  validTo: END,  valid: [T, T, T, T, F, T], inForce: [T, T, T, T, F, T] },
  { status: "CURRENT",  validFrom: START, validTo: END,  valid: [F, T, T, T, F, T], inForce: [F, T, T, T, F, T] },

  // Reported facts hold like current ones.
  { status: "REPORTED", validFrom: null,  validTo: null, valid: [T, T, T, T, T, T], inForce: [T, T, T, T, T, T] },
  { status: "REPORTED", validFrom: START, validTo: null, valid: [F, T, T, T, T, T], inForce: [F, T, T, T, T, T] },
  { status: "REPORTED", validFrom: null,  validTo: END,  valid: [T, T, T, T, F, T], inForce: [T, T, T, T, F, T] },
  { status: "REPORTED", validFrom: START, validTo: END,  valid: [F, T, T, T, F, T], inForce: [F, T, T, T, F, T] },

  // A former fact is in force only on a given day on or before its known end; never without a date,
  // never when its end is unknown.
  { status: "FORMER",   validFrom: null,  validTo: null, valid: [T, T, T, T, T, T], inForce: [F, F, F, F, F, F] },
  { status: "FORMER",   validFrom: START, validTo: null, valid: [F, T, T, T, T, T], inForce: [F, F, F, F, F, F] },
  { status: "FORMER",   validFrom: null,  validTo: END,  valid: [T, T, T, T, F, T], inForce: [T, T, T, T, F, F] },
  { status: "FORMER",   validFrom: START, validTo: END,  valid: [F, T, T, T, F, T], inForce: [F, T, T, T, F, F] },

  // A plan is never in force, whatever its dates; its window still answers isValidAt.
  { status: "PLANNED",  validFrom: null,  validTo: null, valid: [T, T, T, T, T, T], inForce: [F, F, F, F, F, F] },
  { status: "PLANNED",  validFrom: START, validTo: null, valid: [F, T, T, T, T, T], inForce: [F, F, F, F, F, F] },
  { status: "PLANNED",  validFrom: null,  validTo: END,  valid: [T, T, T, T, F, T], inForce: [F, F, F, F, F, F] },
  { status: "PLANNED",  validFrom: START, validTo: END,  valid: [F, T, T, T, F, T], inForce: [F, F, F, F, F, F] },
];

function describeRow(row: Row): string {
  const window = `from ${row.validFrom ?? "an unknown start"} to ${row.validTo ?? "an unknown end"}`;
  return `${row.status} ${window}`;
}

describe("the validity rules' truth table", () => {
  it("covers every status with each combination of known and unknown bounds", () => {
    const combinations = TABLE.map((r) => `${r.status} ${r.validFrom !== null} ${r.validTo !== null}`);
    expect(new Set(combinations).size).toBe(TABLE.length);
    expect(TABLE.length).toBe(STATUSES.length * 4);
  });

  for (const row of TABLE) {
    const relationship = { status: row.status, validFrom: row.validFrom, validTo: row.validTo };
    DAYS.forEach(([dayName, day], i) => {
      const [valid, expected] = [row.valid[i], row.inForce[i]];
      it(`${describeRow(row)}, ${day === null ? "without a date" : `on ${day} (${dayName})`}: valid ${valid}, in force ${expected}`, () => {
        expect(isValidAt(relationship, day)).toBe(valid);
        expect(inForce(relationship, day)).toBe(expected);
      });
    });
  }
});
