/** How the explorer puts the API's values in words; no DOM, so unit-tested without a browser. */

/** An API enum in words: BUYS_FROM -> "buys from", CUSTOMER_BUILDS_COMPETING -> "customer builds competing". */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, " ");
}

/** A fraction in 0..1 as a percent with one decimal, for axes and data attributes (null stays null). */
export function percent(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
}

/** "1 claim", "3 claims", "2 companies". */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
