import { securitySettings, type SecuritySettings } from '@zhiyuan/core';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { securityApi, useSecuritySettings } from '../../api/security';
import { useAuth } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { useShowError } from '../../lib/errors';

type Key = keyof SecuritySettings;

const sections: { key: string; fields: Key[] }[] = [
  { key: 'password', fields: ['passwordMinLength', 'passwordMinClasses', 'passwordHistory', 'passwordExpiryDays'] },
  { key: 'lockout', fields: ['lockoutThreshold', 'lockoutMinutes'] },
  { key: 'session', fields: ['idleTimeoutMinutes', 'absoluteTimeoutHours'] },
];

/** Two starting points of DESIGN.md §4a; the admin can adjust any field afterwards. */
const presets: Record<'dengbao' | 'asvs', Partial<SecuritySettings>> = {
  dengbao: { passwordMinLength: 10, passwordMinClasses: 3 },
  asvs: { passwordMinLength: 12, passwordMinClasses: 1, passwordExpiryDays: 0 },
};

export function SecurityPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const settings = useSecuritySettings();
  const [form] = Form.useForm<SecuritySettings>();
  const [saving, setSaving] = useState(false);
  const writable = can('security.write');

  useEffect(() => {
    if (settings.error) showError(settings.error);
  }, [settings.error, showError]);

  const onFinish = async (v: SecuritySettings) => {
    setSaving(true);
    try {
      const saved = await securityApi.update(v);
      queryClient.setQueryData(['security-settings'], saved);
      void message.success(t('common.saved'));
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title={t('nav.security')}>
      {!writable && <Alert type="info" showIcon message={t('security.readOnly')} style={{ marginBottom: 16 }} />}
      {!settings.data ? (
        <Spin spinning={settings.isLoading} style={{ display: 'block', padding: 48 }} />
      ) : (
        <Form<SecuritySettings> form={form} layout="vertical" initialValues={settings.data} onFinish={onFinish} disabled={!writable} data-testid="security-form">
          <Row gutter={16}>
            {sections.map((s) => (
              <Col key={s.key} xs={24} xl={8}>
                <Card title={t(`security.section.${s.key}`)} size="small" style={{ marginBottom: 16 }}>
                  {s.fields.map((f) => {
                    const schema = securitySettings.shape[f];
                    return (
                      <Form.Item
                        key={f}
                        name={f}
                        label={t(`security.field.${f}`)}
                        extra={t(`security.help.${f}`)}
                        rules={[{ required: true, type: 'integer', min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined, message: t('security.range', { min: schema.minValue, max: schema.maxValue }) }]}
                      >
                        <InputNumber min={schema.minValue ?? undefined} max={schema.maxValue ?? undefined} precision={0} style={{ width: '100%' }} data-testid={`security-${f}`} />
                      </Form.Item>
                    );
                  })}
                </Card>
              </Col>
            ))}
          </Row>
          {writable && (
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="security-save">
                {t('common.save')}
              </Button>
              <Button onClick={() => settings.data && form.setFieldsValue(settings.data)}>{t('common.reset')}</Button>
              <Button onClick={() => form.setFieldsValue(presets.dengbao)} data-testid="preset-dengbao">
                {t('security.presetDengbao')}
              </Button>
              <Button onClick={() => form.setFieldsValue(presets.asvs)} data-testid="preset-asvs">
                {t('security.presetAsvs')}
              </Button>
            </Space>
          )}
        </Form>
      )}
    </Page>
  );
}
