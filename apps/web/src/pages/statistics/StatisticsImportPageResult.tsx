import type { ImportProblem } from '@zhiyuan/core';
import { Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WriteResult } from '../../api/statistics';
import { rowTestId } from '../../lib/table';

const columnOrder = (c: string) => {
  const letters = /^[A-Z]+/.exec(c)?.[0] ?? c;
  return letters.length * 1000 + letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
};

/** 422 details → problems sorted by row, then column. */
export function problemsOf(details: readonly unknown[]): ImportProblem[] {
  const list = details.flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { sheet, row, column, message } = d as Partial<ImportProblem>;
    if (typeof message !== 'string') return [];
    return [{ sheet: String(sheet ?? ''), row: typeof row === 'number' ? row : 0, column: String(column ?? ''), message }];
  });
  return list.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
}

const countKeys = ['accepted', 'created', 'updated', 'unchanged', 'flagged', 'late'] as const;
const countColor: Partial<Record<(typeof countKeys)[number], string>> = { created: '#389e0d', updated: '#1677ff', unchanged: '#8c8c8c', flagged: '#d48806', late: '#d4380d' };

/** accepted / created / updated / unchanged / flagged / late. */
export function WriteCounts({ result }: { result: WriteResult }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="stat-import-counts">
      {countKeys.map((k) => (
        <Col key={k} xs={12} sm={8} md={4}>
          <Statistic title={t(`statistics.import.count.${k}`)} value={result[k]} valueStyle={countColor[k] ? { color: countColor[k] } : undefined} data-testid={`stat-import-count-${k}`} />
        </Col>
      ))}
    </Row>
  );
}

/** The file's problems (sheet, row, column, message), like the enterprise import. */
export function ProblemsTable({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportProblem & { key: number }>
      size="small"
      rowKey="key"
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true, showTotal: (n) => t('statistics.import.problemCount', { count: n }) }}
      onRow={(p) => rowTestId('stat-import-error', `${p.row}-${p.column}`)}
      columns={[
        { title: t('statistics.import.sheet'), dataIndex: 'sheet', width: 140, ellipsis: true, render: (s: string) => s || '—' },
        { title: t('statistics.import.row'), dataIndex: 'row', width: 80, align: 'right', render: (r: number) => (r > 0 ? r : '—') },
        { title: t('statistics.import.col'), dataIndex: 'column', width: 200, render: (c: string) => c || '—' },
        { title: t('statistics.import.problem'), dataIndex: 'message' },
      ]}
      data-testid="stat-import-errors"
    />
  );
}
