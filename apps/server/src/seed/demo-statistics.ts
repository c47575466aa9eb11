// Synthetic monthly statistics reports (DESIGN.md §6, §9) for the demo zone and the benchmarks.
// Pure and deterministic: every enterprise draws from its own generator, seeded by the run's seed
// and its id, so the same enterprise gets the same series whether it is generated alone, in a
// chunk of 10,000 or with the whole zone.
//
// Each enterprise has a size (its headcount × a lognormal output per head; above-scale ones at
// least the 2,000万元 threshold), an annual trend (most grow 0–25 %/yr, ~15 % decline 5–40 %/yr),
// the Chinese seasonal pattern (low January–February around the Spring Festival, strong December)
// and monthly noise. Flows are reported 1–N月累计 (reset in January), stocks at the month's end.
// Money is in 万元 to 1 decimal, counts are integers; derived indicators are never reported.
import { addMonths, periodParts, periodRange, type EnterpriseStatus } from '@zhiyuan/core';
import { mulberry32, type DemoEnterprise } from './demo-enterprises';

/** What the generator needs of an enterprise (the registry's current facts). */
export type StatEnterprise = {
  id: string;
  parkId: string;
  industryCode: string;
  industrySection: string;
  aboveScale: boolean;
  status: EnterpriseStatus;
  /** YYYY-MM-DD of the current status: a moved-out or deregistered enterprise reports until the month before. */
  statusSince: string | null;
  /** YYYY-MM-DD of the (last) move into the zone: reports start in that month. Null: before any period. */
  movedInOn: string | null;
  headcount: number | null;
};

/** The generator's view of a generated enterprise record, once stored under `id`. */
export function statEnterpriseOf(id: string, r: DemoEnterprise): StatEnterprise {
  let movedInOn: string | null = null;
  for (const e of r.events) if (e.kind === 'moved_in') movedInOn = e.on;
  return { id, parkId: r.parkId, industryCode: r.industryCode, industrySection: r.industrySection, aboveScale: r.aboveScale, status: r.status, statusSince: r.statusSince, movedInOn, headcount: r.headcount };
}

/** One generated report row (the columns of stat_reports but id, flags, version and source). */
export type DemoReport = {
  enterpriseId: string;
  period: string;
  parkId: string;
  industryCode: string;
  industrySection: string;
  aboveScale: boolean;
  /** Reported indicators only; flows 1–N月累计. */
  values: Record<string, number>;
  /** Restated prior-year figures (only revenue, for ~10 % of the enterprises in the last 13 months). */
  prior: Record<string, number>;
  /** 'submitted' in the last (open) period, 'accepted' before. */
  status: 'submitted' | 'accepted';
  late: boolean;
  submittedAt: Date;
  /** When an accepted report was accepted; null for a submitted one. */
  reviewedAt: Date | null;
};

export type DemoStatisticsOptions = {
  /** The last period (YYYY-MM): the open one, reported by ~85 % of the enterprises. */
  to: string;
  /** Periods up to `to`, both included (default 36). */
  months?: number;
  seed: number;
  /**
   * YYYY-MM-DD in Beijing. When it falls in the month after `to`, the last period's reports are
   * submitted on or before it (late after the 15th); otherwise between the 1st and the 14th.
   */
  today?: string;
  /** Enterprises without a report for the last period (the demo enterprise account's: an e2e test reports it). */
  excludeLastPeriodFor?: Iterable<string>;
};

export const DEMO_STATISTICS_MONTHS = 36;

/** The demo's periods: `months` months ending with the month before today's (Beijing). */
export function demoStatisticsPeriods(today: string, months = DEMO_STATISTICS_MONTHS): string[] {
  const to = addMonths(today.slice(0, 7), -1);
  return periodRange(addMonths(to, 1 - months), to);
}

/** Reports are due on the 15th of the following month (the default of a period without a stat_periods row). */
export const dueOnOf = (period: string) => `${addMonths(period, 1)}-15`;
/** Seeded periods were closed on the 20th of the following month. */
export const closedOnOf = (period: string) => `${addMonths(period, 1)}-20`;

/** Revenue and the other flows, in the order of the catalog (core's defaultIndicators). */
const FLOWS_MONEY = ['revenue', 'industrial_output', 'profit', 'tax', 'vat_refund', 'rd_expense', 'export'] as const;

// Chinese monthly pattern: the Spring Festival (January–February) low, quarter ends and December high.
const SEASON_RAW = [0.76, 0.66, 1.0, 0.95, 0.97, 1.08, 0.95, 0.95, 1.05, 0.95, 1.02, 1.36];
const SEASON_MEAN = SEASON_RAW.reduce((s, x) => s + x, 0) / 12;
const SEASON = SEASON_RAW.map((x) => x / SEASON_MEAN);

/** Output per head (万元 a year) relative to the zone's typical, by GB/T 4754 section. */
const SECTION_OUTPUT: Record<string, number> = { F: 3, J: 1.8, C: 1.3, I: 1, L: 1.1, M: 0.6, R: 0.8 };
const TECH_SECTIONS = new Set(['C', 'I', 'M']);
/** An above-scale (规上) enterprise's annual revenue is at least this, in 万元. */
const ABOVE_SCALE_REVENUE = 2000;

const SHANGHAI_MS = 8 * 3_600_000;

/** Every enterprise's reports, enterprise by enterprise, each in period order. */
export function generateDemoStatistics(enterprises: readonly StatEnterprise[], opts: DemoStatisticsOptions): DemoReport[] {
  const generate = demoStatisticsGenerator(opts);
  const out: DemoReport[] = [];
  for (const e of enterprises) for (const r of generate(e)) out.push(r);
  return out;
}

/** The per-enterprise generator behind generateDemoStatistics: for streaming a large load chunk by chunk. */
export function demoStatisticsGenerator(opts: DemoStatisticsOptions): (e: StatEnterprise) => DemoReport[] {
  const months = opts.months ?? DEMO_STATISTICS_MONTHS;
  if (!Number.isInteger(months) || months < 1) throw new Error('months should be a positive integer');
  const to = opts.to;
  const from = addMonths(to, 1 - months);
  // Simulated from the January of the first period's year: its 1–N月累计 needs the months before it.
  const simFrom = `${from.slice(0, 4)}-01`;
  const sim = periodRange(simFrom, to);
  const n = sim.length;
  const first = n - months; // index of the first reported period
  const last = n - 1;
  const monthOf = sim.map((p) => periodParts(p).month);
  const excluded = new Set(opts.excludeLastPeriodFor ?? []);
  const seed = opts.seed >>> 0;

  // Submission window of the last period: up to `today` when it falls in the month after `to`.
  const afterTo = addMonths(to, 1);
  const todayDay = opts.today && opts.today.slice(0, 7) === afterTo ? Number(opts.today.slice(8, 10)) : null;
  // Month starts (UTC ms of 00:00 Beijing) of the month after each period.
  const nextMonthStart = sim.map((p) => {
    const { year, month } = periodParts(addMonths(p, 1));
    return Date.UTC(year, month - 1, 1) - SHANGHAI_MS;
  });
  const DAY = 86_400_000;
  const HOUR = 3_600_000;

  return (e) => {
    const rnd = mulberry32(hashSeed(seed, e.id));
    const uniform = (min: number, max: number) => min + (max - min) * rnd();
    const int = (min: number, max: number) => Math.floor(uniform(min, max + 1));
    const chance = (p: number) => rnd() < p;
    const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
    const poisson = (lambda: number) => {
      if (lambda <= 0) return 0;
      // Knuth: λ is small (patents per month).
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = rnd();
      while (p > limit) {
        k++;
        p *= rnd();
      }
      return k;
    };

    // ---- which periods: from the move-in month to the last one before leaving
    let start = first;
    if (e.movedInOn) {
      const moved = e.movedInOn.slice(0, 7);
      if (moved > to) return [];
      if (moved > sim[first]!) start = sim.indexOf(moved);
    }
    let end = last;
    if ((e.status === 'moved_out' || e.status === 'deregistered') && e.statusSince) {
      const leftIn = e.statusSince.slice(0, 7);
      if (leftIn <= sim[start]!) return [];
      if (leftIn <= to) end = sim.indexOf(leftIn) - 1;
    }
    const leaver = !excluded.has(e.id) && chance(0.05); // the demo account's enterprise keeps reporting
    const leaverEnd = int(start, last - 1);
    if (leaver && end === last && start < last) end = leaverEnd;
    const reportsLast = end === last && !excluded.has(e.id) && chance(0.85);
    if (end === last && !reportsLast) end = last - 1;
    if (end < start) return [];

    // ---- the enterprise's economics
    const section = e.industrySection;
    const tech = TECH_SECTIONS.has(section);
    const headcount = e.headcount && e.headcount > 0 ? e.headcount : Math.max(1, Math.round(logNormal(e.aboveScale ? 150 : 18, 1)));
    let annual = headcount * logNormal(e.aboveScale ? 90 : 45, 0.6) * (SECTION_OUTPUT[section] ?? 1);
    if (e.aboveScale) annual = Math.max(annual, ABOVE_SCALE_REVENUE * uniform(1.05, 1.6));
    const declining = chance(0.15);
    const trend = declining ? -uniform(0.05, 0.4) : uniform(0, 0.25);
    const seasonAmp = uniform(0.5, 1.3);
    const noise = uniform(0.04, 0.14);
    const margin = Math.min(0.35, Math.max(-0.4, 0.09 + 0.08 * normal() - (declining ? 0.04 : 0)));
    const taxRate = uniform(0.05, 0.08);
    const rdRate = tech ? uniform(0.03, 0.15) : uniform(0.03, 0.06);
    const manufacturing = section === 'C';
    const outputRatio = uniform(0.85, 1.15);
    const exporter = chance(manufacturing || section === 'I' ? 0.32 : 0.15);
    const exportShare = uniform(0.05, 0.6);
    const refunder = chance(0.2);
    const staffTrend = trend * uniform(0.3, 0.7);
    const rdStaffShare = tech ? uniform(0.15, 0.6) : uniform(0.03, 0.15);
    // Most small enterprises are granted no patents; those that are get them a few at a time.
    const patentRate = chance(tech ? 0.45 : 0.08) ? 0.04 * Math.sqrt(headcount) * uniform(0.3, 2) : 0;
    const inventionShare = uniform(0.2, 0.6);
    const restater = chance(0.1);
    const restate = chance(0.7) ? uniform(1.02, 1.08) : uniform(0.93, 0.98);
    const lateProne = chance(0.2) ? 0.25 : 0.03;

    // ---- month by month: flows accumulate (in tenths of 万元, exact) and reset in January
    const ytd = new Float64Array(FLOWS_MONEY.length);
    let patents = 0;
    let inventions = 0;
    const revenueAt = new Float64Array(n).fill(NaN); // reported revenue (tenths), for restated priors
    const out: DemoReport[] = [];
    const accumulateFrom = start > first ? start : 0;
    for (let t = accumulateFrom; t <= end; t++) {
      const month = monthOf[t]!;
      if (month === 1 || t === accumulateFrom) {
        ytd.fill(0);
        patents = 0;
        inventions = 0;
      }
      const years = (t - last) / 12;
      const revenue = Math.max(0, (annual / 12) * Math.pow(1 + trend, years) * (1 + seasonAmp * (SEASON[month - 1]! - 1)) * Math.exp(noise * normal()));
      const r10 = Math.round(revenue * 10);
      ytd[0]! += r10;
      if (manufacturing) ytd[1]! += Math.round(revenue * outputRatio * Math.exp(0.03 * normal()) * 10);
      ytd[2]! += Math.round(revenue * margin * (1 + 0.12 * normal()) * 10);
      ytd[3]! += Math.max(0, Math.round(revenue * taxRate * (1 + 0.1 * normal()) * 10));
      if (refunder && chance(0.15)) ytd[4]! += Math.round(annual * Math.pow(1 + trend, years) * uniform(0.005, 0.03) * 10);
      ytd[5]! += Math.max(0, Math.round(revenue * rdRate * (1 + 0.15 * normal()) * 10));
      if (exporter) ytd[6]! += Math.max(0, Math.round(revenue * exportShare * (1 + 0.2 * normal()) * 10));
      const granted = poisson(patentRate);
      let invention = 0;
      for (let k = 0; k < granted; k++) if (rnd() < inventionShare) invention++;
      patents += granted;
      inventions += invention;
      const employees = Math.max(1, Math.round(headcount * Math.pow(1 + staffTrend, years) * (1 + 0.015 * normal())));
      const rdStaff = Math.min(employees, Math.round(employees * rdStaffShare));
      if (t < start) continue;

      revenueAt[t] = ytd[0]!;
      const values: Record<string, number> = { revenue: ytd[0]! / 10 };
      if (manufacturing) values.industrial_output = ytd[1]! / 10;
      values.profit = ytd[2]! / 10;
      values.tax = ytd[3]! / 10;
      if (refunder) values.vat_refund = ytd[4]! / 10;
      values.rd_expense = ytd[5]! / 10;
      if (exporter) values.export = ytd[6]! / 10;
      values.employees = employees;
      values.rd_staff = rdStaff;
      values.patents_granted = patents;
      values.invention_patents_granted = inventions;

      // A restated prior-year revenue (同口径): last year's figure differing by a few per cent.
      const prior: Record<string, number> = {};
      if (restater && t >= last - 12 && t - 12 >= start && !Number.isNaN(revenueAt[t - 12]!)) prior.revenue = Math.round(revenueAt[t - 12]! * restate) / 10;

      // Submitted in the following month: mostly by the 15th (due), some late, none after the close (20th).
      const open = t === last;
      let day: number;
      let hour = int(9, 18);
      if (open && todayDay !== null) {
        // Before today (on the 1st: just after midnight), never in the future.
        day = todayDay > 1 ? int(1, todayDay - 1) : 1;
        if (todayDay === 1) hour = 0;
      } else if (open) day = int(1, 14);
      else day = chance(lateProne) ? int(16, 19) : int(2, 15);
      const submittedMs = nextMonthStart[t]! + (day - 1) * DAY + hour * HOUR + int(0, 59) * 60_000;
      let reviewedAt: Date | null = null;
      if (!open) {
        const closeMs = nextMonthStart[t]! + 19 * DAY + 18 * HOUR; // closed on the 20th, 18:00
        reviewedAt = new Date(Math.min(closeMs - HOUR, submittedMs + Math.round(uniform(0.1, 3) * DAY)));
      }
      out.push({
        enterpriseId: e.id,
        period: sim[t]!,
        parkId: e.parkId,
        industryCode: e.industryCode,
        industrySection: e.industrySection,
        aboveScale: e.aboveScale,
        values,
        prior,
        status: open ? 'submitted' : 'accepted',
        late: day > 15,
        submittedAt: new Date(submittedMs),
        reviewedAt,
      });
    }

    // A handful of implausible figures in the open period, for the review's flags (computed by the server).
    const lastReport = out.at(-1);
    if (lastReport && reportsLast && chance(0.006)) implausible(lastReport.values, out.at(-2)?.values, pickOne(rnd));
    return out;
  };
}

/** Spoils one figure the way reporters do: a month's revenue many times the usual, headcount in the wrong unit, R&D over revenue. */
function implausible(values: Record<string, number>, before: Record<string, number> | undefined, kind: number): void {
  const revenue = values.revenue!;
  if (kind === 0) {
    const month = before && before.revenue! <= revenue ? revenue - before.revenue! : revenue;
    values.revenue = Math.round((revenue + month * 8) * 10) / 10;
  } else if (kind === 1) values.employees = values.employees! * 10;
  else values.rd_expense = Math.round(revenue * 13) / 10;
}

const pickOne = (rnd: () => number) => Math.floor(rnd() * 3);

/** FNV-1a of the id, mixed with the seed: each enterprise's own stream. */
function hashSeed(seed: number, id: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
