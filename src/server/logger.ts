import { type DestinationStream, pino, type Logger } from "pino";
import { requestIdMixin } from "./request-log";

export type { Logger };

/** JSON lines (to stdout unless told); a line written while a request runs carries the request's id. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: undefined, mixin: requestIdMixin };
  return destination ? pino(options, destination) : pino(options);
}
