import type { Department } from '@zhiyuan/core';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { departmentsApi } from '../../api/parks';
import { useAuth } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { UserSelect } from '../../components/UserSelect';
import { blankToUndefined } from '../../lib/rules';

type Values = { name: string; parkId: string; headUserId?: string; phone?: string };
type Props = { open: boolean; department?: Department; onClose: () => void; onSaved: (d: Department) => void };

export function DepartmentFormModal({ open, department, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const submit = async (v: Values) => {
    const body = { name: v.name.trim(), headUserId: v.headUserId || undefined, phone: blankToUndefined(v.phone) };
    onSaved(department ? await departmentsApi.update(department.id, body) : await departmentsApi.create({ ...body, parkId: v.parkId }));
  };
  return (
    <FormModal<Values>
      open={open}
      title={department ? t('departments.editTitle', { name: department.name }) : t('departments.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      testId="department-form"
      initialValues={department ? { name: department.name, parkId: department.parkId, headUserId: department.headUserId ?? undefined, phone: department.phone ?? '' } : {}}
    >
      <Form.Item name="name" label={t('departments.name')} rules={[{ required: true, whitespace: true, message: t('departments.nameRequired') }]}>
        <Input maxLength={64} data-testid="department-name" />
      </Form.Item>
      <Form.Item name="parkId" label={t('departments.park')} rules={[{ required: true, message: t('departments.parkRequired') }]} extra={department ? t('departments.parkFixed') : undefined}>
        <ParkTreeSelect disabled={!!department} data-testid="department-park" />
      </Form.Item>
      {can('user.read') && (
        <Form.Item name="headUserId" label={t('departments.head')}>
          <UserSelect data-testid="department-head" />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('departments.phone')}>
        <Input maxLength={32} data-testid="department-phone" />
      </Form.Item>
    </FormModal>
  );
}
