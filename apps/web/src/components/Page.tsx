import { PageContainer } from '@ant-design/pro-components';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { title: string; subTitle?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string };

/** Every page: a title (data-testid="page-title"), the browser tab title, and the content. */
export function Page({ title, subTitle, extra, children, testId }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <PageContainer
      header={{ breadcrumb: {} }}
      title={
        <h1 data-testid="page-title" className="zy-page-title">
          {title}
        </h1>
      }
      subTitle={subTitle}
      extra={extra}
      data-testid={testId}
    >
      {children}
    </PageContainer>
  );
}
