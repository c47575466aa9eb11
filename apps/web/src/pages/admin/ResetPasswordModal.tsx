import type { User } from '@zhiyuan/core';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/users';
import { FormModal } from '../../components/FormModal';

type Values = { password: string; confirm: string };
type Props = { user: User | null; onClose: () => void; onSaved: (u: User) => void };

export function ResetPasswordModal({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      open={!!user}
      title={t('users.resetTitle', { name: user?.username })}
      onClose={onClose}
      onSubmit={async (v) => onSaved(await usersApi.resetPassword(user!.id, v.password))}
      okText={t('users.reset')}
      testId="reset-password-form"
    >
      <Alert type="warning" showIcon message={t('users.resetNote')} style={{ marginBottom: 16 }} />
      <Form.Item name="password" label={t('password.new')} extra={t('password.hint')} rules={[{ required: true, message: t('password.newRequired') }]}>
        <Input.Password autoComplete="new-password" data-testid="reset-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_r, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
      </Form.Item>
    </FormModal>
  );
}
