import { ArrowRightOutlined } from '@ant-design/icons';
import { keyEnterpriseFields, type ChangeRequest } from '@zhiyuan/core';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldValueText } from '../../lib/enterpriseValues';

export const changeStatusColor = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

/** The requested key-field changes, one line each: 字段：原值 → 新值 (park ids and industry codes by name). */
export function ChangeLines({ request, parkName }: { request: Pick<ChangeRequest, 'changes' | 'before'>; parkName?: (id: string) => string }) {
  const { t } = useTranslation();
  const known = keyEnterpriseFields.filter((k) => k in request.changes);
  const other = Object.keys(request.changes).filter((k) => !(keyEnterpriseFields as readonly string[]).includes(k));
  return (
    <Space direction="vertical" size={2} data-testid="change-lines">
      {[...known, ...other].map((field) => (
        <span key={field}>
          <Typography.Text type="secondary">
            {t(`enterpriseAdmin.field.${field}`, { defaultValue: field })}
            {t('enterpriseAdmin.colon')}
          </Typography.Text>
          <Typography.Text delete>{fieldValueText(field, request.before[field], { t, parkName })}</Typography.Text>
          <ArrowRightOutlined style={{ margin: '0 6px', color: '#8c8c8c' }} />
          <Typography.Text strong>{fieldValueText(field, request.changes[field], { t, parkName })}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
