import { adminRoles, type RoleCode } from '@zhiyuan/core';
import { Space, Tag } from 'antd';
import { useLanguage } from '../i18n/LanguageContext';

export function RoleTags({ roles }: { roles: readonly RoleCode[] }) {
  const { roleName } = useLanguage();
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color={adminRoles.includes(r) ? 'volcano' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {roleName(r)}
        </Tag>
      ))}
    </Space>
  );
}
