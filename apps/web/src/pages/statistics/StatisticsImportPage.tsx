import { CheckOutlined, CloudUploadOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ImportProblem } from '@zhiyuan/core';
import { periodLabel } from '@zhiyuan/core';
import { Alert, Button, Card, Col, Input, Popconfirm, Result, Row, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { statisticsApi, usePeriods, useStatisticsInvalidation, type WriteResult } from '../../api/statistics';
import { useAuth } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { newestPeriod, PeriodPicker, PeriodStatusTag, periodOrNewest } from './PeriodsPagePicker';
import { ProblemsTable, problemsOf, WriteCounts } from './StatisticsImportPageResult';

/** The server's limit (413 above it); checked here first so a huge file is not sent for nothing. */
const maxBytes = 20 * 1024 * 1024;
const xlsxAccept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Checked = { file: File; result: WriteResult };
type Rejected = { fileName: string; message: string; problems: ImportProblem[] };

/** 月报导入: a workbook of many enterprises' reports — checked first (dry run, nothing stored), then imported. */
export function StatisticsImportPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const invalidate = useStatisticsInvalidation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = periodOrNewest(params.get('period'));
  const periods = usePeriods();
  const status = periods.data?.items.find((p) => p.period === period)?.status;
  const [reason, setReason] = useState('');
  const [needsReason, setNeedsReason] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [rejected, setRejected] = useState<Rejected | null>(null);
  const [done, setDone] = useState<WriteResult | null>(null);

  const closed = status === 'closed' || needsReason;
  const reasonText = reason.trim();
  const reasonOk = !closed || (reasonText.length >= 2 && reasonText.length <= 200);
  const stage = done ? 3 : checked ? 2 : rejected ? 1 : 0;

  const restart = () => {
    setChecked(null);
    setRejected(null);
    setDone(null);
    setFileError(null);
  };
  const choosePeriod = (p: string) => {
    restart();
    setNeedsReason(false);
    setParams(p === newestPeriod() ? {} : { period: p });
  };

  const send = async (file: File, dryRun: boolean) => {
    setFileError(null);
    setBusy(file.name);
    try {
      const result = await statisticsApi.importFile(file, { period, dryRun, revisionReason: closed ? reasonText : undefined });
      setRejected(null);
      if (dryRun) setChecked({ file, result });
      else {
        setChecked(null);
        setDone(result);
        void invalidate.reports();
      }
    } catch (e) {
      const problems = e instanceof ApiError && e.status === 422 ? problemsOf(e.details) : [];
      // A closed period refuses an import without a reason (one problem on the period; it may have closed meanwhile).
      const periodRefused = problems.length > 0 && problems.every((p) => p.column === 'period' && p.row === 0);
      if (periodRefused) {
        setNeedsReason(true);
        void periods.refetch();
      } else if (problems.length) {
        setChecked(null);
        setRejected({ fileName: file.name, message: (e as ApiError).message, problems });
        return;
      }
      setFileError(e instanceof ApiError ? (e.status === 413 ? t('statistics.import.tooLarge') : e.message) : e instanceof Error ? e.message : t('common.unknownError'));
    } finally {
      setBusy(null);
    }
  };

  /** antd Upload: take the file, never keep it in a list, never let antd post it. */
  const take = (file: File) => {
    setFileError(null);
    if (!/\.xlsx$/i.test(file.name)) setFileError(t('statistics.import.notXlsx'));
    else if (file.size > maxBytes) setFileError(t('statistics.import.tooLarge'));
    else void send(file, true);
    return Upload.LIST_IGNORE;
  };

  const reasonField = closed && (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('statistics.import.closedTitle', { period })}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('statistics.import.closedNote')}</span>
          <label htmlFor="stat-import-reason">{t('statistics.import.reason')}</label>
          <Input.TextArea
            id="stat-import-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            maxLength={200}
            showCount
            status={reasonText && !reasonOk ? 'error' : undefined}
            placeholder={t('statistics.import.reasonHint')}
            disabled={!!done}
            data-testid="stat-import-reason"
          />
        </Space>
      }
      data-testid="stat-import-closed"
    />
  );

  const uploader = (
    <Spin spinning={!!busy} tip={busy ? t('statistics.import.checking', { name: busy }) : undefined}>
      <div data-testid="stat-import-upload">
        <Upload.Dragger accept={xlsxAccept} multiple={false} maxCount={1} showUploadList={false} beforeUpload={take} disabled={!!busy || !reasonOk || periods.isLoading}>
          <p className="ant-upload-drag-icon">{busy ? <CloudUploadOutlined /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">{reasonOk ? t('statistics.import.dragger') : t('statistics.import.reasonFirst')}</p>
          <p className="ant-upload-hint">{t('statistics.import.draggerHint')}</p>
        </Upload.Dragger>
      </div>
    </Spin>
  );

  return (
    <Page title={t('statistics.nav.import')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={[24, 8]} wrap>
          <Space>
            <label htmlFor="stat-import-period">{t('statistics.period')}</label>
            <PeriodPicker id="stat-import-period" value={period} onChange={choosePeriod} disabled={!!busy} />
            <Typography.Text type="secondary">{periodLabel(period)}</Typography.Text>
            <PeriodStatusTag status={status} />
          </Space>
          <Button type="primary" ghost icon={<DownloadOutlined />} href={statisticsApi.templateUrl(period)} download data-testid="stat-import-template">
            {t('statistics.import.template', { period })}
          </Button>
          <Steps
            size="small"
            current={stage}
            status={rejected && !checked ? 'error' : done ? 'finish' : 'process'}
            style={{ minWidth: 420 }}
            items={[{ title: t('statistics.import.steps.upload') }, { title: t('statistics.import.steps.check') }, { title: t('statistics.import.steps.confirm') }, { title: t('statistics.import.steps.done') }]}
            data-testid="stat-import-steps"
          />
        </Space>
      </Card>

      {reasonField}
      {fileError && (
        <Alert type="error" showIcon closable onClose={() => setFileError(null)} style={{ marginBottom: 16 }} message={t('statistics.import.failed')} description={fileError} data-testid="stat-import-file-error" />
      )}

      {done ? (
        <Card data-testid="stat-import-result">
          <Result
            status={done.created + done.updated === 0 ? 'info' : 'success'}
            title={done.created + done.updated === 0 ? t('statistics.import.nothingToDo') : t('statistics.import.doneTitle', { period })}
            subTitle={t('statistics.import.doneSummary', done)}
            extra={
              <Space wrap>
                {can('statistics.review') && (
                  <Button type="primary" onClick={() => navigate(period === newestPeriod() ? '/statistics/reporting' : `/statistics/reporting?period=${period}`)} data-testid="stat-import-to-reporting">
                    {t('statistics.import.toReporting')}
                  </Button>
                )}
                <Button onClick={restart} data-testid="stat-import-again">
                  {t('statistics.import.again')}
                </Button>
              </Space>
            }
          />
          <WriteCounts result={done} />
        </Card>
      ) : checked ? (
        <Card title={t('statistics.import.checkedTitle', { file: checked.file.name })} data-testid="stat-import-checked">
          <WriteCounts result={checked.result} />
          {checked.result.created + checked.result.updated === 0 ? (
            <Alert
              type="info"
              showIcon
              message={t('statistics.import.nothingToDo')}
              description={t('statistics.import.nothingToDoNote')}
              action={
                <Button icon={<ReloadOutlined />} onClick={restart}>
                  {t('statistics.import.again')}
                </Button>
              }
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              message={<span data-testid="stat-import-not-yet">{t('statistics.import.notYet')}</span>}
              description={t('statistics.import.commitNote', checked.result)}
              action={
                <Space direction="vertical" align="end">
                  <Popconfirm
                    title={t('statistics.import.commitConfirm', { period })}
                    description={t('statistics.import.commitNote', checked.result)}
                    okText={t('statistics.import.commit')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => send(checked.file, false)}
                    disabled={!reasonOk}
                    okButtonProps={{ 'data-testid': 'stat-import-commit-ok' }}
                  >
                    <Button type="primary" icon={<CheckOutlined />} loading={!!busy} disabled={!reasonOk} data-testid="stat-import-commit">
                      {t('statistics.import.commit')}
                    </Button>
                  </Popconfirm>
                  <Button type="link" size="small" onClick={restart} disabled={!!busy} data-testid="stat-import-cancel">
                    {t('statistics.import.cancel')}
                  </Button>
                </Space>
              }
            />
          )}
        </Card>
      ) : rejected ? (
        <Card title={t('statistics.import.rejectedTitle')} extra={<Typography.Text type="secondary">{rejected.fileName}</Typography.Text>} data-testid="stat-import-rejected">
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={<span data-testid="stat-import-nothing-stored">{t('statistics.import.nothingStored')}</span>}
            description={
              <>
                <div>{rejected.message}</div>
                <div>{t('statistics.import.fixAndRetry')}</div>
              </>
            }
          />
          <div style={{ marginBottom: 16 }}>{uploader}</div>
          <ProblemsTable problems={rejected.problems} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('statistics.import.rulesTitle')} style={{ height: '100%' }}>
              <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }} data-testid="stat-import-rules">
                <li>{t('statistics.import.ruleTemplate')}</li>
                <li>{t('statistics.import.ruleYtd', { label: periodLabel(period) })}</li>
                <li>{t('statistics.import.ruleDerived')}</li>
                <li>{t('statistics.import.ruleReplace')}</li>
                <li>{t('statistics.import.ruleDryRun')}</li>
                <li>{t('statistics.import.ruleFile')}</li>
              </ul>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('statistics.import.uploadTitle')} style={{ height: '100%' }}>
              {uploader}
            </Card>
          </Col>
        </Row>
      )}
    </Page>
  );
}
