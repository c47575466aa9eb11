import { Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator, ReportVersion } from '../../api/statistics';
import { formatFigure } from '../../lib/figures';
import { formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { LateTag, SourceText } from './ReportDrawerTags';

type Change = { code: string; before: number | undefined; after: number | undefined };

/** The figures a version changed against the one before it (the first version: every figure). */
function changesOf(version: ReportVersion, previous: ReportVersion | undefined): Change[] {
  const codes = [...new Set([...Object.keys(previous?.values ?? {}), ...Object.keys(version.values)])];
  return codes.map((code) => ({ code, before: previous?.values[code], after: version.values[code] })).filter((c) => c.before !== c.after);
}

/** 版本记录: who sent which figures when, late or as a revision of a closed period. */
export function ReportVersions({ versions, indicators }: { versions: readonly ReportVersion[]; indicators: ReadonlyMap<string, Indicator> }) {
  const { t } = useTranslation();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const previousOf = (v: ReportVersion) => versions.find((o) => o.version === v.version - 1);
  const fmt = (code: string, v: number | undefined) => {
    const ind = indicators.get(code);
    return v == null ? '—' : ind ? formatFigure(v, ind, { scale: 'wan' }) : String(v);
  };

  return (
    <Table<ReportVersion>
      size="small"
      rowKey="version"
      dataSource={sorted}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statistics.drawer.noVersions')} /> }}
      onRow={(v) => rowTestId('report-version', String(v.version))}
      expandable={{
        expandedRowRender: (v) => {
          const changes = changesOf(v, previousOf(v));
          if (!changes.length) return <Typography.Text type="secondary">{t('statistics.drawer.noChanges')}</Typography.Text>;
          return (
            <Space direction="vertical" size={2}>
              {changes.map((c) => (
                <Typography.Text key={c.code}>
                  {indicators.get(c.code)?.nameZh ?? c.code}：
                  {previousOf(v) && (
                    <>
                      <Typography.Text type="secondary" delete>
                        {fmt(c.code, c.before)}
                      </Typography.Text>{' '}
                      →{' '}
                    </>
                  )}
                  <Typography.Text strong>{fmt(c.code, c.after)}</Typography.Text>
                </Typography.Text>
              ))}
            </Space>
          );
        },
      }}
      columns={[
        { title: t('statistics.drawer.version'), dataIndex: 'version', width: 64, render: (n: number) => `v${n}` },
        { title: t('statistics.drawer.source'), dataIndex: 'source', width: 90, render: (_s, v) => <SourceText source={v.source} /> },
        { title: t('statistics.drawer.by'), dataIndex: 'submittedBy', width: 110, ellipsis: true, render: (s: string | null) => s ?? '—' },
        { title: t('statistics.drawer.at'), dataIndex: 'submittedAt', width: 140, render: (s: string) => formatDateTime(s, 'minute') },
        {
          title: t('statistics.drawer.notes'),
          key: 'notes',
          render: (_x, v) => (
            <Space size={4} wrap>
              {v.late && <LateTag />}
              {v.revision && <Tag color="purple">{t('statistics.drawer.revision')}</Tag>}
              {v.reason && <Typography.Text type="secondary">{t('statistics.drawer.reason', { reason: v.reason })}</Typography.Text>}
              {!v.late && !v.revision && !v.reason && '—'}
            </Space>
          ),
        },
      ]}
      data-testid="report-versions"
    />
  );
}
