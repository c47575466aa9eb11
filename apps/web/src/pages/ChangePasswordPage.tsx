import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../api/auth';
import { ApiError } from '../api/client';
import { useAuth, useUser } from '../auth/AuthContext';
import { safeNext } from '../auth/safeNext';
import { LanguageSwitch, SignOutButton } from '../layout/HeaderActions';
import { applyFieldErrors } from '../lib/errors';
import { Page } from '../components/Page';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Own password change; while `mustChangePassword` it is the only page the user can reach. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ message: string; items: string[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const forced = user.mustChangePassword;

  const onFinish = async (v: Values) => {
    setError(null);
    setSubmitting(true);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      void message.success(t('password.changed'));
      await refresh();
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        applyFieldErrors(form, e, { password: 'newPassword' });
        setError({ message: e.message, items: e.fieldErrors.map((f) => f.message) });
      } else setError({ message: t('common.unknownError'), items: [] });
    } finally {
      setSubmitting(false);
    }
  };

  const body = (
    <Card style={{ maxWidth: 480, width: '100%' }} variant={forced ? 'borderless' : 'outlined'}>
      {forced && (
        <Typography.Title level={3} data-testid="page-title">
          {t('password.title')}
        </Typography.Title>
      )}
      {forced && <Alert type="warning" showIcon message={t('password.mustChange')} style={{ marginBottom: 16 }} data-testid="must-change-notice" />}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="password-error"
          message={error.message}
          description={error.items.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{error.items.map((m) => <li key={m}>{m}</li>)}</ul> : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="change-password-form">
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus data-testid="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.hint')} rules={[{ required: true, message: t('password.newRequired') }]}>
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_r, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="change-password-submit">
            {t('password.submit')}
          </Button>
          {!forced && <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>}
        </Space>
      </Form>
    </Card>
  );

  if (!forced) return <Page title={t('password.title')}>{body}</Page>;
  return (
    <div className="zy-login">
      <div className="zy-login-lang">
        <LanguageSwitch />
        <SignOutButton />
      </div>
      {body}
    </div>
  );
}
