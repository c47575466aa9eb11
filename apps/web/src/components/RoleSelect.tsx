import { roleCodes, roleSetProblem, type RoleCode } from '@zhiyuan/core';
import { Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useLanguage } from '../i18n/LanguageContext';

type Props = { value?: RoleCode[]; onChange?: (v: RoleCode[]) => void; id?: string; 'data-testid'?: string; options?: readonly RoleCode[] };

export function RoleSelect({ value, onChange, id, options = roleCodes, ...rest }: Props) {
  const { roleName } = useLanguage();
  return (
    <Select<RoleCode[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options.map((r) => ({ value: r, label: roleName(r) }))}
      optionFilterProp="label"
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}

/** At least one role, and 三权分立: an administrator role stands alone (same rule as the server). */
export function roleSetRule(t: TFunction): Rule {
  return {
    validator: (_r, value: RoleCode[] | undefined) => {
      const roles = value ?? [];
      if (roles.length === 0) return Promise.reject(new Error(t('users.rolesRequired')));
      return roleSetProblem(roles) ? Promise.reject(new Error(t('users.rolesSeparation'))) : Promise.resolve();
    },
  };
}
