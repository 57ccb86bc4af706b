/**
 * Where a streamed export writes: a response, a file, or a string in tests. Writers await it, so
 * a slow reader slows the export instead of the export piling text up in memory.
 */
export type Sink = (chunk: string) => Promise<void> | void;

/** A sink that keeps what it is given, for the exports small enough to answer as one string. */
export function stringSink(): { sink: Sink; text: () => string } {
  const chunks: string[] = [];
  return { sink: (chunk) => void chunks.push(chunk), text: () => chunks.join("") };
}
