import type { RoleCode, User } from '@zhiyuan/core';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/users';
import { FormModal } from '../../components/FormModal';
import { RoleSelect, roleSetRule } from '../../components/RoleSelect';

type Props = { user: User | null; onClose: () => void; onSaved: (u: User) => void };

export function UserRolesModal({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<{ roles: RoleCode[] }>
      open={!!user}
      title={t('users.rolesTitle', { name: user?.username })}
      onClose={onClose}
      onSubmit={async (v) => onSaved(await usersApi.setRoles(user!.id, v.roles))}
      initialValues={{ roles: user?.roles ?? [] }}
      testId="user-roles-form"
    >
      <Alert type="info" showIcon message={t('users.separationNote')} style={{ marginBottom: 16 }} />
      <Form.Item name="roles" label={t('users.roles')} rules={[roleSetRule(t)]}>
        <RoleSelect data-testid="user-roles" />
      </Form.Item>
    </FormModal>
  );
}
