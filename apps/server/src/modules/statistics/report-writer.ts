// The one write path of monthly reports: the portal form, the xlsx import and the JSON API all
// come here. Every row is checked before anything is written; then all rows are written in one
// transaction (all or nothing). A row equal to the stored report changes nothing (idempotent).
import {
  addMonths,
  can,
  checkValues,
  monthIncrements,
  periodParts,
  plausibilityWarnings,
  shanghaiDate,
  usualIncrements,
  validateUscc,
  type Indicator,
  type ReportIssue,
  type WriteResult,
} from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { ImportProblems } from '../../xlsx/import-errors';
import type { AuditInput, AuditService } from '../audit/audit.service';
import { parkInScope, type EnterpriseScope } from '../enterprises/enterprise-scope';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { IndicatorsService } from './indicators.service';
import type { PeriodsService } from './periods.service';
import * as repo from './reports.repository';
import type { RollupsService } from './rollups.service';
import type { StoredValues } from './statistics.tables';

/** One row to write: by USCC (import, API) or by enterprise id (the form). `row` locates problems. */
export type ReportInput = { row: number; uscc?: string; enterpriseId?: string; values: Record<string, unknown>; prior?: Record<string, unknown> };

export type WriteOptions = {
  source: Exclude<repo.ReportSource, 'seed'>;
  revisionReason?: string;
  dryRun?: boolean;
  /** Where problems are: the sheet's name and a field's column letter for an import; field paths for JSON. */
  sheet?: string;
  columnOf?: (field: string) => string;
  /** Problems already found (an import's cell problems): one answer lists them with the writer's own. */
  problems?: ImportProblems;
};

const sameValues = (a: StoredValues, b: StoredValues) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

export type ReportWriterDeps = { db: Db; audit: AuditService; enterprises: EnterprisesService; indicators: IndicatorsService; periods: PeriodsService; rollups: RollupsService; clock: () => Date };

export function createReportWriter({ db, audit, enterprises, indicators, periods, rollups, clock }: ReportWriterDeps) {
  /** Finds each row's enterprise in the caller's scope, or records why not. */
  async function resolve(scope: EnterpriseScope, inputs: readonly ReportInput[], at: (row: number, field: string, message: string) => void) {
    const usccs = inputs.flatMap((i) => (i.uscc ? [i.uscc.trim().toUpperCase()] : []));
    const byUscc = new Map((await repo.enterprisesByUscc(db, usccs)).map((e) => [e.uscc, e]));
    const firstRow = new Map<string, number>();
    const found = new Map<number, repo.ReportingEnterprise>();
    for (const input of inputs) {
      let e: repo.ReportingEnterprise | undefined;
      if (input.enterpriseId) e = await repo.enterpriseById(db, input.enterpriseId);
      else {
        const uscc = (input.uscc ?? '').trim().toUpperCase();
        if (!uscc) {
          at(input.row, 'uscc', '缺少统一社会信用代码');
          continue;
        }
        e = byUscc.get(uscc);
        if (!e) {
          at(input.row, 'uscc', validateUscc(uscc).valid ? `统一社会信用代码 ${uscc} 未在企业库登记` : `统一社会信用代码 ${uscc.slice(0, 20)} 不正确`);
          continue;
        }
      }
      const allowed = e && (scope.kind === 'own' ? scope.enterpriseId === e.id : parkInScope(scope, e.parkId));
      // The form names its enterprise in the URL: one out of reach is 404, as everywhere else.
      if (input.enterpriseId && !allowed) throw notFound('企业');
      if (!e || !allowed) {
        at(input.row, 'uscc', `企业“${e!.name}”不在您的权限范围内`);
        continue;
      }
      const dup = firstRow.get(e.id);
      if (dup) {
        at(input.row, 'uscc', `与第 ${dup} 行是同一家企业`);
        continue;
      }
      firstRow.set(e.id, input.row);
      found.set(input.row, e);
    }
    return found;
  }

  /** Values and restated priors through core's checks; problems carry the field's column. */
  function checkRow(catalog: Indicator[], input: ReportInput, at: (row: number, field: string, message: string) => void) {
    const values = checkValues(catalog, input.values);
    for (const e of values.errors) at(input.row, `values.${e.indicator}`, e.message);
    const prior = checkValues(catalog, input.prior ?? {});
    for (const e of prior.errors) at(input.row, `prior.${e.indicator}`, `上年同期${e.message}`);
    if (values.errors.length === 0 && Object.keys(values.values).length === 0) at(input.row, 'values', '没有填报任何指标');
    return { values: values.values, prior: prior.values };
  }

  /** Checks, then writes; throws 422 with every problem found, or answers the counts. */
  async function write(ctx: RequestContext, period: string, inputs: readonly ReportInput[], opts: WriteOptions): Promise<WriteResult & { reportIds: string[] }> {
    const problems = opts.problems ?? new ImportProblems();
    const at = (row: number, field: string, message: string) => problems.add({ sheet: opts.sheet ?? '', row, column: opts.columnOf ? opts.columnOf(field) : field, message });
    periods.assertReportable(period);
    const info = await periods.info(period);
    const revision = info.status === 'closed';
    if (revision && !(opts.revisionReason && can(ctx.actor.roles, 'statistics.write')))
      throw new AppError('IMPORT_REJECTED', `统计期 ${period} 已关账，不能再报送；如需更正，请联系统计人员填写更正原因`, [{ sheet: opts.sheet ?? '', row: 0, column: 'period', message: '统计期已关账' }]);

    const [scope, catalog] = await Promise.all([enterprises.scopeOf(ctx), indicators.catalog()]);
    const found = await resolve(scope, inputs, at);
    const checked = new Map(inputs.map((input) => [input.row, checkRow(catalog, input, at)]));
    problems.throwIfAny();

    const current = await repo.reportsOf(db, period, [...found.values()].map((e) => e.id));
    const changed = inputs.filter((input) => {
      const stored = current.get(found.get(input.row)!.id);
      const { values, prior } = checked.get(input.row)!;
      return !(stored && stored.status !== 'returned' && sameValues(stored.values, values) && sameValues(stored.prior, prior));
    });
    const unchanged = inputs.length - changed.length;
    // History for the plausibility checks, of the reports that change only (a re-import reads none).
    const month = periodParts(period).month;
    const before = [1, 2, 3, 4].map((n) => addMonths(period, -n));
    const lastYear = [12, 13].map((n) => addMonths(period, -n)); // last year's same month and the one before it
    const history = await repo.valuesIn(db, [...before, ...lastYear], changed.map((input) => found.get(input.row)!.id));
    const historyOf = new Map<string, { period: string; values: StoredValues }[]>();
    for (const h of history) historyOf.set(h.enterpriseId, [...(historyOf.get(h.enterpriseId) ?? []), h]);

    const late = revision || shanghaiDate(clock()) > info.dueOn;
    const writes: (repo.ReportWrite & { row: number; before?: repo.ReportRow })[] = [];
    for (const input of changed) {
      const e = found.get(input.row)!;
      const { values, prior } = checked.get(input.row)!;
      const stored = current.get(e.id);
      const past = historyOf.get(e.id) ?? [];
      const lastMonth = past.find((h) => h.period === before[0])?.values;
      const flags: ReportIssue[] = plausibilityWarnings(catalog, values, { month, lastMonth, usualIncrement: usualIncrements(catalog, period, past), lastYearIncrement: monthIncrements(catalog, lastYear[0]!, past) });
      // A replaced report keeps where it was first reported (the upsert leaves park and industry alone).
      const where = stored ?? e;
      writes.push({ row: input.row, before: stored, enterpriseId: e.id, period, parkId: where.parkId, industryCode: where.industryCode, industrySection: where.industrySection, aboveScale: where.aboveScale, values, prior, flags, late, source: opts.source, submittedBy: ctx.actor.name });
    }
    const result = {
      accepted: inputs.length,
      created: writes.filter((w) => !w.before).length,
      updated: writes.filter((w) => w.before).length,
      unchanged,
      flagged: writes.filter((w) => w.flags.length > 0).length,
      late: late ? writes.length : 0,
    };
    if (opts.dryRun || writes.length === 0) return { ...result, reportIds: [...current.values()].map((r) => r.id) };

    const reportIds = await db.transaction(async (tx) => {
      const saved = await repo.upsertReports(tx, writes);
      const byEnterprise = new Map(saved.map((s) => [s.enterprise_id, s]));
      await repo.insertVersions(
        tx,
        writes.map((w) => {
          const s = byEnterprise.get(w.enterpriseId)!;
          return { reportId: s.id, version: s.version, values: w.values, prior: w.prior, source: w.source, late: w.late, revision, reason: revision ? opts.revisionReason! : null, submittedBy: w.submittedBy };
        }),
      );
      await rollups.markChanged(tx, period);
      const entries: AuditInput[] = [{ action: 'statistics.reports.write', targetType: 'stat_period', targetId: period, summary: { source: opts.source, ...result, ...(revision ? { revisionReason: opts.revisionReason } : {}) } }];
      // Corrections after closing and single reports are audited one by one, with before and after.
      if (revision || writes.length === 1)
        for (const w of writes)
          entries.push({
            action: revision ? 'statistics.report.revise' : 'statistics.report.submit',
            targetType: 'enterprise',
            targetId: w.enterpriseId,
            summary: { period, version: byEnterprise.get(w.enterpriseId)!.version, before: w.before ? { values: w.before.values, prior: w.before.prior } : null, after: { values: w.values, prior: w.prior }, ...(revision ? { reason: opts.revisionReason } : {}) },
          });
      await audit.recordMany(tx, ctx, entries);
      return saved.map((s) => s.id);
    });
    await rollups.wake();
    return { ...result, reportIds };
  }

  return { write };
}
export type ReportWriter = ReturnType<typeof createReportWriter>;
