import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Props = { message?: string; backTo?: string; backLabel?: string };

/** 404: an unknown address, or a record that does not exist or is outside the caller's scope (then back to its list). */
export function NotFoundPage({ message, backTo = '/', backLabel }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `404 · ${t('app.name')}`;
  }, [t]);
  return (
    <Result
      status="404"
      title={<span data-testid="page-title">404</span>}
      subTitle={<span data-testid="not-found">{message ?? t('errors.notFound')}</span>}
      extra={
        <Link to={backTo}>
          <Button type="primary">{backLabel ?? t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}
