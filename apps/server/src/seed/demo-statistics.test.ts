import { describe, expect, it } from 'vitest';
import { addMonths, defaultIndicators, periodParts } from '@zhiyuan/core';
import { generateDemoEnterprises } from './demo-enterprises';
import { demoStatisticsGenerator, demoStatisticsPeriods, dueOnOf, generateDemoStatistics, statEnterpriseOf, type DemoReport, type StatEnterprise } from './demo-statistics';
import { demoSubParks } from './zhongguancun';

const today = '2026-11-23';
const periods = demoStatisticsPeriods(today);
const to = periods.at(-1)!;
const parks = demoSubParks.map((p, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, code: p.code, district: p.district ?? '', center: p.center as [number, number], areaKm2: p.areaKm2 }));
const idOf = (i: number) => `10000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const enterprises: StatEnterprise[] = generateDemoEnterprises({ count: 3000, seed: 20_250_101, parks, today }).map((r, i) => statEnterpriseOf(idOf(i), r));
const excluded = enterprises.find((e) => e.status === 'active' && e.movedInOn! < periods[0]!)!;
const opts = { to, seed: 7, today, excludeLastPeriodFor: [excluded.id] };
const reports = generateDemoStatistics(enterprises, opts);

const byEnterprise = new Map<string, DemoReport[]>();
for (const r of reports) (byEnterprise.get(r.enterpriseId) ?? byEnterprise.set(r.enterpriseId, []).get(r.enterpriseId)!).push(r);
const reported = defaultIndicators.filter((i) => i.formula === null);
const moneyCodes = defaultIndicators.filter((i) => i.unit === '万元').map((i) => i.code);
/** Flows that can only grow within a year (all but profit). */
const monotoneFlows = defaultIndicators.filter((i) => i.kind === 'flow' && i.formula === null && !i.allowNegative).map((i) => i.code);

const base: StatEnterprise = { id: idOf(99_999), parkId: parks[0]!.id, industryCode: '6513', industrySection: 'I', aboveScale: false, status: 'active', statusSince: '2019-05-01', movedInOn: '2019-05-01', headcount: 40 };
const one = (e: Partial<StatEnterprise>) => demoStatisticsGenerator(opts)({ ...base, ...e });

describe('demo statistics generator', () => {
  it('covers the 36 months up to the month before today', () => {
    expect(periods).toHaveLength(36);
    expect(to).toBe('2026-10');
    expect(periods[0]).toBe('2023-11');
    expect(new Set(reports.map((r) => r.period))).toEqual(new Set(periods));
    expect(reports.length).toBeGreaterThan(50_000);
  });

  it('is deterministic, and each enterprise is the same whether generated alone or with the zone', () => {
    const some = new Set(enterprises.slice(0, 300).map((e) => e.id));
    expect(generateDemoStatistics(enterprises.slice(0, 300), opts)).toEqual(reports.filter((r) => some.has(r.enterpriseId)));
    const alone = demoStatisticsGenerator(opts)(enterprises[1234]!);
    expect(alone).toEqual(byEnterprise.get(enterprises[1234]!.id) ?? []);
    expect(generateDemoStatistics(enterprises.slice(0, 50), { ...opts, seed: 8 })).not.toEqual(generateDemoStatistics(enterprises.slice(0, 50), opts));
  });

  it('reports flows 1–N月累计: never falling within a year, reset in January', () => {
    let januaries = 0;
    const problems: string[] = [];
    for (const series of byEnterprise.values()) {
      for (let i = 1; i < series.length; i++) {
        const [a, b] = [series[i - 1]!, series[i]!];
        if (addMonths(a.period, 1) !== b.period) problems.push(`gap ${a.enterpriseId} ${a.period} → ${b.period}`);
        if (periodParts(b.period).month === 1) {
          januaries++;
          if (!(b.values.revenue! < a.values.revenue!)) problems.push(`no reset ${b.enterpriseId} ${b.period}`);
        } else for (const code of monotoneFlows) if (a.values[code] !== undefined && !(b.values[code]! >= a.values[code]!)) problems.push(`${code} falls ${b.enterpriseId} ${b.period}`);
      }
    }
    expect(problems).toEqual([]);
    expect(januaries).toBeGreaterThan(3000);
  });

  it('reports stocks at every month: employees near the headcount, R&D staff among them', () => {
    expect(reports.filter((r) => !(Number.isInteger(r.values.employees) && r.values.employees! >= 1 && Number.isInteger(r.values.rd_staff) && r.values.rd_staff! <= r.values.employees!))).toEqual([]);
    const near = enterprises.filter((e) => byEnterprise.get(e.id)?.at(-1)?.period === addMonths(to, -1)).map((e) => byEnterprise.get(e.id)!.at(-1)!.values.employees! / e.headcount!);
    near.sort((a, b) => a - b);
    expect(near[Math.floor(near.length / 2)]).toBeCloseTo(1, 1);
    expect(near[Math.floor(near.length * 0.05)]).toBeGreaterThan(0.9);
  });

  it('keeps to the catalog: no derived indicator, money to 1 decimal, counts whole, output only in manufacturing', () => {
    const allowed = new Set(reported.map((i) => i.code));
    let negativeProfit = 0;
    const problems: string[] = [];
    const oneDecimal = /^-?\d+(\.\d)?$/;
    for (const r of reports) {
      for (const [code, v] of Object.entries(r.values)) {
        if (!allowed.has(code)) problems.push(`not reported: ${code}`);
        if (moneyCodes.includes(code) ? !oneDecimal.test(String(v)) : !Number.isInteger(v)) problems.push(`${code} = ${v}`);
      }
      if (r.values.revenue === undefined) problems.push(`no revenue ${r.enterpriseId} ${r.period}`);
      if ('industrial_output' in r.values !== (r.industrySection === 'C')) problems.push(`industrial_output in ${r.industrySection}`);
      if (r.values.invention_patents_granted! > r.values.patents_granted!) problems.push(`inventions > patents ${r.enterpriseId} ${r.period}`);
      if (r.values.profit! < 0) negativeProfit++;
    }
    expect(problems).toEqual([]);
    expect(reports.some((r) => 'tax_incl_refund' in r.values)).toBe(false);
    expect(negativeProfit / reports.length).toBeGreaterThan(0.03);
    // ~20 % claim VAT refunds, ~25 % export.
    const share = (code: string) => [...byEnterprise.values()].filter((s) => code in s[0]!.values).length / byEnterprise.size;
    expect(share('vat_refund')).toBeGreaterThan(0.15);
    expect(share('vat_refund')).toBeLessThan(0.25);
    expect(share('export')).toBeGreaterThan(0.15);
    expect(share('export')).toBeLessThan(0.3);
    // Tax about 5–8 % of revenue.
    const december = reports.filter((r) => r.period.endsWith('-12'));
    const taxRate = december.reduce((s, r) => s + r.values.tax!, 0) / december.reduce((s, r) => s + r.values.revenue!, 0);
    expect(taxRate).toBeGreaterThan(0.05);
    expect(taxRate).toBeLessThan(0.08);
  });

  it('starts an entrant in its move-in month, 1–N月累计 from there', () => {
    const series = one({ movedInOn: '2025-06-10', statusSince: '2025-06-10' });
    expect(series[0]!.period).toBe('2025-06');
    expect(series.some((r) => r.period < '2025-06')).toBe(false);
    expect(series.at(-2)!.period).toBe(addMonths(to, -1));
    expect(one({ movedInOn: '2026-11-02', statusSince: '2026-11-02' })).toEqual([]);
    // In the demo zone: nobody reports before moving in, and entrants show up over the window.
    let entrants = 0;
    for (const e of enterprises) {
      const first = byEnterprise.get(e.id)?.[0];
      if (!first || !e.movedInOn) continue;
      expect(first.period >= e.movedInOn.slice(0, 7)).toBe(true);
      if (e.movedInOn.slice(0, 7) > periods[0]!) entrants++;
    }
    expect(entrants).toBeGreaterThan(300);
  });

  it('stops leavers: before a move-out or deregistration, and ~5 % of the others at some month', () => {
    const gone = one({ status: 'moved_out', statusSince: '2025-03-05' });
    expect(gone.at(-1)!.period).toBe('2025-02');
    expect(one({ status: 'deregistered', statusSince: '2023-02-01' })).toEqual([]);
    for (const e of enterprises) {
      if ((e.status === 'moved_out' || e.status === 'deregistered') && e.statusSince) {
        const last = byEnterprise.get(e.id)?.at(-1);
        if (last) expect(last.period < e.statusSince.slice(0, 7)).toBe(true);
      }
    }
    const staying = enterprises.filter((e) => (e.status === 'active' || e.status === 'relocating') && byEnterprise.has(e.id));
    const stopped = staying.filter((e) => byEnterprise.get(e.id)!.at(-1)!.period < addMonths(to, -1));
    expect(stopped.length / staying.length).toBeGreaterThan(0.02);
    expect(stopped.length / staying.length).toBeLessThan(0.08);
  });

  it('leaves the last period incomplete (~85 %, submitted) and the excluded enterprise out of it', () => {
    const expected = enterprises.filter((e) => (e.status === 'active' || e.status === 'relocating') && byEnterprise.get(e.id)?.some((r) => r.period === addMonths(to, -1)));
    const reportedLast = expected.filter((e) => byEnterprise.get(e.id)!.at(-1)!.period === to);
    expect(reportedLast.length / expected.length).toBeGreaterThan(0.8);
    expect(reportedLast.length / expected.length).toBeLessThan(0.9);
    expect(byEnterprise.get(excluded.id)!.at(-1)!.period).toBe(addMonths(to, -1));
    expect(reports.filter((r) => r.status !== (r.period === to ? 'submitted' : 'accepted') || (r.reviewedAt === null) !== (r.period === to))).toEqual([]);
  });

  it('submits in the following month: late after the 15th, before the period closed on the 20th, the open one before today', () => {
    let late = 0;
    const problems: string[] = [];
    for (const r of reports) {
      const day = new Date(r.submittedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const closed = `${addMonths(r.period, 1)}-20`;
      if (day.slice(0, 7) !== addMonths(r.period, 1)) problems.push(`${r.period} submitted ${day}`);
      if (r.late !== day > dueOnOf(r.period)) problems.push(`${r.period} submitted ${day}, late ${r.late}`);
      if (r.period === to ? day >= today : day > closed) problems.push(`${r.period} submitted ${day} after the close or today`);
      if (r.reviewedAt && !(r.reviewedAt > r.submittedAt && r.reviewedAt.getTime() < new Date(`${closed}T18:00:00+08:00`).getTime())) problems.push(`${r.period} reviewed ${r.reviewedAt.toISOString()}`);
      if (r.late) late++;
    }
    expect(problems).toEqual([]);
    expect(late / reports.length).toBeGreaterThan(0.03);
    expect(late / reports.length).toBeLessThan(0.15);
  });

  it('restates the prior-year revenue of ~10 % of the reports of the last 13 months, a few per cent off', () => {
    const recent = new Set(periods.slice(-13));
    let withPrior = 0;
    let inRecent = 0;
    for (const r of reports) {
      if (recent.has(r.period)) inRecent++;
      if (Object.keys(r.prior).length === 0) continue;
      withPrior++;
      expect(recent.has(r.period)).toBe(true);
      expect(Object.keys(r.prior)).toEqual(['revenue']);
      const then = byEnterprise.get(r.enterpriseId)!.find((x) => x.period === addMonths(r.period, -12))!;
      const off = Math.abs(r.prior.revenue! / then.values.revenue! - 1);
      if (then.values.revenue! > 100) {
        expect(off).toBeGreaterThan(0.015);
        expect(off).toBeLessThan(0.09);
      }
    }
    expect(withPrior / inRecent).toBeGreaterThan(0.05);
    expect(withPrior / inRecent).toBeLessThan(0.15);
  });

  it('has trends (most grow, some decline) and the Spring Festival / December pattern', () => {
    let grew = 0;
    let declined = 0;
    for (const series of byEnterprise.values()) {
      const dec = series.filter((r) => r.period.endsWith('-12'));
      for (let i = 1; i < dec.length; i++) {
        if (dec[i]!.values.revenue! > dec[i - 1]!.values.revenue!) grew++;
        else declined++;
      }
    }
    expect(grew / (grew + declined)).toBeGreaterThan(0.65);
    expect(declined / (grew + declined)).toBeGreaterThan(0.08);

    // Zone's single months in 2025 (enterprises reporting all year): February lowest, December highest.
    const single = new Array<number>(12).fill(0);
    for (const series of byEnterprise.values()) {
      const year = series.filter((r) => r.period.startsWith('2025-'));
      if (year.length !== 12) continue;
      year.forEach((r, i) => (single[i]! += r.values.revenue! - (i ? year[i - 1]!.values.revenue! : 0)));
    }
    expect(single.indexOf(Math.min(...single))).toBe(1);
    expect(single.indexOf(Math.max(...single))).toBe(11);
  });

  it('spoils a handful of figures in the open period only (the review flags them)', () => {
    let spoiled = 0;
    for (const series of byEnterprise.values()) {
      const [a, b] = series.slice(-2);
      if (!a || !b || b.period !== to) continue;
      if (b.values.rd_expense! > b.values.revenue! || b.values.employees! >= 5 * a.values.employees!) spoiled++;
    }
    expect(spoiled).toBeGreaterThan(2);
    expect(spoiled).toBeLessThan(30);
    const before = reports.filter((r) => r.period !== to);
    expect(before.every((r) => r.values.rd_expense! <= r.values.revenue!)).toBe(true);
  });
});
