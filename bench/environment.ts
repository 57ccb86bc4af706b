/** Where and when a run happened, printed first and kept at the top of its results. */
import os from "node:os";
import { companies } from "./table";

export function describeEnvironment(sizes: readonly number[], seed: number): string {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(1));
  return [
    `Node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"})`,
    `load average ${load.join(" / ")} at start`,
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `sizes ${sizes.map(companies).join(", ")} companies, seed ${seed}`,
  ].join(", ");
}
