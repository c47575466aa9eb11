// Importing 30,000 enterprises (issue 4) through the real app over HTTP on 127.0.0.1 — upload and
// preview (parse, check, stage), then commit (one transaction: upsert, status events, audit) — as
// a ratio to exceljs's bare streaming read of the same file, which only touches each cell's value.
// Then the same file again (all unchanged). The file (every column of the import template, valid
// USCCs, the demo zone's sub-parks) is written by a child process and the bare read runs in
// another, so each peak RSS is that of one job; the app's is sampled during each phase.
import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { enterpriseColumns, findIndustry, organizationCodeCheckDigit, usccCheckDigit, USCC_CHARSET, validateUscc, type RawCell } from '@zhiyuan/core';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { aes256GcmCipher } from '../apps/server/src/crypto/field-cipher';
import { createDatabase } from '../apps/server/src/db/pool';
import { bootstrap } from '../apps/server/src/seed/bootstrap';
import { demoSubParks } from '../apps/server/src/seed/zhongguancun';
import { withBenchDatabase } from './bench-db';
import { mulberry32 } from '../apps/server/src/seed/demo-enterprises';
import { BARE_RUNS, bareReadInChild, type BareResult } from './xlsx-bare';

const ROWS = Number(process.env.BENCH_ROWS ?? 30_000);
const DEMO_PASSWORD = 'Bench-Demo-2025!';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

// ---------------------------------------------------------------- the file


const DIVISION: Record<string, string> = { 海淀区: '110108', 昌平区: '110114', 顺义区: '110113', 大兴区: '110115', 房山区: '110111', 通州区: '110112', 东城区: '110101', 西城区: '110102', 朝阳区: '110105', 丰台区: '110106', 石景山区: '110107', 门头沟区: '110109', 平谷区: '110117', 怀柔区: '110116', 密云区: '110118', 延庆区: '110119' };
// Haidian holds most of the zone's enterprises.
const PARK_WEIGHTS = [30, 8, 6, 8, 3, 4, 3, 4, 10, 7, 4, 2, 2, 2, 2, 1];
const BRAND = '中科华创新联智达博思睿源恒信鼎盛天宇海泰安康普瑞众合万通金星辰光明远航腾飞凯旋嘉禾国际百川汇德正和美卓越领先盈锐峰云图数维芯微量子晶星河北斗启明';
const TRADE = ['科技', '信息技术', '网络科技', '软件', '数据科技', '智能科技', '生物科技', '生物医药', '医疗器械', '新材料', '新能源', '电子', '智能装备', '环保科技', '航空科技', '半导体', '通信技术', '文化传媒', '咨询', '检测技术'];
const FORM = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const INDUSTRY = ['6513', '6511', '6519', '6531', '6550', '6421', '6432', '6440', '7320', '7330', '7517', '7519', '3581', '3589', '3971', '3976', '2720', '2761', '3562', '4411', '5191', '7212', '7240', '8610', '6312'];
const SURNAME = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯健俊帆帅旭宁婷欣怡晨阳瑞博文斌雪梅琳颖倩';
const ROAD = ['中关村大街', '上地信息路', '海淀大街', '知春路', '学院路', '科学院南路', '北四环西路', '丰台科技园富丰路', '生命科学园路', '亦庄经海路', '望京阜通东大街', '酒仙桥路', '西二旗大街', '永丰路', '科创十三街'];
const TAGS = ['重点企业', '新入驻', '高成长', '外资', '总部企业', '研发机构', '孵化器在孵', '拟上市'];

/** A unique 9-character organisation part: "MA…" (registered since 2015) or an older GB 11714 code with its check digit. */
function organisation(serial: number): string {
  if (serial % 10 < 7) {
    let n = (serial * 104_729 + 7_777_777) % 31 ** 7;
    let s = '';
    for (let i = 0; i < 7; i++, n = Math.floor(n / 31)) s = USCC_CHARSET[n % 31] + s;
    return `MA${s}`;
  }
  const body = String((serial * 48_271 + 13_000_000) % 100_000_000).padStart(8, '0');
  return body + organizationCodeCheckDigit(body)!;
}

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** Row `serial` of the import template, in enterpriseColumns order. */
function templateRow(serial: number, rnd: () => number): Map<string, RawCell> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  let w = rnd() * PARK_WEIGHTS.reduce((a, b) => a + b, 0);
  const park = demoSubParks[PARK_WEIGHTS.findIndex((x) => (w -= x) < 0)] ?? demoSubParks[0]!;
  const first17 = `91${DIVISION[park.district]}${organisation(serial)}`;
  const brand = pick([...BRAND]) + pick([...BRAND]) + (rnd() < 0.2 ? pick([...BRAND]) : '');
  const name = `北京${brand}${pick(TRADE)}${pick(FORM)}`;
  const established = utcDay(1995 + Math.floor(rnd() * 31), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
  const movedIn = new Date(Math.min(established.getTime() + rnd() * 8 * 365 * 86_400_000, Date.UTC(2026, 9, 31)));
  const stage = rnd();
  const listingStage = stage < 0.9 ? '未上市' : stage < 0.94 ? '辅导' : stage < 0.97 ? '申报' : '上市';
  const listed = listingStage === '上市';
  const owned = rnd() < 0.12;
  const person = () => pick([...SURNAME]) + pick([...GIVEN]) + (rnd() < 0.6 ? pick([...GIVEN]) : '');
  const jitter = () => (rnd() - 0.5) * 0.04;
  const tags = TAGS.filter(() => rnd() < 0.12);
  const v: Record<string, RawCell> = {
    uscc: first17 + usccCheckDigit(first17),
    name,
    formerNames: rnd() < 0.1 ? `北京${pick([...BRAND])}${pick([...BRAND])}${pick(TRADE)}有限公司` : null,
    legalRepresentative: person(),
    registeredCapital: Math.round(10 ** (1 + rnd() * 4) * 100) / 100,
    establishedOn: established,
    registeredAddress: `北京市${park.district}${pick(ROAD)}${1 + Math.floor(rnd() * 300)}号${1 + Math.floor(rnd() * 12)}号楼${1 + Math.floor(rnd() * 20)}层${Math.floor(rnd() * 30) + 1}0${Math.floor(rnd() * 9) + 1}室`,
    operatingAddress: rnd() < 0.6 ? null : `北京市${park.district}${pick(ROAD)}${1 + Math.floor(rnd() * 300)}号`,
    park: park.name,
    industryCode: pick(INDUSTRY),
    emergingIndustry: rnd() < 0.6 ? pick(['新一代信息技术产业', '高端装备制造产业', '新材料产业', '生物产业', '新能源汽车产业', '新能源产业', '节能环保产业', '数字创意产业', '相关服务业']) : null,
    aboveScale: rnd() < 0.15 ? '是' : '否',
    listingStage,
    listingBoard: listed ? pick(['科创板', '创业板', '上交所主板', '深交所主板', '北交所', '港交所']) : null,
    ticker: listed ? String(600_000 + Math.floor(rnd() * 99_999)) : null,
    headcount: Math.round(3 + 10 ** (rnd() * 3.7)),
    landArea: owned ? Math.round(1000 + rnd() * 50_000) : null,
    landTenure: owned ? '自有' : null,
    floorArea: Math.round((100 + rnd() * 20_000) * 100) / 100,
    floorTenure: owned || rnd() < 0.2 ? '自有' : '租赁',
    longitude: Math.round((park.center[0] + jitter()) * 1e6) / 1e6,
    latitude: Math.round((park.center[1] + jitter()) * 1e6) / 1e6,
    tags: tags.length ? tags.join('；') : null,
    contactName: person(),
    contactPhone: `1${pick(['3', '5', '8', '9'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
    serviceOfficer: rnd() < 0.3 ? 'demo_service_officer' : null,
    movedInOn: movedIn,
  };
  return new Map(Object.entries(v));
}

/** The 30,000-row file, written with exceljs's streaming writer (shared strings, date styles), as Excel would. */
async function writeFile(file: string): Promise<void> {
  for (const code of INDUSTRY) if (!findIndustry(code)?.division) throw new Error(`bad industry ${code}`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('企业名录');
  ws.columns = enterpriseColumns.map((c) => ({ key: c.key, width: c.width, ...(c.key === 'establishedOn' || c.key === 'movedInOn' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  ws.addRow(enterpriseColumns.map((c) => c.header)).commit();
  const rnd = mulberry32(20261123);
  for (let i = 1; i <= ROWS; i++) {
    const v = templateRow(i, rnd);
    if (i <= 3 && !validateUscc(v.get('uscc') as string).valid) throw new Error(`bad USCC ${String(v.get('uscc'))}`);
    ws.addRow(enterpriseColumns.map((c) => v.get(c.key) ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
}

// ---------------------------------------------------------------- child jobs (the baseline: xlsx-bare.ts)

/** The file writer's result, in the bare read's shape (its time in ms, its process's RSS). */
type ChildResult = BareResult;
const self = fileURLToPath(import.meta.url);

async function child(mode: '--write', file: string): Promise<ChildResult> {
  const p = fork(self, [mode, file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: ChildResult | undefined;
    p.on('message', (m) => (result = m as ChildResult));
    p.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`${mode} exited with ${code}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;

// Before any work: this file's imports (the app's modules) are loaded in every process.
const startRss = process.memoryUsage.rss();
if (process.argv[2] === '--write') {
  const t = performance.now();
  await writeFile(process.argv[3]!);
  process.send!({ ms: [performance.now() - t], msStyles: [], cells: 0, maxRss: maxRssBytes(), startRss } satisfies ChildResult, () => process.disconnect());
} else {
  await main();
}

// ---------------------------------------------------------------- the import

/** Peak RSS of this process while `work` runs, sampled every 5 ms (and at both ends). */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peak: number; start: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const t = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t, peak: Math.max(peak, process.memoryUsage.rss()), start };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const dir = path.resolve('.tmp', `bench-import-${process.pid}`);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'enterprises-30k.xlsx');
  try {
    const written = await child('--write', file);
    const size = (await fs.stat(file)).size;
    const bare = await bareReadInChild(file);

    await withBenchDatabase(async (url) => {
      const config = loadConfig({ ADMIN_PASSWORD: 'Bench-Root-2025!', DEMO_PASSWORD, SEED_DEMO: 'true', LOG_LEVEL: 'silent' });
      const database = createDatabase(url);
      const app = await buildApp({ config, database, cipher: aes256GcmCipher(randomBytes(32)), logger: false });
      await bootstrap(database.db, app.services, config);
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo_statistician', password: DEMO_PASSWORD }) });
        if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
        const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
        const bytes = await fs.readFile(file);

        const call = async (url: string, body?: FormData) => {
          const res = await fetch(`${base}${url}`, { method: 'POST', headers, body });
          const json = (await res.json()) as Record<string, unknown>;
          if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
          return json;
        };
        const importOnce = async () => {
          const form = new FormData();
          form.append('file', new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'enterprises-30k.xlsx');
          const preview = await withPeakRss(() => call('/api/enterprises/imports', form));
          const commit = await withPeakRss(() => call(`/api/enterprises/imports/${String(preview.value.id)}/commit`));
          return { preview, commit, ms: preview.ms + commit.ms, peak: Math.max(preview.peak, commit.peak) };
        };

        const first = await importOnce();
        const again = await importOnce();
        const { rows: stored } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM enterprises');

        const a = median(bare.ms);
        const aStyles = median(bare.msStyles);
        const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
        const rate = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;
        console.log(`file: ${ROWS} rows × ${enterpriseColumns.length} columns, ${(size / 1024 / 1024).toFixed(1)} MB, ${bare.cells} cells; written in ${s(written.ms[0]!)} (peak RSS ${mb(written.maxRss)})`);
        console.log(`(a) exceljs bare stream read, default options (styles ignored): ${s(a)} = ${rate(a)}, median of ${BARE_RUNS}; with styles cached (as dates need): ${s(aStyles)}; its process: RSS ${mb(bare.startRss)} before reading, peak ${mb(bare.maxRss)}`);
        console.log(`(b) import over HTTP, ${String(first.preview.value.created)} creates: upload + preview ${s(first.preview.ms)}, commit ${s(first.commit.ms)}, total ${s(first.ms)} = ${rate(first.ms)}; app process RSS ${mb(first.preview.start)} before, peak ${mb(first.peak)}`);
        console.log(`(c) same file again, ${String(again.preview.value.unchanged)} unchanged: upload + preview ${s(again.preview.ms)}, commit ${s(again.commit.ms)}, total ${s(again.ms)} = ${rate(again.ms)}; peak RSS ${mb(again.peak)}`);
        console.log(`enterprises stored: ${stored[0]!.n}; app process max RSS over the whole run ${mb(maxRssBytes())}`);
        console.log(`enterprise-import-30k: ${(first.ms / a).toFixed(2)}`);
        console.log(`enterprise-import-30k-vs-bare-with-styles: ${(first.ms / aStyles).toFixed(2)}`);
        console.log(`enterprise-reimport-30k-unchanged: ${(again.ms / a).toFixed(2)}`);
      } finally {
        await app.close();
        await database.close();
      }
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
