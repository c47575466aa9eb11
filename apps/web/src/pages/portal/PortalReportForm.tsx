import { SendOutlined, UndoOutlined } from '@ant-design/icons';
import { addMonths, periodLabel, yearAgo } from '@zhiyuan/core';
import { Alert, App, Button, Card, InputNumber, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { reportProblems, statisticsApi, type Indicator, type Report, type ReportForm } from '../../api/statistics';
import { useLanguage } from '../../i18n/LanguageContext';
import { formatFigure, stepOf } from '../../lib/figures';
import { checkForm, derivedOf, type RawFigures } from './portalReportChecks';

type Props = { enterpriseId: string; form: ReportForm; readOnly: boolean; onSubmitted: (r: Report) => void };

const stored = (map: Record<string, number> | undefined, rows: readonly Indicator[]): RawFigures =>
  Object.fromEntries(rows.filter((i) => map && Object.hasOwn(map, i.code)).map((i) => [i.code, map![i.code]]));

/** Messages under a field: errors (the form's and the server's) in red, warnings in orange. */
function Messages({ errors = [], warnings = [], code }: { errors?: readonly string[]; warnings?: readonly string[]; code: string }) {
  if (!errors.length && !warnings.length) return null;
  return (
    <div style={{ marginTop: 4, lineHeight: 1.4 }}>
      {errors.map((m, i) => (
        <div key={`e${i}`} style={{ color: '#ff4d4f', fontSize: 12 }} role="alert" data-testid={`report-error-${code}`}>
          {m}
        </div>
      ))}
      {warnings.map((m, i) => (
        <div key={`w${i}`} style={{ color: '#d48806', fontSize: 12 }} data-testid={`report-warning-${code}`}>
          {m}
        </div>
      ))}
    </div>
  );
}

/** 月报填报表: one row per active indicator; derived ones computed live, checks as the server runs them. */
export function PortalReportForm({ enterpriseId, form, readOnly, onSubmitted }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const rows = useMemo(() => form.indicators.filter((i) => i.active).sort((a, b) => a.sortOrder - b.sortOrder), [form.indicators]);
  const reported = useMemo(() => rows.filter((i) => i.formula == null), [rows]);
  const [raw, setRaw] = useState<RawFigures>(() => stored(form.report?.values, reported));
  const [priorRaw, setPriorRaw] = useState<RawFigures>(() => stored(form.report?.prior, reported));
  const [showPrior, setShowPrior] = useState(() => Object.keys(form.report?.prior ?? {}).length > 0);
  const [serverErrors, setServerErrors] = useState<{ fields: Map<string, string[]>; general: string | null }>({ fields: new Map(), general: null });
  const [submitting, setSubmitting] = useState(false);

  const check = useMemo(
    () => checkForm(form.indicators, raw, showPrior ? priorRaw : null, { period: form.period, lastMonth: form.lastMonth, usualIncrement: form.usualIncrement, lastYearIncrement: form.lastYearIncrement }),
    [form, raw, priorRaw, showPrior],
  );
  const filled = reported.filter((i) => raw[i.code] != null).length;
  const name = (i: Indicator) => (lang === 'en' ? i.nameEn : i.nameZh);
  const figure = (i: Indicator, map: Record<string, number>) => formatFigure(i.formula != null ? (map[i.code] ?? derivedOf(i.code, form.indicators, map)) : map[i.code], i, { unit: false, scale: 'wan' });

  const edit = (which: 'value' | 'prior', code: string, v: number | null) => {
    (which === 'value' ? setRaw : setPriorRaw)((prev) => ({ ...prev, [code]: v }));
    const column = which === 'value' ? code : `prior.${code}`;
    if (serverErrors.fields.has(column)) setServerErrors((s) => ({ ...s, fields: new Map([...s.fields].filter(([c]) => c !== column)) }));
  };

  const input = (i: Indicator, which: 'value' | 'prior') => {
    const map = which === 'value' ? raw : priorRaw;
    const errs = [...((which === 'value' ? check.errors : check.priorErrors).get(i.code) ?? []), ...(serverErrors.fields.get(which === 'value' ? i.code : `prior.${i.code}`) ?? [])];
    const warns = which === 'value' ? (check.warnings.get(i.code) ?? []) : [];
    return (
      <>
        <InputNumber<number>
          value={map[i.code] ?? null}
          onChange={(v) => edit(which, i.code, typeof v === 'number' ? v : null)}
          // No min or precision here: they would silently turn −5 into 0 and 12.5 people into 13; core's checks say what is wrong instead.
          step={stepOf(i.precision)}
          disabled={readOnly}
          status={errs.length ? 'error' : warns.length ? 'warning' : undefined}
          aria-label={which === 'value' ? name(i) : t('statistics.report.priorOf', { name: name(i) })}
          aria-invalid={errs.length > 0}
          style={{ width: '100%' }}
          data-testid={which === 'value' ? `report-input-${i.code}` : `report-prior-${i.code}`}
        />
        <Messages errors={errs} warnings={warns} code={which === 'value' ? i.code : `prior-${i.code}`} />
      </>
    );
  };

  const derivedCell = (i: Indicator, v: number | null): ReactNode => (
    <Tooltip title={t('statistics.report.derivedHint', { formula: i.formula })}>
      <Typography.Text strong data-testid={`report-derived-${i.code}`}>
        {formatFigure(v, i, { unit: false, scale: 'wan' })}
      </Typography.Text>
    </Tooltip>
  );

  const columns: ColumnsType<Indicator> = [
    {
      title: t('statistics.report.indicator'),
      key: 'name',
      width: 220,
      render: (_v, i) => (
        <Space size={4} wrap>
          <Typography.Text>{name(i)}</Typography.Text>
          {i.formula != null && <Tag color="cyan">{t('statistics.report.derived')}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`statistics.kindShort.${i.kind}`)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('statistics.report.unit'), dataIndex: 'unit', width: 70 },
    {
      title: t('statistics.report.value', { label: periodLabel(form.period) }),
      key: 'value',
      width: 240,
      render: (_v, i) => (i.formula != null ? derivedCell(i, check.derived[i.code] ?? null) : input(i, 'value')),
    },
    {
      title: t('statistics.report.lastMonth', { period: addMonths(form.period, -1) }),
      key: 'lastMonth',
      width: 150,
      align: 'right',
      render: (_v, i) => <Typography.Text type="secondary">{figure(i, form.lastMonth)}</Typography.Text>,
    },
    {
      title: t('statistics.report.lastYear', { period: yearAgo(form.period) }),
      key: 'lastYear',
      width: 150,
      align: 'right',
      render: (_v, i) => <Typography.Text type="secondary">{figure(i, form.lastYear)}</Typography.Text>,
    },
    ...(showPrior
      ? [
          {
            title: t('statistics.report.prior', { period: yearAgo(form.period) }),
            key: 'prior',
            width: 220,
            render: (_v: unknown, i: Indicator) => (i.formula != null ? derivedCell(i, check.derivedPrior[i.code] ?? null) : input(i, 'prior')),
          },
        ]
      : []),
  ];

  const doSubmit = async () => {
    setSubmitting(true);
    try {
      const report = await statisticsApi.submit(enterpriseId, form.period, { values: check.values, ...(showPrior ? { prior: check.prior } : {}) });
      setServerErrors({ fields: new Map(), general: null });
      onSubmitted(report);
    } catch (e) {
      const problems = e instanceof ApiError && (e.status === 422 || e.status === 400) ? reportProblems(e) : [];
      // Columns are the indicator's code, or prior.<code> for a restated figure (the server's columnOf).
      const fields = new Map<string, string[]>();
      const isField = (column: string) => reported.some((i) => i.code === column || `prior.${i.code}` === column);
      for (const p of problems) if (isField(p.column)) fields.set(p.column, [...(fields.get(p.column) ?? []), p.message]);
      const general = problems.filter((p) => !isField(p.column)).map((p) => p.message);
      setServerErrors({ fields, general: fields.size && !general.length ? null : [e instanceof Error ? e.message : t('common.unknownError'), ...general].join('；') });
      void message.error(fields.size ? t('statistics.report.serverRefused', { count: fields.size }) : e instanceof Error ? e.message : t('common.unknownError'));
    } finally {
      setSubmitting(false);
    }
  };

  const submit = () => {
    if (check.errorCount) return void message.error(t('statistics.report.fixErrors', { count: check.errorCount }));
    if (!filled) return void message.error(t('statistics.report.nothingEntered'));
    if (!check.warningCount) return void doSubmit();
    const all = [...check.warnings.values()].flat();
    modal.confirm({
      title: t('statistics.report.confirmWarnings', { count: check.warningCount }),
      content: (
        <ul style={{ paddingInlineStart: 18, margin: '8px 0 0' }} data-testid="report-confirm-warnings">
          {all.map((w, k) => (
            <li key={k}>{w}</li>
          ))}
        </ul>
      ),
      okText: t('statistics.report.confirmSubmit'),
      cancelText: t('statistics.report.backToEdit'),
      okButtonProps: { 'data-testid': 'report-confirm-ok' },
      width: 520,
      onOk: doSubmit,
    });
  };

  const reset = () => {
    setRaw(stored(form.report?.values, reported));
    setPriorRaw(stored(form.report?.prior, reported));
    setShowPrior(Object.keys(form.report?.prior ?? {}).length > 0);
    setServerErrors({ fields: new Map(), general: null });
  };

  return (
    <Card
      title={t('statistics.report.formTitle', { label: periodLabel(form.period) })}
      extra={
        <Space>
          <Switch checked={showPrior} onChange={setShowPrior} disabled={readOnly} id="report-prior-switch" data-testid="report-prior-switch" />
          <label htmlFor="report-prior-switch">{t('statistics.report.priorSwitch')}</label>
        </Space>
      }
      data-testid="report-form"
    >
      {showPrior && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('statistics.report.priorNote')} />}
      {serverErrors.general && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={serverErrors.general} data-testid="report-server-error" />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly) submit();
        }}
      >
        <Table<Indicator> size="small" rowKey="code" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 900 }} data-testid="report-table" />
        {!readOnly && (
          <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }} wrap>
            <Space size={16} wrap data-testid="report-summary">
              <Typography.Text>{t('statistics.report.filled', { filled, total: reported.length })}</Typography.Text>
              {check.errorCount > 0 && <Typography.Text type="danger">{t('statistics.report.errorCount', { count: check.errorCount })}</Typography.Text>}
              {check.warningCount > 0 && <Typography.Text type="warning">{t('statistics.report.warningCount', { count: check.warningCount })}</Typography.Text>}
            </Space>
            <Space>
              <Button icon={<UndoOutlined />} onClick={reset} disabled={submitting} data-testid="report-reset">
                {t('statistics.report.reset')}
              </Button>
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submitting} data-testid="report-submit">
                {form.report ? t('statistics.report.resubmit') : t('statistics.report.submit')}
              </Button>
            </Space>
          </Space>
        )}
      </form>
    </Card>
  );
}
