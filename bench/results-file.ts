/** Writing a run's Markdown results under bench/results/. */
import fs from "node:fs";
import path from "node:path";
import prettier from "prettier";

/** Formatted as the project formats Markdown, so that a committed result passes the format check. */
export async function writeResults(file: string, report: string): Promise<void> {
  const formatted = await prettier.format(report, { ...(await prettier.resolveConfig(file)), filepath: file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatted);
  console.log(`\n${formatted}\nWritten to ${path.relative(process.cwd(), file)}.`);
}
