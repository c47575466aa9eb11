import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { workOrderAttachmentLimits, workOrderAttachmentTypes } from '@zhiyuan/core';
import { App, Button, List, Typography, Upload, type UploadFile } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { workOrdersApi, type AttachmentUpload, type WorkOrderAttachment } from '../../api/workOrders';
import { formatDateTime } from '../../lib/format';

const accept = workOrderAttachmentTypes.map((x) => `.${x.ext}`).join(',') + ',.jpeg';
const allowedExt = new Set([...workOrderAttachmentTypes.map((x) => x.ext as string), 'jpeg']);
const maxMiB = workOrderAttachmentLimits.maxBytes / 1024 / 1024;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The form value of an upload field: antd's file list, each done file carrying the server's answer. */
export type UploadValue = UploadFile<AttachmentUpload>[];

/** The ids of the files uploaded (what a create or an action links). */
export function uploadedIds(value: UploadValue | undefined): string[] | undefined {
  const ids = (value ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));
  return ids.length ? ids : undefined;
}

/** A form rule: no submit while a file is still uploading or one failed. */
export function uploadsSettledRule(t: TFunction): Rule {
  return {
    validator: (_r, value: UploadValue | undefined) => {
      if ((value ?? []).some((f) => f.status === 'uploading')) return Promise.reject(new Error(t('workOrders.attachments.stillUploading')));
      if ((value ?? []).some((f) => f.status === 'error')) return Promise.reject(new Error(t('workOrders.attachments.removeFailed')));
      return Promise.resolve();
    },
  };
}

type Props = { value?: UploadValue; onChange?: (v: UploadValue) => void; id?: string; 'data-testid'?: string; max?: number };

/**
 * Uploads each file as soon as it is picked (POST /work-order-attachments); the server checks the
 * type by content and the size (its message is shown on the file). Checked here first by name and
 * size so that a wrong file fails at once.
 */
export function AttachmentUploader({ value, onChange, id, max = 10, ...rest }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const files = value ?? [];
  /** A file refused before upload: not listed, and the reason shown. */
  const reject = (name: string, why: string) => {
    void message.error(`${name}：${why}`);
    return Upload.LIST_IGNORE;
  };
  return (
    <div data-testid={rest['data-testid']}>
      <Upload<AttachmentUpload>
        id={id}
        accept={accept}
        multiple
        fileList={files}
        maxCount={max}
        // A file the server refused leaves the list at once (its reason was shown as a message).
        onChange={({ fileList }) => onChange?.(fileList.filter((f) => f.status !== 'error'))}
        beforeUpload={(file) => {
          const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
          if (!allowedExt.has(ext)) return reject(file.name, t('workOrders.attachments.badType'));
          if (file.size > workOrderAttachmentLimits.maxBytes) return reject(file.name, t('workOrders.attachments.tooLarge', { max: maxMiB }));
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          workOrdersApi
            .upload(file as File)
            .then((res) => onSuccess?.(res))
            .catch((e: unknown) => {
              // The server's reason (too large, a type not allowed by content) shows at once and on the file.
              const why = e instanceof ApiError ? e.message : t('common.unknownError');
              void message.error(`${(file as File).name}：${why}`);
              onError?.(new Error(why), why as unknown as AttachmentUpload);
            });
        }}
        showUploadList={{ showRemoveIcon: true, showDownloadIcon: false }}
      >
        <Button icon={<UploadOutlined />} disabled={files.length >= max} data-testid="attachment-pick">
          {t('workOrders.attachments.pick')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
        {t('workOrders.attachments.hint', { types: workOrderAttachmentTypes.map((x) => x.ext).join('、'), max: maxMiB, count: max })}
      </Typography.Text>
    </div>
  );
}

/** Files with a download link each (sent as attachments with the stored type). */
export function AttachmentList({ items, compact, testId }: { items: readonly WorkOrderAttachment[]; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  if (compact) {
    return (
      <div data-testid={testId} style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
        {items.map((a) => (
          <a key={a.id} href={workOrdersApi.attachmentUrl(a.id)} download={a.fileName} data-testid="attachment-link">
            <PaperClipOutlined /> {a.fileName} <Typography.Text type="secondary">({formatSize(a.size)})</Typography.Text>
          </a>
        ))}
      </div>
    );
  }
  return (
    <List
      size="small"
      dataSource={items as WorkOrderAttachment[]}
      data-testid={testId}
      renderItem={(a) => (
        <List.Item
          actions={[
            <a key="dl" href={workOrdersApi.attachmentUrl(a.id)} download={a.fileName} aria-label={t('workOrders.attachments.download', { name: a.fileName })}>
              <DownloadOutlined />
            </a>,
          ]}
        >
          <List.Item.Meta
            avatar={<PaperClipOutlined />}
            title={
              <a href={workOrdersApi.attachmentUrl(a.id)} download={a.fileName} data-testid="attachment-link">
                {a.fileName}
              </a>
            }
            description={`${formatSize(a.size)} · ${a.uploadedByName ?? '—'} · ${formatDateTime(a.uploadedAt, 'minute')}`}
          />
        </List.Item>
      )}
    />
  );
}
