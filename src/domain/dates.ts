import { BadInputError } from "./errors";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD` that exists (2024-02-29 does, 2024-02-30 does not). */
function isCalendarDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The date argument `name`, or null when absent; anything but a calendar date is bad input. */
export function checkDate(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (!isCalendarDate(value)) {
    throw new BadInputError(`${name} must be a date such as 2024-03-31 (got ${JSON.stringify(value.slice(0, 40))})`, {
      argument: name,
    });
  }
  return value;
}
