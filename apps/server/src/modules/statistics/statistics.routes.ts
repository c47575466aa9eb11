import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  analysis,
  analysisQuery,
  cockpit,
  cockpitQuery,
  createIndicatorRequest,
  enterprisePeriodParams,
  idParams,
  importQuery,
  indicator,
  indicatorList,
  indicatorParams,
  periodList,
  periodListQuery,
  periodParams,
  putReportsRequest,
  ranking,
  rankingQuery,
  refreshRequest,
  refreshResult,
  remindRequest,
  remindResult,
  report,
  reportDetail,
  reportForm,
  reportingPage,
  reportingQuery,
  reviewRequest,
  rollupStatus,
  series,
  seriesQuery,
  statPeriod,
  submitReportRequest,
  summary,
  summaryQuery,
  templateQuery,
  trend,
  trendQuery,
  updateIndicatorRequest,
  updatePeriodRequest,
  writeResult,
} from '@zhiyuan/core';
import { AppError } from '../../errors';
import { requireAny, requirePermission } from '../../plugins/auth';
import { MAX_IMPORT_BYTES } from '../../xlsx/import-errors';
import { attachment, XLSX_TYPE } from '../../xlsx/write-workbook';

const tags = ['statistics'];
const formQuery = z.object({ period: enterprisePeriodParams.shape.period });
const bulletinQuery = formQuery;

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { indicators, statPeriods, reportWriter, reporting, rollups, figures, ranking: rankings, statisticsImport, statisticsExport } = app.services;
  const read = requirePermission('statistics.read');
  const manage = requirePermission('statistics.manage');
  const review = requirePermission('statistics.review');
  const write = requirePermission('statistics.write');

  app.get('/statistics/indicators', { schema: { tags, summary: '指标目录', response: { 200: indicatorList } }, preHandler: requireAny('statistics.read', 'statistics.report', 'statistics.write') }, async () => ({ items: await indicators.catalog() }));
  app.post('/statistics/indicators', { schema: { tags, summary: '新增指标', body: createIndicatorRequest, response: { 201: indicator } }, preHandler: manage, config: { action: 'statistics.indicator.create' } }, async (req, reply) =>
    reply.status(201).send(await indicators.create(req.ctx(), req.body)),
  );
  app.patch('/statistics/indicators/:code', { schema: { tags, summary: '修改指标', params: indicatorParams, body: updateIndicatorRequest, response: { 200: indicator } }, preHandler: manage, config: { action: 'statistics.indicator.update' } }, async (req) =>
    indicators.update(req.ctx(), req.params.code, req.body),
  );

  app.get('/statistics/periods', { schema: { tags, summary: '统计期（新的在前）', querystring: periodListQuery, response: { 200: periodList } }, preHandler: requireAny('statistics.read', 'statistics.write', 'statistics.review') }, async (req) => ({
    items: await statPeriods.list(req.ctx(), req.query.year),
  }));
  app.patch('/statistics/periods/:period', { schema: { tags, summary: '修改报送截止日', params: periodParams, body: updatePeriodRequest, response: { 200: statPeriod } }, preHandler: manage, config: { action: 'statistics.period.due' } }, async (req) =>
    statPeriods.setDue(req.ctx(), req.params.period, req.body.dueOn),
  );
  app.post('/statistics/periods/:period/close', { schema: { tags, summary: '关账', params: periodParams, response: { 200: statPeriod } }, preHandler: manage, config: { action: 'statistics.period.close' } }, async (req) => statPeriods.close(req.ctx(), req.params.period));
  app.post('/statistics/periods/:period/reopen', { schema: { tags, summary: '重新开账', params: periodParams, response: { 200: statPeriod } }, preHandler: manage, config: { action: 'statistics.period.reopen' } }, async (req) => statPeriods.reopen(req.ctx(), req.params.period));

  app.put(
    '/statistics/reports/:period',
    { schema: { tags, summary: '报送月报（每行替换该企业本期报表；全部成功或全部不存）', params: periodParams, body: putReportsRequest, response: { 200: writeResult } }, preHandler: write, config: { action: 'statistics.reports.put' } },
    async (req) => {
      const { reportIds: _ids, ...result } = await reportWriter.write(
        req.ctx(),
        req.params.period,
        req.body.rows.map((r, i) => ({ row: i + 1, uscc: r.uscc, values: r.values, prior: r.prior })),
        { source: req.ctx().actor.kind === 'token' ? 'api' : 'staff', revisionReason: req.body.revisionReason },
      );
      return result;
    },
  );
  app.get('/statistics/enterprises/:id/form', { schema: { tags, summary: '月报填报表单', params: idParams, querystring: formQuery, response: { 200: reportForm } }, preHandler: requireAny('statistics.report', 'statistics.write') }, async (req) =>
    reporting.form(req.ctx(), req.params.id, req.query.period),
  );
  app.put(
    '/statistics/enterprises/:id/reports/:period',
    { schema: { tags, summary: '报送本企业月报', params: enterprisePeriodParams, body: submitReportRequest, response: { 200: report } }, preHandler: requireAny('statistics.report', 'statistics.write'), config: { action: 'statistics.report.submit' } },
    async (req) => {
      const ctx = req.ctx();
      const { reportIds } = await reportWriter.write(ctx, req.params.period, [{ row: 1, enterpriseId: req.params.id, values: req.body.values, prior: req.body.prior }], {
        source: ctx.actor.roles.includes('enterprise') ? 'portal' : 'staff',
        revisionReason: req.body.revisionReason,
        columnOf: (field) => field.replace(/^values\./, ''),
      });
      return reporting.detail(ctx, reportIds[0]!);
    },
  );
  app.get('/statistics/enterprises/:id/series', { schema: { tags, summary: '企业的月报序列', params: idParams, querystring: seriesQuery, response: { 200: series } }, preHandler: requireAny('statistics.read', 'statistics.report') }, async (req) =>
    reporting.series(req.ctx(), req.params.id, req.query.to, req.query.months),
  );

  app.get('/statistics/reporting', { schema: { tags, summary: '报送情况（未报、待审、已受理、已退回）', querystring: reportingQuery, response: { 200: reportingPage } }, preHandler: review }, async (req) => {
    const { page, pageSize, sort: _sort, ...f } = req.query;
    return reporting.reporting(req.ctx(), f, page, pageSize);
  });
  app.get('/statistics/reports/:id', { schema: { tags, summary: '报表及其各版本', params: idParams, response: { 200: reportDetail } }, preHandler: requireAny('statistics.read', 'statistics.review', 'statistics.report') }, async (req) =>
    reporting.detail(req.ctx(), req.params.id),
  );
  app.post('/statistics/reports/:id/review', { schema: { tags, summary: '受理或退回', params: idParams, body: reviewRequest, response: { 200: report } }, preHandler: review, config: { action: 'statistics.report.review' } }, async (req) =>
    reporting.review(req.ctx(), req.params.id, req.body.decision, req.body.comment),
  );
  app.post('/statistics/reminders', { schema: { tags, summary: '催报未报送的企业', body: remindRequest, response: { 200: remindResult } }, preHandler: review, config: { action: 'statistics.remind' } }, async (req) =>
    reporting.remind(req.ctx(), req.body.period, req.body.parkId),
  );

  app.get('/statistics/import-template', { schema: { tags, summary: '月报导入模板（xlsx，按指标目录生成）', querystring: templateQuery }, preHandler: write }, async (req, reply) => {
    const name = `statistics-template${req.query.period ? `-${req.query.period}` : ''}.xlsx`;
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name)).send(await statisticsImport.template(req.ctx(), req.query.period));
  });
  app.post(
    '/statistics/imports',
    { schema: { tags, summary: '导入一个月的月报（multipart 字段 file，≤ 20 MB；dryRun=true 只检查）', querystring: importQuery, consumes: ['multipart/form-data'], response: { 200: writeResult } }, preHandler: write, config: { action: 'statistics.import' } },
    async (req) => {
      const file = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
      if (!file) throw new AppError('BAD_REQUEST', '请选择要上传的 xlsx 文件', [{ path: ['file'], message: '缺少文件' }]);
      const buf = await file.toBuffer();
      return statisticsImport.import(req.ctx(), req.query.period, buf, { dryRun: req.query.dryRun, revisionReason: req.query.revisionReason });
    },
  );

  app.get('/statistics/summary', { schema: { tags, summary: '汇总（分园、行业或全区）', querystring: summaryQuery, response: { 200: summary } }, preHandler: read }, async (req) => figures.summary(req.ctx(), req.query));
  app.get('/statistics/analysis', { schema: { tags, summary: '分析：某指标按分园、行业或规模分组的各项数值', querystring: analysisQuery, response: { 200: analysis } }, preHandler: read }, async (req) => figures.analysis(req.ctx(), req.query));
  app.get('/statistics/trend', { schema: { tags, summary: '趋势（默认 36 个月，含上年同期）', querystring: trendQuery, response: { 200: trend } }, preHandler: read }, async (req) => figures.trend(req.ctx(), req.query));
  app.get('/statistics/ranking', { schema: { tags, summary: '企业排行（按数值、增速或增减额）', querystring: rankingQuery, response: { 200: ranking } }, preHandler: read }, async (req) => rankings.ranking(req.ctx(), req.query));
  const exportable = requirePermission('statistics.export');
  const xlsx = (reply: FastifyReply, name: string, body: Readable) => reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(`${name}.xlsx`)).send(body);
  app.get('/statistics/analysis/export', { schema: { tags, summary: '导出分析表（xlsx）', querystring: analysisQuery }, preHandler: exportable }, async (req, reply) =>
    xlsx(reply, `statistics-${req.query.groupBy}-${req.query.indicator}-${req.query.period}`, await statisticsExport.analysis(req.ctx(), req.query)),
  );
  app.get('/statistics/ranking/export', { schema: { tags, summary: '导出企业排行（xlsx）', querystring: rankingQuery }, preHandler: exportable }, async (req, reply) =>
    xlsx(reply, `ranking-${req.query.indicator}-${req.query.by}-${req.query.period}`, await statisticsExport.ranking(req.ctx(), req.query)),
  );
  app.get('/statistics/bulletin', { schema: { tags, summary: '统计月报（xlsx）', querystring: bulletinQuery }, preHandler: exportable }, async (req, reply) =>
    xlsx(reply, `bulletin-${req.query.period}`, await statisticsExport.bulletin(req.ctx(), req.query.period)),
  );
  app.get('/statistics/cockpit', { schema: { tags, summary: '驾驶舱数据', querystring: cockpitQuery, response: { 200: cockpit } }, preHandler: read }, async (req) => figures.cockpit(req.ctx(), req.query));

  app.post('/statistics/rollups/refresh', { schema: { tags, summary: '全量刷新汇总', body: refreshRequest, response: { 200: refreshResult } }, preHandler: manage, config: { action: 'statistics.rollups.refresh' } }, async (req) =>
    rollups.refresh(req.ctx(), req.body.period),
  );
  app.get('/statistics/rollups/status', { schema: { tags, summary: '汇总刷新状态', response: { 200: rollupStatus } }, preHandler: read }, async () => rollups.status());
};
