import { visitClasses, visitIntervalLimits, type VisitClass } from '@zhiyuan/core';
import { App, Button, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitFrequencyRules, useVisitInvalidation, visitsApi, type VisitFrequencyRule } from '../../../api/visits';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { rowTestId } from '../../../lib/table';
import { useServiceLabels } from '../common/labels';

/** 走访频次: days between visits per enterprise class (workOrder.configure); each row saved on its own. */
export function FrequencyRulesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useServiceLabels();
  const showError = useShowError();
  const invalidate = useVisitInvalidation();
  const rules = useVisitFrequencyRules(open);
  const [draft, setDraft] = useState<Partial<Record<VisitClass, number | null>>>({});
  const [saving, setSaving] = useState<VisitClass | null>(null);

  useEffect(() => {
    if (open) setDraft({});
  }, [open]);
  useEffect(() => {
    if (rules.error) showError(rules.error);
  }, [rules.error, showError]);

  const byClass = new Map((rules.data?.items ?? []).map((r) => [r.class, r]));
  const rows = visitClasses.map((c) => byClass.get(c) ?? { class: c, intervalDays: 0, updatedAt: null });

  const save = async (r: VisitFrequencyRule) => {
    const days = draft[r.class];
    if (days == null) return;
    setSaving(r.class);
    try {
      await visitsApi.updateFrequencyRule(r.class, { intervalDays: days });
      void message.success(t('visits.frequency.saved', { cls: labels.visitClass(r.class), days }));
      setDraft((d) => ({ ...d, [r.class]: undefined }));
      await Promise.all([rules.refetch(), invalidate()]);
    } catch (e) {
      showError(e);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} title={t('visits.frequency.title')} footer={<Button onClick={onClose}>{t('common.close')}</Button>} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('visits.frequency.note', { min: visitIntervalLimits.min, max: visitIntervalLimits.max })}</Typography.Paragraph>
      <Table<VisitFrequencyRule>
        size="small"
        rowKey="class"
        loading={rules.isLoading}
        dataSource={rows}
        pagination={false}
        onRow={(r) => rowTestId('frequency', r.class)}
        columns={[
          { key: 'class', title: t('visits.frequency.class'), render: (_, r) => labels.visitClass(r.class) },
          {
            key: 'days',
            title: t('visits.frequency.interval'),
            width: 220,
            render: (_, r) => {
              const value = draft[r.class] !== undefined ? draft[r.class] : r.intervalDays;
              const changed = draft[r.class] != null && draft[r.class] !== r.intervalDays;
              return (
                <Space>
                  <InputNumber<number>
                    min={visitIntervalLimits.min}
                    max={visitIntervalLimits.max}
                    precision={0}
                    value={value ?? null}
                    onChange={(v) => setDraft((d) => ({ ...d, [r.class]: v }))}
                    onPressEnter={() => changed && void save(r)}
                    addonAfter={t('visits.frequency.days')}
                    style={{ width: 130 }}
                    aria-label={t('visits.frequency.intervalOf', { cls: labels.visitClass(r.class) })}
                    data-testid={`frequency-days-${r.class}`}
                  />
                  <Button type="primary" size="small" disabled={!changed} loading={saving === r.class} onClick={() => void save(r)} data-testid={`frequency-save-${r.class}`}>
                    {t('common.save')}
                  </Button>
                </Space>
              );
            },
          },
          { key: 'updatedAt', title: t('visits.frequency.updatedAt'), width: 150, render: (_, r) => formatDateTime(r.updatedAt, 'minute') },
        ]}
      />
    </Modal>
  );
}
