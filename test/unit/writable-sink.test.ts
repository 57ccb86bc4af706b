import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writableSink } from "../../src/server/writable-sink";

/** A stream that takes `capacity` chunks, then holds the next until `release` is called. */
function slowStream() {
  const written: string[] = [];
  let pending: (() => void) | null = null;
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      pending = done;
    },
  });
  return { stream, written, release: () => (pending?.(), (pending = null)) };
}

describe("an export's sink over a stream", () => {
  it("waits for a full stream to drain before taking more, so a slow reader slows the export", async () => {
    const { stream, written, release } = slowStream();
    const sink = writableSink(stream);
    let drained = false;
    const first = Promise.resolve(sink("abcdef")).then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    // More than the stream's buffer: the sink holds the export until the reader has taken it.
    expect(written).toEqual(["abcdef"]);
    expect(drained).toBe(false);
    release();
    await first;
    expect(drained).toBe(true);
  });

  it("stops the export when the reader goes away, instead of waiting for ever", async () => {
    const { stream } = slowStream();
    const sink = writableSink(stream);
    const waiting = Promise.resolve(sink("abcdef"));
    const blocked = Promise.resolve(sink("ghijkl"));
    stream.destroy();
    await waiting.catch(() => undefined);
    await expect(blocked).rejects.toThrow("went away");
    await expect(Promise.resolve(sink("more"))).rejects.toThrow("went away");
  });
});
