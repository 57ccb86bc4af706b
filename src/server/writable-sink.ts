import type { Writable } from "node:stream";
import type { Sink } from "../analytics/exports/sink";

const GONE = "the export's reader went away";

/**
 * A sink over a response or a file: each chunk waits for the stream to drain when its buffer is
 * full, so a slow reader slows the export rather than filling memory. A stream closed under it
 * (the client went away) stops the export.
 */
export function writableSink(stream: Writable): Sink {
  return async (chunk) => {
    if (chunk === "") return;
    if (stream.destroyed) throw new Error(GONE);
    if (stream.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const settle = (done: () => void) => () => {
        stream.off("drain", onDrain);
        stream.off("close", onClose);
        done();
      };
      const onDrain = settle(resolve);
      const onClose = settle(() => reject(new Error(GONE)));
      stream.on("drain", onDrain);
      stream.on("close", onClose);
    });
  };
}
