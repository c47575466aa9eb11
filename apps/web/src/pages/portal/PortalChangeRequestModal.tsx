import { createChangeRequest, findIndustry, industryCodeField, usccField, type KeyEnterpriseField } from '@zhiyuan/core';
import { Alert, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { enterprisesApi, type ChangeRequest, type Enterprise } from '../../api/enterprises';
import { FormModal } from '../../components/FormModal';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { industryText } from '../../lib/enterpriseValues';
import { blankToUndefined, schemaRule } from '../../lib/rules';

type Values = { name?: string; uscc?: string; parkId?: string; industryCode?: string; reason: string };

type Props = {
  enterprise: Enterprise;
  open: boolean;
  /** Whether the parks can be listed (a park picker is offered only then). */
  parksKnown: boolean;
  parkName: (id: string) => string;
  onClose: () => void;
  onSaved: (r: ChangeRequest) => void;
};

/** An industry code typed as digits, with the division it falls in shown underneath. */
function IndustryCodeInput({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const found = value && /^\d{2,4}$/.test(value.trim()) ? findIndustry(value.trim()) : null;
  return (
    <>
      <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} maxLength={4} inputMode="numeric" className="zy-mono" data-testid="portal-request-industry" />
      {found?.division && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {found.division.code} {found.division.nameZh}
        </Typography.Text>
      )}
    </>
  );
}

/** 申请变更关键信息: name, USCC, park and industry change only when park staff approve. */
export function PortalChangeRequestModal({ enterprise, open, parksKnown, parkName, onClose, onSaved }: Props) {
  const { t } = useTranslation();

  const submit = async (v: Values) => {
    const wanted: Partial<Record<KeyEnterpriseField, string | undefined>> = {
      name: blankToUndefined(v.name),
      uscc: blankToUndefined(v.uscc)?.toUpperCase(),
      parkId: v.parkId || undefined,
      industryCode: blankToUndefined(v.industryCode),
    };
    const changes = Object.fromEntries(Object.entries(wanted).filter(([k, val]) => val !== undefined && val !== enterprise[k as KeyEnterpriseField]));
    if (Object.keys(changes).length === 0) throw new Error(t('portal.request.atLeastOne'));
    onSaved(await enterprisesApi.requestChange(enterprise.id, { changes, reason: v.reason.trim() }));
  };

  const current = (text: string) => t('portal.request.current', { value: text });

  return (
    <FormModal<Values>
      open={open}
      title={t('portal.request.title')}
      okText={t('portal.request.submit')}
      onClose={onClose}
      onSubmit={submit}
      width={640}
      testId="portal-request-form"
      pathMap={{ changes: 'name' }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('portal.request.note')}
        description={parksKnown ? undefined : t('portal.request.parkViaStaff')}
      />
      <Form.Item name="name" label={t('enterprises.field.name')} extra={current(enterprise.name)} rules={[{ max: 100 }]}>
        <Input maxLength={100} placeholder={t('portal.request.unchangedPlaceholder')} data-testid="portal-request-name" />
      </Form.Item>
      <Form.Item
        name="uscc"
        label={t('enterprises.field.uscc')}
        extra={current(enterprise.uscc)}
        rules={[schemaRule(usccField, t('portal.request.usccInvalid'))]}
      >
        <Input maxLength={18} className="zy-mono" placeholder={t('portal.request.unchangedPlaceholder')} data-testid="portal-request-uscc" />
      </Form.Item>
      {parksKnown && (
        <Form.Item name="parkId" label={t('enterprises.field.parkId')} extra={current(parkName(enterprise.parkId))}>
          <ParkTreeSelect placeholder={t('portal.request.unchangedPlaceholder')} data-testid="portal-request-park" />
        </Form.Item>
      )}
      <Form.Item
        name="industryCode"
        label={t('enterprises.field.industryCode')}
        extra={current(industryText(enterprise.industryCode))}
        rules={[schemaRule(industryCodeField, t('portal.request.industryInvalid'))]}
      >
        <IndustryCodeInput />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('portal.request.reason')}
        extra={t('portal.request.reasonHint')}
        rules={[{ required: true, whitespace: true, message: t('portal.request.reasonRequired') }, schemaRule(createChangeRequest.shape.reason, t('portal.request.reasonInvalid'))]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount data-testid="portal-request-reason" />
      </Form.Item>
    </FormModal>
  );
}
