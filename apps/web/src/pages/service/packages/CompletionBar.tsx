import type { PackageAssignment } from '@zhiyuan/core';
import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Done items over all items (in-progress ones as the lighter part); '—' for a package without items. */
export function CompletionBar({ completion, width }: { completion: PackageAssignment['completion']; width?: number }) {
  const { t } = useTranslation();
  if (completion.share == null) return <>—</>;
  const done = Math.round(completion.share * 100);
  const started = completion.total > 0 ? Math.round(((completion.done + completion.inProgress) / completion.total) * 100) : 0;
  return (
    <Tooltip title={t('packages.completion', { done: completion.done, inProgress: completion.inProgress, total: completion.total })}>
      <Progress
        percent={started}
        success={{ percent: done }}
        size="small"
        style={{ width: width ?? 160, marginBottom: 0 }}
        format={() => `${completion.done}/${completion.total}`}
        data-testid="package-completion"
      />
    </Tooltip>
  );
}
