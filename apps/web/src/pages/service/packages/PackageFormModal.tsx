import { ArrowDownOutlined, ArrowUpOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ServicePackage } from '@zhiyuan/core';
import { Alert, Button, Form, Input, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { servicePackagesApi } from '../../../api/servicePackages';
import { FormModal } from '../../../components/FormModal';

type ItemValue = { id?: string; name?: string; description?: string };
type Values = { name: string; description?: string; items: ItemValue[] };

const maxItems = 50;

/** A package and its items (the order of the list is the order shown); an item left out is deactivated, its progress kept. */
export function PackageFormModal({ open, pkg, onClose, onSaved }: { open: boolean; pkg?: ServicePackage; onClose: () => void; onSaved: (p: ServicePackage) => void }) {
  const { t } = useTranslation();
  const items = (pkg?.items ?? []).filter((i) => i.active).sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <FormModal<Values>
      open={open}
      width={720}
      title={pkg ? t('packages.form.editTitle', { name: pkg.name }) : t('packages.form.createTitle')}
      onClose={onClose}
      testId="package-form"
      initialValues={{
        name: pkg?.name,
        description: pkg?.description ?? undefined,
        items: pkg ? items.map((i) => ({ id: i.id, name: i.name, description: i.description ?? undefined })) : [{ name: '' }],
      }}
      onSubmit={async (v) => {
        const list = v.items.map((i) => ({ ...(i.id ? { id: i.id } : {}), name: (i.name ?? '').trim(), ...(i.description?.trim() ? { description: i.description.trim() } : {}) }));
        const description = v.description?.trim();
        onSaved(
          pkg
            ? await servicePackagesApi.update(pkg.id, { name: v.name.trim(), description: description || null, items: list })
            : await servicePackagesApi.create({ name: v.name.trim(), ...(description ? { description } : {}), items: list.map(({ name, description: d }) => ({ name, ...(d ? { description: d } : {}) })) }),
        );
      }}
    >
      <Form.Item name="name" label={t('packages.field.name')} rules={[{ required: true, whitespace: true, message: t('packages.required.name') }, { max: 50 }]}>
        <Input showCount maxLength={50} data-testid="package-name" />
      </Form.Item>
      <Form.Item name="description" label={t('packages.field.description')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} showCount maxLength={1000} data-testid="package-description" />
      </Form.Item>
      {pkg && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('packages.form.itemsNote')} />}
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_r, value: unknown[] | undefined) => {
              if (!value || value.length < 1) throw new Error(t('packages.required.items'));
            },
          },
        ]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <Form.Item label={t('packages.field.items')} required>
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }} data-testid={`package-item-${i}`}>
                  <Space.Compact style={{ flex: 1 }}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('packages.required.itemName') }, { max: 50 }]} style={{ marginBottom: 0, width: '40%' }}>
                      <Input placeholder={t('packages.placeholder.itemName', { n: i + 1 })} maxLength={50} aria-label={t('packages.itemN', { n: i + 1 })} data-testid={`package-item-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'description']} rules={[{ max: 500 }]} style={{ marginBottom: 0, width: '60%' }}>
                      <Input placeholder={t('packages.placeholder.itemDescription')} maxLength={500} aria-label={t('packages.itemDescriptionN', { n: i + 1 })} />
                    </Form.Item>
                  </Space.Compact>
                  <Space size={0}>
                    <Tooltip title={t('packages.form.up')}>
                      <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('packages.form.up')} />
                    </Tooltip>
                    <Tooltip title={t('packages.form.down')}>
                      <Button type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('packages.form.down')} />
                    </Tooltip>
                    <Tooltip title={t('packages.form.remove')}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('packages.form.remove')} data-testid={`package-item-remove-${i}`} />
                    </Tooltip>
                  </Space>
                </div>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= maxItems} onClick={() => add({ name: '' })} data-testid="package-item-add">
                {t('packages.form.addItem')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Space>
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
