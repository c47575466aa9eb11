// The import reader (apps/server/src/xlsx: inspectXlsx + readRows) against exceljs's bare
// streaming read of the same 30,000-row × 27-column workbook, in one process, alternating runs,
// medians. The bare loops only touch each cell's value. `styles: 'ignore'` is exceljs's default
// (dates then come as serial numbers); `styles: 'cache'` is what reading dates needs.
import { Readable } from 'node:stream';
import { bareRead } from './xlsx-bare';
import { inspectXlsx } from '../apps/server/src/xlsx/inspect';
import { readRows } from '../apps/server/src/xlsx/read-rows';
import { writeWorkbook } from '../apps/server/src/xlsx/test-workbooks';

const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COLS = 27;

const parks = ['中关村软件园', '海淀园', '丰台园', '昌平园', '朝阳园', '亦庄园', '德胜园', '雍和园', '石景山园', '通州园', '大兴园', '房山园', '门头沟园', '平谷园', '怀柔园', '密云园'];
const words = ['科技', '信息', '智能', '生物', '医药', '新材料', '能源', '网络', '数据', '电子', '环保', '装备'];

function row(i: number): unknown[] {
  const w = (k: number) => words[(i * 7 + k) % words.length]!;
  return [
    `91110108MA${String(i).padStart(7, '0')}X`, // USCC-like, unique
    `北京示例${w(0)}${w(1)}有限公司${i}`, // unique name
    i % 10 === 0 ? `北京旧名${w(2)}公司${i}` : null,
    ['张伟', '王芳', '李娜', '刘洋', '陈静'][i % 5],
    Math.round((i * 37.1234) % 100000 * 10000) / 10000, // registered capital, 4 decimals
    new Date(Date.UTC(1990 + (i % 34), i % 12, 1 + (i % 28))), // established
    `北京市海淀区中关村大街${i % 300}号${i % 20}层`,
    `北京市海淀区上地信息路${i % 200}号`,
    parks[i % parks.length],
    String(6500 + (i % 99)), // industry code as text
    ['新一代信息技术', '高端装备制造', '新材料', '生物', null][i % 5],
    i % 3 === 0 ? '是' : '否',
    ['未上市', '辅导', '申报', '上市'][i % 4],
    i % 4 === 3 ? '科创板' : null,
    i % 4 === 3 ? `688${String(i % 1000).padStart(3, '0')}` : null,
    50 + (i % 2000), // headcount
    Math.round((i * 13.37) % 50000 * 100) / 100,
    i % 2 ? '自有' : '租赁',
    Math.round((i * 7.77) % 80000 * 100) / 100,
    i % 2 ? '租赁' : '自有',
    116.2 + (i % 1000) / 10000,
    39.9 + (i % 1000) / 10000,
    `${w(3)}；${w(4)}`,
    ['赵敏', '钱进', '孙悦', '周强'][i % 4],
    `1381234${String(i % 10000).padStart(4, '0')}`,
    `officer${i % 40}`,
    new Date(Date.UTC(2015 + (i % 10), (i * 5) % 12, 1 + (i % 27))), // moved in
  ];
}

const buf = await writeWorkbook((wb) => {
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(Array.from({ length: COLS }, (_, c) => `列${c + 1}`)).commit();
  for (let i = 1; i <= ROWS; i++) ws.addRow(row(i)).commit();
});

const bare = (styles: 'ignore' | 'cache') => bareRead(Readable.from([buf]), styles);

async function ours(): Promise<number> {
  let cells = 0;
  for await (const r of readRows(buf)) for (const c of r.cells) if (c !== null) cells++;
  return cells;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs = { bareIgnore: [] as number[], bareCache: [] as number[], inspect: [] as number[], ours: [] as number[] };
const check = [await bare('cache'), await ours()]; // warm-up, and the same cell count both ways
if (check[0] !== check[1]) throw new Error(`cell counts differ: bare ${check[0]}, readRows ${check[1]}`);
for (let i = 0; i < RUNS; i++) {
  runs.bareIgnore.push(await time(() => bare('ignore')));
  runs.bareCache.push(await time(() => bare('cache')));
  runs.inspect.push(await time(() => inspectXlsx(buf)));
  runs.ours.push(await time(ours)); // inspectXlsx + readRows
}
const m = { bareIgnore: median(runs.bareIgnore), bareCache: median(runs.bareCache), inspect: median(runs.inspect), ours: median(runs.ours) };
const inspection = await inspectXlsx(buf);

console.log(`workbook: ${ROWS} rows × ${COLS} columns, ${(buf.length / 1024 / 1024).toFixed(1)} MB on disk, ${(inspection.xmlBytes / 1024 / 1024).toFixed(1)} MB of XML, ${check[0]} cells; median of ${RUNS} runs`);
console.log(`exceljs bare stream read, styles ignored (dates as numbers): ${m.bareIgnore.toFixed(0)} ms`);
console.log(`exceljs bare stream read, styles cached (dates as dates): ${m.bareCache.toFixed(0)} ms`);
console.log(`inspectXlsx alone: ${m.inspect.toFixed(0)} ms`);
console.log(`inspectXlsx + readRows: ${m.ours.toFixed(0)} ms`);
console.log(`read-rows-vs-bare: ${(m.ours / m.bareIgnore).toFixed(2)}`);
console.log(`read-rows-vs-bare-with-styles: ${(m.ours / m.bareCache).toFixed(2)}`);
console.log(`inspect-vs-bare: ${(m.inspect / m.bareIgnore).toFixed(2)}`);
console.log(`styles-cache-vs-ignore: ${(m.bareCache / m.bareIgnore).toFixed(2)}`);
console.log(`peak rss: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
