import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceApi } from '../../api/reference';
import type { UsccResponse } from '../../api/types';
import { useShowError } from '../../lib/errors';

/** Checks a 统一社会信用代码 (GB 32100-2015) on the server and explains what is wrong. */
export function UsccChecker() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [result, setResult] = useState<{ code: string; res: UsccResponse } | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ code }: { code: string }) => {
    const c = code.trim().toUpperCase();
    setBusy(true);
    try {
      setResult({ code: c, res: await referenceApi.uscc(c) });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const bad = new Set((result?.res.errors ?? []).map((e) => e.position).filter((p): p is number => typeof p === 'number'));

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('reference.usccIntro')}</Typography.Paragraph>
      <Form layout="inline" onFinish={onFinish} data-testid="uscc-form">
        <Form.Item name="code" label={t('reference.usccLabel')} rules={[{ required: true, whitespace: true, message: t('reference.usccRequired') }]}>
          <Input maxLength={64} style={{ width: 280 }}
            className="zy-mono" placeholder="91110108MA01XXXXXX" data-testid="uscc-input" allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="uscc-submit">
          {t('reference.check')}
        </Button>
      </Form>
      {result && (
        <div style={{ marginTop: 16 }} data-testid="uscc-result" data-valid={String(result.res.valid)}>
          <Space align="center" style={{ marginBottom: 12 }}>
            {result.res.valid ? <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} /> : <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 20 }} />}
            <span className="zy-uscc zy-mono" aria-label={result.code}>
              {[...result.code].map((ch, i) => (
                <span key={i} className={bad.has(i + 1) ? 'zy-uscc-bad' : undefined} title={String(i + 1)}>
                  {ch}
                </span>
              ))}
            </span>
            <Typography.Text strong>{result.res.valid ? t('reference.valid') : t('reference.invalid')}</Typography.Text>
          </Space>
          {result.res.errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={
                <List
                  size="small"
                  split={false}
                  dataSource={result.res.errors}
                  renderItem={(e) => (
                    <List.Item style={{ padding: '2px 0' }}>
                      {e.position !== undefined && <Tag style={{ marginInlineEnd: 8 }}>{t('reference.position', { n: e.position })}</Tag>}
                      {e.message}
                      {e.expected && !e.message.includes(e.expected) && <Typography.Text type="secondary">（{t('reference.expected', { value: e.expected })}）</Typography.Text>}
                    </List.Item>
                  )}
                />
              }
            />
          )}
          {result.res.parts && (
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('reference.parts')}>
              {Object.entries(result.res.parts)
                .filter(([k, v]) => k !== 'code' && v !== null && v !== undefined && v !== '')
                .map(([k, v]) => (
                  <Descriptions.Item key={k} label={t(`reference.part.${k}`, { defaultValue: k })}>
                    {typeof v === 'boolean' ? t(v ? 'reference.yes' : 'reference.no') : typeof v === 'object' ? JSON.stringify(v) : String(v)}
                  </Descriptions.Item>
                ))}
            </Descriptions>
          )}
        </div>
      )}
    </Card>
  );
}
