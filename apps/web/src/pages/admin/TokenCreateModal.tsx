import { adminRoles, roleCodes, type RoleCode } from '@zhiyuan/core';
import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { tokensApi } from '../../api/tokens';
import type { CreatedToken } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { RoleSelect, roleSetRule } from '../../components/RoleSelect';

type Values = { name: string; roles: RoleCode[]; parkIds: string[]; expiresAt: Dayjs };
type Props = { open: boolean; onClose: () => void; onCreated: (t: CreatedToken) => void };

/** Integration tokens carry business roles only; administrators sign in themselves. */
const tokenRoles = roleCodes.filter((r) => !adminRoles.includes(r));

export function TokenCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      open={open}
      title={t('tokens.createTitle')}
      onClose={onClose}
      okText={t('common.create')}
      testId="token-form"
      initialValues={{ roles: [], parkIds: [], expiresAt: dayjs().add(90, 'day').endOf('day') }}
      onSubmit={async (v) =>
        onCreated(await tokensApi.create({ name: v.name.trim(), roles: v.roles, parkIds: v.parkIds, expiresAt: v.expiresAt.toISOString() }))
      }
    >
      <Form.Item name="name" label={t('tokens.name')} extra={t('tokens.nameHint')} rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}>
        <Input maxLength={64} data-testid="token-name" />
      </Form.Item>
      <Form.Item name="roles" label={t('tokens.roles')} rules={[roleSetRule(t)]}>
        <RoleSelect options={tokenRoles} data-testid="token-roles" />
      </Form.Item>
      <Form.Item name="parkIds" label={t('tokens.parks')} rules={[{ required: true, type: 'array', min: 1, message: t('tokens.parksRequired') }]}>
        <ParkTreeSelect multiple data-testid="token-parks" />
      </Form.Item>
      <Form.Item name="expiresAt" label={t('tokens.expiresAt')} rules={[{ required: true, message: t('tokens.expiresRequired') }]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(2, 'year'))}
          style={{ width: '100%' }}
          data-testid="token-expires"
        />
      </Form.Item>
    </FormModal>
  );
}
