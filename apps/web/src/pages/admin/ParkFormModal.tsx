import { createParkRequest, type Park } from '@zhiyuan/core';
import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { parksApi } from '../../api/parks';
import { FormModal } from '../../components/FormModal';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { blankToUndefined, schemaRule } from '../../lib/rules';

type Values = { code: string; name: string; parentId?: string; areaKm2: number; district?: string };
type Props = { open: boolean; park?: Park; defaultParentId?: string; onClose: () => void; onSaved: (p: Park) => void };

export function ParkFormModal({ open, park, defaultParentId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const submit = async (v: Values) => {
    const body = { code: v.code.trim(), name: v.name.trim(), areaKm2: v.areaKm2, district: blankToUndefined(v.district) };
    onSaved(park ? await parksApi.update(park.id, body) : await parksApi.create({ ...body, parentId: v.parentId || undefined }));
  };
  return (
    <FormModal<Values>
      open={open}
      title={park ? t('parks.editTitle', { name: park.name }) : t('parks.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      testId="park-form"
      initialValues={park ? { code: park.code, name: park.name, areaKm2: park.areaKm2, district: park.district ?? '' } : { parentId: defaultParentId }}
    >
      {!park && (
        <Form.Item name="parentId" label={t('parks.parent')} extra={t('parks.parentHint')}>
          <ParkTreeSelect placeholder={t('parks.noParent')} data-testid="park-parent" />
        </Form.Item>
      )}
      <Form.Item
        name="code"
        label={t('parks.code')}
        rules={[{ required: true, message: t('parks.codeRequired') }, schemaRule(createParkRequest.shape.code, t('parks.codeInvalid'))]}
      >
        <Input maxLength={32} data-testid="park-code" />
      </Form.Item>
      <Form.Item name="name" label={t('parks.name')} rules={[{ required: true, whitespace: true, message: t('parks.nameRequired') }]}>
        <Input maxLength={64} data-testid="park-name" />
      </Form.Item>
      <Form.Item
        name="areaKm2"
        label={t('parks.area')}
        rules={[{ required: true, message: t('parks.areaRequired') }, schemaRule(createParkRequest.shape.areaKm2, t('parks.areaInvalid'))]}
      >
        <InputNumber min={0} max={100000} step={0.01} style={{ width: '100%' }} addonAfter="km²" data-testid="park-area" />
      </Form.Item>
      <Form.Item name="district" label={t('parks.district')}>
        <Input maxLength={32} data-testid="park-district" />
      </Form.Item>
    </FormModal>
  );
}
