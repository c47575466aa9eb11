import { Button, Empty, Typography } from 'antd';

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
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid={`${testId}-empty`}
      description={
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
    </Empty>
  );
}
