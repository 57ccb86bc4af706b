import { createLogger, type Logger } from "../../src/server/logger";

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface CapturedLog {
  readonly logger: Logger;
  readonly lines: LogLine[];
  /** Lines at pino's error level (50) or above. */
  errors(): LogLine[];
  clear(): void;
}

/** A pino logger that keeps its JSON lines in memory, so a test can read what an operator would. */
export function capturedLog(): CapturedLog {
  const lines: LogLine[] = [];
  const logger = createLogger("info", { write: (line: string) => lines.push(JSON.parse(line)) });
  return {
    logger,
    lines,
    errors: () => lines.filter((l) => l.level >= 50),
    clear: () => lines.splice(0),
  };
}
