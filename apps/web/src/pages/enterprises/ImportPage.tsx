import { CloudUploadOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { columnLetter, enterpriseColumns, type ImportProblem } from '@zhiyuan/core';
import { Alert, Button, Card, Col, Result, Row, Space, Spin, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { enterpriseImportApi, useImportPreview, type ImportResult } from '../../api/enterprises';
import { Page } from '../../components/Page';
import { rowTestId } from '../../lib/table';
import { ImportPreviewCard } from './ImportPagePreview';

/** The server's limit (413 above it); checked here first so a huge file is not sent for nothing. */
export const maxImportBytes = 20 * 1024 * 1024;

const columnOrder = (c: string) => {
  const letters = /^[A-Z]+/.exec(c)?.[0] ?? c;
  return letters.length * 1000 + letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
};

/** 422 details → problems sorted by sheet order of appearance, row, then column. */
function problemsOf(err: ApiError): ImportProblem[] {
  const list = err.details.flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { sheet, row, column, message } = d as Partial<ImportProblem>;
    if (typeof message !== 'string') return [];
    return [{ sheet: String(sheet ?? ''), row: typeof row === 'number' ? row : 0, column: String(column ?? ''), message }];
  });
  return list.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
}

type Stage = 'upload' | 'errors' | 'preview' | 'done';

export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const previewId = params.get('preview');
  const preview = useImportPreview(previewId);
  const [uploading, setUploading] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ fileName: string; message: string; items: ImportProblem[] } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const committedEarlier = preview.data?.status === 'committed' && !result;
  const stage: Stage = result || committedEarlier ? 'done' : previewId ? 'preview' : problems ? 'errors' : 'upload';

  const restart = () => {
    setProblems(null);
    setFileError(null);
    setResult(null);
    setParams({}, { replace: false });
  };

  const upload = async (file: File) => {
    setFileError(null);
    if (!/\.xlsx$/i.test(file.name)) return setFileError(t('enterpriseAdmin.import.notXlsx'));
    if (file.size > maxImportBytes) return setFileError(t('enterpriseAdmin.import.tooLarge'));
    setUploading(file.name);
    try {
      const p = await enterpriseImportApi.upload(file);
      queryClient.setQueryData(['enterprise-imports', p.id], p);
      setProblems(null);
      setResult(null);
      setParams({ preview: p.id });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        const items = problemsOf(e);
        if (items.length) {
          setProblems({ fileName: file.name, message: e.message, items });
          setParams({});
          return;
        }
      }
      setProblems(null);
      setFileError(
        e instanceof ApiError
          ? e.status === 413
            ? t('enterpriseAdmin.import.tooLarge')
            : e.message
          : e instanceof Error
            ? e.message
            : t('common.unknownError'),
      );
    } finally {
      setUploading(null);
    }
  };

  /** antd Upload: take the file, never keep it in a list, never let antd post it. */
  const take = (file: File) => {
    void upload(file);
    return Upload.LIST_IGNORE;
  };

  const stepIndex = { upload: 0, errors: 1, preview: 2, done: 3 }[stage];

  return (
    <Page title={t('enterpriseAdmin.nav.import')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={stepIndex}
          status={stage === 'errors' ? 'error' : stage === 'done' ? 'finish' : 'process'}
          items={[
            { title: t('enterpriseAdmin.import.steps.upload') },
            { title: t('enterpriseAdmin.import.steps.check') },
            { title: t('enterpriseAdmin.import.steps.preview') },
            { title: t('enterpriseAdmin.import.steps.done') },
          ]}
          data-testid="import-steps"
        />
      </Card>

      {fileError && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setFileError(null)}
          style={{ marginBottom: 16 }}
          message={t('enterpriseAdmin.import.badFile')}
          description={fileError}
          data-testid="import-file-error"
        />
      )}

      {stage === 'upload' && <UploadStage uploading={uploading} take={take} />}

      {stage === 'errors' && problems && (
        <Card
          title={t('enterpriseAdmin.import.rejectedTitle')}
          extra={<Typography.Text type="secondary">{problems.fileName}</Typography.Text>}
          data-testid="import-rejected"
        >
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={<span data-testid="import-nothing-stored">{t('enterpriseAdmin.import.nothingStored')}</span>}
            description={
              <>
                <div>{problems.message}</div>
                <div>{t('enterpriseAdmin.import.fixAndRetry')}</div>
              </>
            }
            action={
              <Spin spinning={!!uploading} size="small">
                <div data-testid="import-reupload">
                  <Upload accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" showUploadList={false} beforeUpload={take} disabled={!!uploading}>
                    <Button type="primary" icon={<UploadOutlined />} loading={!!uploading}>
                      {t('enterpriseAdmin.import.uploadCorrected')}
                    </Button>
                  </Upload>
                </div>
              </Spin>
            }
          />
          <Table<ImportProblem & { key: number }>
            size="small"
            rowKey="key"
            dataSource={problems.items.map((p, key) => ({ ...p, key }))}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true, showTotal: (n) => t('enterpriseAdmin.import.problemCount', { count: n }) }}
            onRow={(p) => rowTestId('import-error', `${p.row}-${p.column}`)}
            columns={[
              { title: t('enterpriseAdmin.import.sheet'), dataIndex: 'sheet', width: 140, ellipsis: true },
              { title: t('enterpriseAdmin.import.row'), dataIndex: 'row', width: 80, align: 'right', render: (r: number) => (r > 0 ? r : '—') },
              { title: t('enterpriseAdmin.import.col'), dataIndex: 'column', width: 200, render: (c: string) => c || '—' },
              { title: t('enterpriseAdmin.import.problem'), dataIndex: 'message' },
            ]}
            data-testid="import-errors"
          />
          <Typography.Text type="secondary" data-testid="import-error-count">
            {t('enterpriseAdmin.import.problemCount', { count: problems.items.length })}
          </Typography.Text>
        </Card>
      )}

      {stage === 'preview' && previewId && (
        <ImportPreviewCard
          previewId={previewId}
          preview={preview.data}
          loading={preview.isLoading}
          error={preview.error}
          onCommitted={(r) => {
            setResult(r);
            void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
            void queryClient.invalidateQueries({ queryKey: ['enterprise-imports', previewId] });
          }}
          onRestart={restart}
        />
      )}

      {stage === 'done' && <DoneStage result={result ?? preview.data!} earlier={committedEarlier} onRestart={restart} />}
    </Page>
  );
}

function UploadStage({ uploading, take }: { uploading: string | null; take: (file: File) => string }) {
  const { t } = useTranslation();
  const required = enterpriseColumns.filter((c) => c.requiredOnCreate).map((c) => c.header);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('enterpriseAdmin.import.templateTitle')} style={{ height: '100%' }}>
            <Button type="primary" ghost icon={<DownloadOutlined />} href={enterpriseImportApi.templateUrl()} download data-testid="import-template-link">
              {t('enterpriseAdmin.import.templateDownload')}
            </Button>
            <ul style={{ margin: '16px 0 0', paddingInlineStart: 20, lineHeight: 1.9 }} data-testid="import-rules">
              <li>{t('enterpriseAdmin.import.ruleMatch')}</li>
              <li>{t('enterpriseAdmin.import.ruleBlank')}</li>
              <li>{t('enterpriseAdmin.import.ruleRequired', { columns: required.join('、') })}</li>
              <li>{t('enterpriseAdmin.import.ruleFile')}</li>
              <li>{t('enterpriseAdmin.import.ruleAtomic')}</li>
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('enterpriseAdmin.import.uploadTitle')} style={{ height: '100%' }}>
            <Spin spinning={!!uploading} tip={uploading ? t('enterpriseAdmin.import.uploading', { name: uploading }) : undefined}>
              <div data-testid="import-upload">
                <Upload.Dragger
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  multiple={false}
                  maxCount={1}
                  showUploadList={false}
                  beforeUpload={take}
                  disabled={!!uploading}
                >
                  <p className="ant-upload-drag-icon">{uploading ? <CloudUploadOutlined /> : <InboxOutlined />}</p>
                  <p className="ant-upload-text">{t('enterpriseAdmin.import.dragger')}</p>
                  <p className="ant-upload-hint">{t('enterpriseAdmin.import.draggerHint')}</p>
                </Upload.Dragger>
              </div>
            </Spin>
          </Card>
        </Col>
      </Row>
      <Card title={t('enterpriseAdmin.import.columnsTitle')} size="small" style={{ marginTop: 16 }} data-testid="import-columns">
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={enterpriseColumns.map((c, i) => ({ key: c.key, letter: columnLetter(i + 1), header: c.header, required: !!c.requiredOnCreate, hint: c.hint }))}
          columns={[
            { title: t('enterpriseAdmin.import.column'), dataIndex: 'letter', width: 64 },
            {
              title: t('enterpriseAdmin.import.header'),
              dataIndex: 'header',
              width: 220,
              render: (h: string, r: { required: boolean }) => (
                <>
                  {r.required && <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }}>*</span>}
                  {h}
                </>
              ),
            },
            {
              title: t('enterpriseAdmin.import.required'),
              dataIndex: 'required',
              width: 130,
              render: (req: boolean) => (req ? <Tag color="red">{t('enterpriseAdmin.import.requiredYes')}</Tag> : null),
            },
            { title: t('enterpriseAdmin.import.hint'), dataIndex: 'hint', render: (h: string) => h || '—' },
          ]}
        />
      </Card>
    </>
  );
}

function DoneStage({ result, earlier, onRestart }: { result: ImportResult; earlier: boolean; onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nothing = result.created === 0 && result.updated === 0;
  return (
    <Card data-testid="import-result">
      <Result
        status={nothing ? 'info' : 'success'}
        title={nothing ? t('enterpriseAdmin.import.nothingToDo') : earlier ? t('enterpriseAdmin.import.doneEarlier') : t('enterpriseAdmin.import.doneTitle')}
        subTitle={<span data-testid="import-result-summary">{t('enterpriseAdmin.import.doneSummary', result)}</span>}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => navigate('/enterprises')} data-testid="import-back-to-list">
              {t('enterpriseAdmin.import.backToList')}
            </Button>
            <Button onClick={onRestart} data-testid="import-again">
              {t('enterpriseAdmin.import.importAnother')}
            </Button>
          </Space>
        }
      />
    </Card>
  );
}
