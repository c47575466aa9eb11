import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { FullPageSpin } from '../auth/guards';
import { safeNext } from '../auth/safeNext';
import { LanguageSwitch } from '../layout/HeaderActions';
import { Logo } from '../layout/Logo';

type Values = { username: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const { user, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    document.title = `${t('auth.login')} · ${t('app.name')}`;
  }, [t]);

  if (user === undefined) return <FullPageSpin />;
  if (user && !submitting) return <Navigate to={user.mustChangePassword ? '/change-password' : next} replace />;

  const onFinish = async (v: Values) => {
    setError(null);
    setSubmitting(true);
    try {
      const u = await signIn(v.username.trim(), v.password);
      navigate(u.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('common.unknownError'));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="zy-login">
      <div className="zy-login-lang">
        <LanguageSwitch />
      </div>
      <Card className="zy-login-card" variant="borderless">
        <div className="zy-login-brand">
          <Logo />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
              {t('app.fullName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
          </div>
        </div>
        {params.get('expired') && !error && <Alert type="info" showIcon message={t('auth.sessionExpired')} style={{ marginBottom: 16 }} data-testid="login-expired" />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form" aria-label={t('auth.login')}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" maxLength={64} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" maxLength={256} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="zy-login-foot">
        {t('auth.footer')}
      </Typography.Text>
    </div>
  );
}
