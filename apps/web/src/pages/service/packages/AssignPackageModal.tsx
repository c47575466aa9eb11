import type { ServicePackage } from '@zhiyuan/core';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { servicePackagesApi, type AssignServicePackageResult } from '../../../api/servicePackages';
import { FormModal } from '../../../components/FormModal';
import { OfficerSelect } from '../../../components/OfficerSelect';
import { EnterprisePicker } from '../../../components/EnterprisePicker';

type Values = { enterpriseIds: string[]; officerId?: string };

/** Assigns a package to enterprises of the caller's scope; those holding it already are left as they are. */
export function AssignPackageModal({ pkg, onClose, onDone }: { pkg: ServicePackage | null; onClose: () => void; onDone: (r: AssignServicePackageResult) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<Values>
      open={!!pkg}
      title={t('packages.assign.title', { name: pkg?.name ?? '' })}
      okText={t('packages.assign.submit')}
      onClose={onClose}
      testId="package-assign-form"
      onSubmit={async (v) => {
        if (pkg) onDone(await servicePackagesApi.assign(pkg.id, { enterpriseIds: v.enterpriseIds, ...(v.officerId ? { officerId: v.officerId } : {}) }));
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('packages.assign.note', { count: pkg?.items.filter((i) => i.active).length ?? 0 })} />
      <Form.Item
        name="enterpriseIds"
        label={t('packages.assign.enterprises')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('packages.assign.required') },
          { type: 'array', max: 500, message: t('packages.assign.tooMany', { max: 500 }) },
        ]}
      >
        <EnterprisePicker multiple activeOnly data-testid="package-assign-enterprises" />
      </Form.Item>
      <Form.Item name="officerId" label={t('packages.assign.officer')} extra={t('packages.assign.officerHint')}>
        <OfficerSelect placeholder={t('packages.assign.officerPlaceholder')} data-testid="package-assign-officer" />
      </Form.Item>
    </FormModal>
  );
}
