// The baseline of the xlsx import benches: exceljs's bare streaming read of a file, touching every
// cell's value — a warm-up, then BENCH_RUNS (3) runs with styles ignored (its default) and cached
// (as the app reads). It runs in a child process of its own (this file, forked), so its peak RSS
// is that of the read alone.
import { fork } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const BARE_RUNS = Number(process.env.BENCH_RUNS ?? 3);

export type BareResult = { ms: number[]; msStyles: number[]; cells: number; maxRss: number; startRss: number };

/** exceljs's streaming reader, touching every cell's value; styles ignored (its default) or cached (as the app reads). */
export async function bareRead(input: string | Readable, styles: 'ignore' | 'cache'): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles, entries: 'ignore' });
  let cells = 0;
  for await (const ws of reader)
    for await (const row of ws)
      row.eachCell((c) => {
        if (c.value !== undefined) cells++;
      });
  return cells;
}

const self = fileURLToPath(import.meta.url);
const CHILD = '--xlsx-bare-child';

/** The bare read of `file` in a forked process: its times (ms), cell count, RSS before reading and peak RSS. */
export function bareReadInChild(file: string): Promise<BareResult> {
  const p = fork(self, [CHILD, file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: BareResult | undefined;
    p.on('message', (m) => (result = m as BareResult));
    p.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`the bare read exited with ${code}`))));
  });
}

if (process.argv[2] === CHILD) {
  const startRss = process.memoryUsage.rss();
  const file = process.argv[3]!;
  const cells = await bareRead(file, 'ignore'); // warm-up
  const ms: number[] = [];
  const msStyles: number[] = [];
  for (let i = 0; i < BARE_RUNS; i++) {
    let t = performance.now();
    await bareRead(file, 'ignore');
    ms.push(performance.now() - t);
    t = performance.now();
    await bareRead(file, 'cache');
    msStyles.push(performance.now() - t);
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.send!({ ms, msStyles, cells, maxRss, startRss } satisfies BareResult, () => process.disconnect());
}
