/**
 * The whole-graph export at benchmark size: time and peak resident memory of a process that holds
 * the graph in the embedded store and streams it out as GraphML (export-child.ts). The store's own
 * RSS is measured before the export starts, so the table shows what the export adds on top: a
 * bounded amount (a page of the store at a time), whatever the size of the file.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXPORT_CHILD_ENTRY, type ExportMeasure, type ExportSettings } from "./export-child";
import type { MeasuredRows } from "./memory";
import { companies, mb, ms } from "./table";

type ChildAnswer = { ok: true; result: ExportMeasure } | { ok: false; message: string };

function runChild(settings: ExportSettings): Promise<ExportMeasure> {
  return new Promise((resolve, reject) => {
    const child = fork(EXPORT_CHILD_ENTRY, [JSON.stringify(settings)], {
      execArgv: [...process.execArgv, "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let answer: ChildAnswer | null = null;
    child.on("message", (message: ChildAnswer) => (answer = message));
    child.on("exit", (code) => {
      if (answer?.ok) resolve(answer.result);
      else
        reject(new Error(`whole-graph export failed: ${answer && !answer.ok ? answer.message : `exit code ${code}`}`));
    });
  });
}

export async function measureWholeGraphExport(seed: number, size: number): Promise<MeasuredRows> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cg-bench-export-"));
  try {
    const m = await runChild({ seed, companies: size, file: path.join(dir, "whole.graphml") });
    const at = `${companies(size)} companies: whole-graph GraphML export`;
    console.log(`${at}: ${ms(m.ms)} ms, peak RSS ${mb(m.peakRss)}`);
    return [
      [
        `${at}, time`,
        `${ms(m.ms)} ms (${m.elements.toLocaleString("en")} nodes and relationships, ${mb(m.bytes)} file)`,
      ],
      [`${at}, RSS before (store loaded) / peak while exporting`, `${mb(m.rssBefore)} / ${mb(m.peakRss)}`],
      [`${at}, RSS the export adds`, mb(m.peakRss - m.rssBefore)],
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
