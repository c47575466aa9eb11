import { DeleteOutlined, DownOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Divider, Empty, Form, Input, List, Popconfirm, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { savedFiltersApi, useEnterpriseInvalidation, useSavedFilters, type SavedFilter } from '../../api/enterprises';
import { FormModal } from '../../components/FormModal';
import { useShowError } from '../../lib/errors';
import { enterpriseListState, type Filters } from './enterpriseFilters';

const { hasFilters, readFilters, validSort } = enterpriseListState;

type Props = {
  filters: Filters;
  sort?: string;
  onApply: (filters: Filters, sort: string | undefined) => void;
};

/** The caller's saved searches of the registry: apply one, save the current one, delete one. */
export function SavedFiltersButton({ filters, sort, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const saved = useSavedFilters('enterprises');
  const invalidate = useEnterpriseInvalidation();
  const [open, setOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  const items = saved.data?.items ?? [];

  const apply = (f: SavedFilter) => {
    setOpen(false);
    onApply(readFilters(f.query), validSort(typeof f.query.sort === 'string' ? f.query.sort : undefined));
    void message.success(t('enterprises.saved.applied', { name: f.name }));
  };

  const remove = async (f: SavedFilter) => {
    try {
      await savedFiltersApi.remove(f.id);
      void message.success(t('enterprises.saved.deleted'));
      void invalidate.savedFilters();
    } catch (e) {
      showError(e);
    }
  };

  const startSave = () => {
    setOpen(false);
    if (!hasFilters(filters)) return void message.info(t('enterprises.saved.nothingToSave'));
    setNaming(true);
  };

  const content = (
    <div style={{ width: 300 }} data-testid="saved-filters-panel">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprises.saved.empty')} style={{ margin: '8px 0' }} />
      ) : (
        <List
          size="small"
          dataSource={items}
          style={{ maxHeight: 320, overflowY: 'auto' }}
          renderItem={(f) => (
            <List.Item
              style={{ paddingInline: 4 }}
              actions={[
                <Popconfirm
                  key="delete"
                  title={t('enterprises.saved.deleteConfirm', { name: f.name })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(f)}
                >
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('enterprises.saved.manage')} data-testid={`saved-filter-delete-${f.name}`} />
                </Popconfirm>,
              ]}
            >
              <Typography.Link onClick={() => apply(f)} ellipsis style={{ maxWidth: 220 }} data-testid={`saved-filter-apply-${f.name}`}>
                {f.name}
              </Typography.Link>
            </List.Item>
          )}
        />
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Button type="link" size="small" onClick={startSave} style={{ paddingInline: 4 }} data-testid="saved-filter-save">
        {t('enterprises.saved.save')}
      </Button>
    </div>
  );

  return (
    <>
      <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" arrow={false}>
        <Button icon={<StarOutlined />} data-testid="enterprise-saved-filters">
          {t('enterprises.saved.button')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Popover>
      <FormModal<{ name: string }>
        open={naming}
        title={t('enterprises.saved.saveTitle')}
        onClose={() => setNaming(false)}
        width={420}
        testId="saved-filter-form"
        onSubmit={async ({ name }) => {
          const query: Record<string, string> = { ...filters } as Record<string, string>;
          if (sort) query.sort = sort;
          const created = await savedFiltersApi.create({ module: 'enterprises', name: name.trim(), query });
          void message.success(t('enterprises.saved.savedOk', { name: created.name }));
          void invalidate.savedFilters();
        }}
      >
        <Form.Item name="name" label={t('enterprises.saved.name')} rules={[{ required: true, whitespace: true, message: t('enterprises.saved.nameRequired') }]}>
          <Input maxLength={40} autoFocus placeholder={t('enterprises.saved.namePlaceholder')} data-testid="saved-filter-name" />
        </Form.Item>
      </FormModal>
    </>
  );
}
