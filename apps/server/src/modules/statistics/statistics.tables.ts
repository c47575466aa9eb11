import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ReportIssue } from '@zhiyuan/core';
import { enterprises } from '../enterprises/enterprises.tables';
import { parks } from '../parks/parks.tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const period = (name: string) => char(name, { length: 7 });
/** Figures are exact decimals (万元 to 4 places); never floats. */
const figure = (name: string) => numeric(name, { mode: 'number' });

/** Indicator code → value. Stored as jsonb numbers, i.e. PostgreSQL numeric: exact. */
export type StoredValues = Record<string, number>;

/** The indicator catalog (DESIGN.md §6). Derived indicators have a formula and are never reported. */
export const indicators = pgTable('indicators', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  kind: text('kind', { enum: ['flow', 'stock'] }).notNull(),
  formula: text('formula'),
  precision: smallint('precision').notNull().default(4),
  minValue: figure('min_value'),
  maxValue: figure('max_value'),
  allowNegative: boolean('allow_negative').notNull().default(false),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** A month with a row here has been configured or closed; a month without one is open with the default due date. */
export const statPeriods = pgTable('stat_periods', {
  period: period('period').primaryKey(),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  closedAt: ts('closed_at'),
  closedBy: text('closed_by'),
});

/**
 * One enterprise's current report for one month (1–N月累计 for flows). The park, industry and
 * above-scale flag are the enterprise's at reporting time: figures stay where they were reported.
 */
export const statReports = pgTable(
  'stat_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    period: period('period').notNull(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    industryCode: text('industry_code').notNull(),
    industrySection: char('industry_section', { length: 1 }).notNull(),
    aboveScale: boolean('above_scale').notNull(),
    values: jsonb('values').$type<StoredValues>().notNull(),
    /** Restated prior-year figures reported with this report (同口径 base), if any. */
    prior: jsonb('prior').$type<StoredValues>().notNull().default(sql`'{}'::jsonb`),
    /** Plausibility warnings found when it was submitted. */
    flags: jsonb('flags').$type<ReportIssue[]>().notNull().default(sql`'[]'::jsonb`),
    status: text('status', { enum: ['submitted', 'accepted', 'returned'] }).notNull().default('submitted'),
    late: boolean('late').notNull().default(false),
    version: integer('version').notNull().default(1),
    source: text('source', { enum: ['portal', 'import', 'api', 'staff', 'seed'] }).notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    submittedBy: text('submitted_by'),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    reviewComment: text('review_comment'),
  },
  (t) => [
    // One report per enterprise and month; its index also serves the enterprise's series.
    unique('stat_reports_enterprise_period_key').on(t.enterpriseId, t.period),
    index('stat_reports_period_park_idx').on(t.period, t.parkId),
  ],
);

/** Every version of every report, the current one included: corrections never overwrite history. */
export const statReportVersions = pgTable(
  'stat_report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => statReports.id),
    version: integer('version').notNull(),
    values: jsonb('values').$type<StoredValues>().notNull(),
    prior: jsonb('prior').$type<StoredValues>().notNull(),
    source: text('source', { enum: ['portal', 'import', 'api', 'staff', 'seed'] }).notNull(),
    late: boolean('late').notNull(),
    /** A correction after the period was closed, with its reason (also in the audit log). */
    revision: boolean('revision').notNull().default(false),
    reason: text('reason'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    submittedBy: text('submitted_by'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

/**
 * Pre-computed sums per period × sub-park × industry section × above-scale × indicator
 * (DESIGN.md §6): dashboards read these, never the reports. Derived indicators are computed
 * from these sums when read. '' is the section of an unknown industry.
 */
export const statRollups = pgTable(
  'stat_rollups',
  {
    period: period('period').notNull(),
    parkId: uuid('park_id').notNull(),
    industrySection: char('industry_section', { length: 1 }).notNull(),
    aboveScale: boolean('above_scale').notNull(),
    indicator: text('indicator').notNull(),
    value: figure('value'),
    /** value of the same group 12 months earlier, over that month's own enterprises (同比 base). */
    priorValue: figure('prior_value'),
    lflNumerator: figure('lfl_numerator'),
    lflDenominator: figure('lfl_denominator'),
    enterprises: integer('enterprises').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.parkId, t.industrySection, t.aboveScale, t.indicator] }),
    // Figures read a few indicators of a few periods: on the key alone the planner scanned every period's rows.
    index('stat_rollups_period_indicator_idx').on(t.period, t.indicator),
  ],
);

/** When each period's rollups were last computed. */
export const statRollupRuns = pgTable('stat_rollup_runs', {
  period: period('period').primaryKey(),
  refreshedAt: ts('refreshed_at').notNull(),
  rows: integer('rows').notNull(),
});

/** 催报: a reminder sent to an enterprise that has not reported a period. */
export const statReminders = pgTable(
  'stat_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: period('period').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    sentAt: ts('sent_at').notNull().defaultNow(),
    sentBy: text('sent_by'),
  },
  (t) => [index('stat_reminders_period_enterprise_idx').on(t.period, t.enterpriseId)],
);

/**
 * Periods whose rollups are out of date: written in the same transaction as the reports, so a
 * crash between commit and job never loses a refresh. `generation` grows with every mark; the
 * worker removes a mark only if no write marked it again while it was refreshing.
 */
export const statRollupsDue = pgTable('stat_rollups_due', {
  period: period('period').primaryKey(),
  generation: integer('generation').notNull().default(1),
  markedAt: ts('marked_at').notNull().defaultNow(),
});
