/** What every detail page does before it has its record: a spinner, a 404, or the error shown once. */
import { Spin } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../api/client';
import { useShowError } from '../lib/errors';
import { Page } from './Page';

/** Whether the record is missing (404, or 400 for an id that is no id); any other error is shown. */
export function useMissingRecord(error: unknown): boolean {
  const showError = useShowError();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  useEffect(() => {
    if (error && !missing) showError(error);
  }, [error, missing, showError]);
  return missing;
}

/** The page while its record loads (empty after an error already shown). */
export function PageLoading({ title, loading }: { title: string; loading: boolean }) {
  return (
    <Page title={title}>
      <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>{loading ? <Spin size="large" /> : null}</div>
    </Page>
  );
}
