import { Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a table's empty text needs to know of its query. */
type ListQuery = { isLoading: boolean; isError: boolean; data?: unknown; refetch: () => unknown };

/**
 * A table's empty text by the state of its query: blank during the first load (the table's spinner
 * shows), a reload after a failed one (it is not "nothing yet"), else `empty`.
 */
export function emptyText(query: ListQuery, empty: ReactNode): ReactNode {
  if (query.isLoading) return ' ';
  if (query.isError && query.data === undefined) return <LoadFailed onReload={() => void query.refetch()} />;
  return empty;
}

/** A list that could not be loaded (the error itself was shown as a message), with a way to try again. */
function LoadFailed({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.loadFailed')} data-testid="list-load-failed">
      <Button onClick={onReload} data-testid="list-reload">
        {t('common.reload')}
      </Button>
    </Empty>
  );
}

/** An empty table or card: the text says what would be here. */
export function NoRows({ text, testId, children }: { text: ReactNode; testId?: string; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} data-testid={testId}>
      {children}
    </Empty>
  );
}

type Props = {
  /** Whether a search is on: then the text says nothing matched and offers to clear it. */
  filtered: boolean;
  empty: string;
  emptyFiltered: string;
  hint: string;
  clearLabel: string;
  onClear: () => void;
  /** `${testId}-empty`, `${testId}-clear-filters`. */
  testId: string;
};

/** A searched list's empty table: nothing yet, or nothing that matches the search (with a way out). */
export function ListEmpty({ filtered, empty, emptyFiltered, hint, clearLabel, onClear, testId }: Props) {
  return (
    <NoRows
      testId={`${testId}-empty`}
      text={
        <>
          <div>{filtered ? emptyFiltered : empty}</div>
          <Typography.Text type="secondary">{hint}</Typography.Text>
        </>
      }
    >
      {filtered && (
        <Button onClick={onClear} data-testid={`${testId}-clear-filters`}>
          {clearLabel}
        </Button>
      )}
    </NoRows>
  );
}
