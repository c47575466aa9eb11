import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarDay, calendarDays, calendarDaysQuery, calendarYears, dueQuery, dueResponse, importCalendarRequest, isoDate, ok, putCalendarDay } from '@zhiyuan/core';
import { requirePermission } from '../../plugins/auth';

const tags = ['calendar'];
const dateParams = z.object({ date: isoDate });

/** Deadline arithmetic is public: it reveals nothing but the published holiday schedule. */
export const dueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/calendar/due', { schema: { tags, summary: '按工作日计算办理期限', querystring: dueQuery, response: { 200: dueResponse } } }, async (req) =>
    app.services.calendar.due(req.query.start, req.query.workingDays),
  );
};

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar = app.services.calendar;
  app.get('/calendar/years', { schema: { tags, summary: '已载入的年份', response: { 200: calendarYears } } }, async () => calendar.years());
  app.get('/calendar/days', { schema: { tags, summary: '某年的节假日与调休工作日', querystring: calendarDaysQuery, response: { 200: calendarDays } } }, async (req) => calendar.days(req.query.year));
  app.put('/calendar/days/:date', { schema: { tags, summary: '设置节假日或调休工作日', params: dateParams, body: putCalendarDay, response: { 200: calendarDay } }, preHandler: requirePermission('calendar.write'), config: { action: 'calendar.day.put' } }, async (req) =>
    calendar.putDay(req.ctx(), req.params.date, req.body.kind, req.body.name),
  );
  app.delete('/calendar/days/:date', { schema: { tags, summary: '恢复为普通日', params: dateParams, response: { 200: ok } }, preHandler: requirePermission('calendar.write'), config: { action: 'calendar.day.delete' } }, async (req) => {
    await calendar.deleteDay(req.ctx(), req.params.date);
    return { ok: true as const };
  });
  app.post('/calendar/import', { schema: { tags, summary: '导入一年的安排（整体替换）', body: importCalendarRequest, response: { 200: calendarDays } }, preHandler: requirePermission('calendar.write'), config: { action: 'calendar.import' } }, async (req) =>
    calendar.importYear(req.ctx(), req.body.year, req.body.days),
  );
};
