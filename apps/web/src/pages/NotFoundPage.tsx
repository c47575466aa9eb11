import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `404 · ${t('app.name')}`;
  }, [t]);
  return (
    <Result
      status="404"
      title={<span data-testid="page-title">404</span>}
      subTitle={<span data-testid="not-found">{t('errors.notFound')}</span>}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}
