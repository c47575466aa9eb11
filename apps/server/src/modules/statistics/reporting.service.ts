// Around the reports: the portal form, review (who has and hasn't reported, accept or return),
// reminders, one report with its versions, and an enterprise's own series.
import { addMonths, growth, notificationDedupeKey, shanghaiDate, monthIncrements, usualIncrements, type Report, type ReportDetail, type ReportForm, type Series } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { ParksService } from '../parks/parks.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { IndicatorsService } from './indicators.service';
import type { PeriodsService } from './periods.service';
import * as repo from './reports.repository';
import type { RollupsService } from './rollups.service';
import { parkFilterOf, staffScope } from './statistics-scope';

export type ReportingDeps = { db: Db; audit: AuditService; enterprises: EnterprisesService; parks: ParksService; indicators: IndicatorsService; periods: PeriodsService; rollups: RollupsService; notifications: NotificationsService; clock?: () => Date };

export function createReportingService({ db, audit, enterprises, parks, indicators, periods, rollups, notifications, clock = () => new Date() }: ReportingDeps) {
  async function parkNames() {
    return new Map((await parks.directory()).map((p) => [p.id, p.name]));
  }

  async function toReport(r: repo.ReportRow, names?: Map<string, string>): Promise<Report> {
    const e = (await repo.enterpriseById(db, r.enterpriseId))!;
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: e.name,
      uscc: e.uscc,
      period: r.period,
      parkId: r.parkId,
      parkName: (names ?? (await parkNames())).get(r.parkId) ?? '',
      industryCode: r.industryCode,
      industrySection: r.industrySection,
      aboveScale: r.aboveScale,
      values: r.values,
      prior: r.prior,
      flags: r.flags,
      status: r.status,
      late: r.late,
      version: r.version,
      source: r.source,
      submittedAt: r.submittedAt.toISOString(),
      submittedBy: r.submittedBy,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      reviewedBy: r.reviewedBy,
      reviewComment: r.reviewComment,
    };
  }

  /** A report the caller may see: its enterprise's own user, or staff of the park it was reported in. */
  async function visibleReport(ctx: RequestContext, id: string): Promise<repo.ReportRow> {
    const r = await repo.findReport(db, id);
    const scope = await enterprises.scopeOf(ctx);
    const ok = r && (scope.kind === 'own' ? scope.enterpriseId === r.enterpriseId : scope.parks.all || scope.parks.ids.has(r.parkId));
    if (!ok) throw notFound('报表');
    return r;
  }

  return {
    toReport,

    async detail(ctx: RequestContext, id: string): Promise<ReportDetail> {
      const r = await visibleReport(ctx, id);
      const versions = await repo.versionsOf(db, id);
      return {
        ...(await toReport(r)),
        versions: versions.map((v) => ({ version: v.version, values: v.values, prior: v.prior, source: v.source, late: v.late, revision: v.revision, reason: v.reason, submittedAt: v.submittedAt.toISOString(), submittedBy: v.submittedBy })),
      };
    },

    /** Accept, or return with a comment (the enterprise sees it and reports again). */
    async review(ctx: RequestContext, id: string, decision: 'accept' | 'return', comment?: string): Promise<Report> {
      await visibleReport(ctx, id);
      const row = await db.transaction(async (tx) => {
        const r = (await repo.lockReport(tx, id))!;
        const status = decision === 'accept' ? 'accepted' : 'returned';
        // A returned report waits for the enterprise to report again; an accepted one may still be returned.
        if (r.status === 'returned') throw new AppError('CONFLICT', decision === 'accept' ? '该报表已退回，须企业重新报送后才能受理' : '该报表已退回');
        if (r.status === status) throw new AppError('CONFLICT', '该报表已受理');
        const saved = await repo.setReview(tx, id, status, ctx.actor.name, comment ?? null);
        await audit.record(tx, ctx, { action: `statistics.report.${decision}`, targetType: 'enterprise', targetId: r.enterpriseId, summary: { period: r.period, version: r.version, comment: comment ?? null } });
        // A returned report leaves the rollups (it comes back when the enterprise reports again).
        if (status === 'returned') await rollups.markChanged(tx, r.period);
        return saved;
      });
      await rollups.wake();
      return toReport(row);
    },

    async reporting(ctx: RequestContext, f: Omit<repo.ReportingFilter, 'parkIds'> & { parkId?: string }, page: number, pageSize: number) {
      const scope = await staffScope(enterprises, ctx);
      let parkIds = parkFilterOf(scope);
      if (f.parkId) {
        if (!scope.all && !scope.ids.has(f.parkId)) throw notFound('园区');
        parkIds = await parks.subtree(f.parkId);
      }
      const { rows, counts } = await repo.reportingPage(db, { ...f, parkIds }, page, pageSize);
      const [names, reminders] = await Promise.all([parkNames(), repo.reminderCounts(db, f.period, rows.map((r) => r.enterprise_id))]);
      const { total, ...stateCounts } = counts;
      return {
        items: rows.map((r) => ({
          enterpriseId: r.enterprise_id,
          enterpriseName: r.name,
          uscc: r.uscc,
          parkName: names.get(r.park_id) ?? '',
          reportId: r.report_id,
          state: (r.status ?? 'missing') as 'missing' | 'submitted' | 'accepted' | 'returned',
          late: r.late ?? false,
          flagCount: r.flag_count ?? 0,
          submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
          reminders: reminders.get(r.enterprise_id) ?? 0,
        })),
        total,
        page,
        pageSize,
        counts: stateCounts,
      };
    },

    /** 催报: records a reminder for every enterprise in scope that has not reported and tells its accounts in their inbox. */
    async remind(ctx: RequestContext, period: string, parkId?: string): Promise<{ reminded: number }> {
      const scope = await staffScope(enterprises, ctx);
      if (parkId && !scope.all && !scope.ids.has(parkId)) throw notFound('园区');
      const parkIds = parkId ? await parks.subtree(parkId) : parkFilterOf(scope);
      const missing = await repo.missingEnterprises(db, period, parkIds);
      await db.transaction(async (tx) => {
        await repo.insertReminders(tx, period, missing, ctx.actor.name);
        // Into the enterprise accounts' inboxes; a second 催报 the same day notifies nobody again.
        const day = shanghaiDate(clock());
        await notifications.notifyEnterpriseUsers(tx, missing, (enterpriseId) => ({
          kind: 'statistics_reminder',
          title: `请报送 ${period} 统计月报`,
          body: `园区提醒：贵企业尚未报送 ${period} 的统计数据，请尽快填报。`,
          link: `/portal/report?period=${period}`,
          dedupeKey: notificationDedupeKey.statisticsReminder(period, enterpriseId, day),
        }));
        await audit.record(tx, ctx, { action: 'statistics.remind', targetType: 'stat_period', targetId: period, summary: { parkId: parkId ?? null, enterprises: missing.length } });
      });
      return { reminded: missing.length };
    },

    /** What the portal form shows: the catalog, the stored report, last month's and last year's figures. */
    async form(ctx: RequestContext, enterpriseId: string, period: string): Promise<ReportForm> {
      periods.assertReportable(period);
      const { row: e } = await enterprises.visible(ctx, enterpriseId);
      const previous = [1, 2, 3, 4].map((n) => addMonths(period, -n));
      const lastYear = [12, 13].map((n) => addMonths(period, -n));
      const [catalog, info, current, history, reminders] = await Promise.all([
        indicators.catalog(),
        periods.info(period),
        repo.reportsOf(db, period, [e.id]),
        repo.valuesIn(db, [...previous, ...lastYear], [e.id]),
        repo.reminderCounts(db, period, [e.id]),
      ]);
      const report = current.get(e.id);
      const valuesOf = (p: string) => history.find((h) => h.period === p)?.values ?? {};
      return {
        period,
        periodStatus: info.status,
        dueOn: info.dueOn,
        enterpriseId: e.id,
        enterpriseName: e.name,
        indicators: catalog,
        report: report ? await toReport(report) : null,
        lastMonth: valuesOf(previous[0]!),
        lastYear: valuesOf(lastYear[0]!),
        usualIncrement: usualIncrements(catalog, period, history),
        lastYearIncrement: monthIncrements(catalog, lastYear[0]!, history),
        reminders: reminders.get(e.id) ?? 0,
      };
    },

    /** An enterprise's own reports, oldest first, with each figure's yoy against its own report a year earlier. */
    async series(ctx: RequestContext, enterpriseId: string, to: string | undefined, months: number): Promise<Series> {
      const { row: e } = await enterprises.visible(ctx, enterpriseId);
      const end = to ?? periods.currentPeriod();
      const from = addMonths(end, -(months - 1));
      const [catalog, rows] = await Promise.all([indicators.catalog(), repo.seriesOf(db, e.id, addMonths(from, -12), end)]);
      const byPeriod = new Map(rows.map((r) => [r.period, r]));
      return {
        indicators: catalog,
        points: rows
          .filter((r) => r.period >= from)
          .map((r) => {
            const last = byPeriod.get(addMonths(r.period, -12));
            const yoy = Object.fromEntries(Object.entries(r.values).map(([code, v]) => [code, growth(v, r.prior[code] ?? last?.values[code])]));
            return { period: r.period, reportId: r.id, status: r.status, values: r.values, yoy };
          }),
      };
    },
  };
}
export type ReportingService = ReturnType<typeof createReportingService>;
