import { createUserRequest, updateUserRequest, type RoleCode, type User } from '@zhiyuan/core';
import { Form, Input, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/users';
import { FormModal } from '../../components/FormModal';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { RoleSelect, roleSetRule } from '../../components/RoleSelect';
import { blankToUndefined, schemaRule } from '../../lib/rules';
import { DepartmentInParksSelect } from '../../components/DepartmentSelect';

type Values = {
  username: string;
  displayName: string;
  password: string;
  roles: RoleCode[];
  parkIds?: string[];
  enterpriseId?: string;
  departmentId?: string;
  mobile?: string;
  email?: string;
  mustChangePassword: boolean;
};

type Props = { open: boolean; user?: User; onClose: () => void; onSaved: (u: User) => void };

/** New user (all fields) or edit (profile and scope; roles have their own dialog). */
export function UserFormModal({ open, user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const editing = !!user;

  const submit = async (v: Values) => {
    const staff = (user ? user.roles : v.roles).includes('department_staff');
    const common = {
      displayName: v.displayName.trim(),
      parkIds: v.parkIds ?? [],
    };
    if (user) {
      const saved = await usersApi.update(user.id, {
        ...common,
        mobile: blankToUndefined(v.mobile) ?? null,
        email: blankToUndefined(v.email) ?? null,
        enterpriseId: blankToUndefined(v.enterpriseId) ?? null,
        ...(staff ? { departmentId: v.departmentId ?? null } : {}),
      });
      onSaved(saved);
    } else {
      const saved = await usersApi.create({
        ...common,
        username: v.username.trim(),
        password: v.password,
        roles: v.roles,
        mobile: blankToUndefined(v.mobile),
        email: blankToUndefined(v.email),
        enterpriseId: blankToUndefined(v.enterpriseId),
        departmentId: staff ? v.departmentId : undefined,
        mustChangePassword: v.mustChangePassword,
      });
      onSaved(saved);
    }
  };

  return (
    <FormModal<Values>
      open={open}
      title={editing ? t('users.editTitle', { name: user?.username }) : t('users.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      testId="user-form"
      width={640}
      initialValues={
        user
          ? {
              displayName: user.displayName,
              mobile: user.mobile ?? '',
              email: user.email ?? '',
              parkIds: user.parkIds,
              enterpriseId: user.enterpriseId ?? '',
              departmentId: user.departmentId ?? undefined,
            }
          : { mustChangePassword: true, roles: [], parkIds: [] }
      }
    >
      {!editing && (
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHint')}
          rules={[{ required: true, message: t('users.usernameRequired') }, schemaRule(createUserRequest.shape.username, t('users.usernameInvalid'))]}
        >
          <Input autoComplete="off" data-testid="user-username" maxLength={32} />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
        <Input data-testid="user-displayName" maxLength={64} />
      </Form.Item>
      {!editing && (
        <>
          <Form.Item name="password" label={t('users.initialPassword')} extra={t('password.hint')} rules={[{ required: true, message: t('password.newRequired') }]}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
          <Form.Item name="mustChangePassword" label={t('users.mustChangePassword')} valuePropName="checked">
            <Switch data-testid="user-mustChange" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[roleSetRule(t)]} extra={t('users.rolesHint')}>
            <RoleSelect data-testid="user-roles" />
          </Form.Item>
        </>
      )}
      <Form.Item name="parkIds" label={t('users.parks')} extra={t('users.parksHint')}>
        <ParkTreeSelect multiple data-testid="user-parks" />
      </Form.Item>
      <Form.Item noStyle dependencies={['roles']}>
        {({ getFieldValue }) =>
          (user ? user.roles : ((getFieldValue('roles') as RoleCode[] | undefined) ?? [])).includes('enterprise') ? (
            <Form.Item name="enterpriseId" label={t('users.enterpriseId')} rules={[schemaRule(updateUserRequest.shape.enterpriseId, t('users.enterpriseIdInvalid'))]}>
              <Input data-testid="user-enterpriseId" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item noStyle dependencies={['roles', 'parkIds']}>
        {({ getFieldValue }) =>
          (user ? user.roles : ((getFieldValue('roles') as RoleCode[] | undefined) ?? [])).includes('department_staff') ? (
            <Form.Item name="departmentId" label={t('users.department')} extra={t('users.departmentHint')} rules={[{ required: true, message: t('users.departmentRequired') }]}>
              <DepartmentInParksSelect parkIds={(getFieldValue('parkIds') as string[] | undefined) ?? []} data-testid="user-department" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="mobile" label={t('users.mobile')} rules={[schemaRule(createUserRequest.shape.mobile, t('users.mobileInvalid'))]}>
        <Input data-testid="user-mobile" maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')} rules={[schemaRule(createUserRequest.shape.email, t('users.emailInvalid'))]}>
        <Input data-testid="user-email" type="email" maxLength={128} />
      </Form.Item>
      {editing && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('users.editNote')}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
