import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ForbiddenPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `403 · ${t('app.name')}`;
  }, [t]);
  return (
    <Result
      status="403"
      title={<span data-testid="page-title">403</span>}
      subTitle={<span data-testid="forbidden">{t('errors.forbidden')}</span>}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}
