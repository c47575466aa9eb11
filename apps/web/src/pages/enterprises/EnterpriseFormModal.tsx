import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { contact, emergingIndustryCodes, listingBoards, listingStages, tenures, validateUscc } from '@zhiyuan/core';
import { Alert, Button, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Space, Switch, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { enterprisesApi, useOfficers, useSimilarEnterprises, type CreateEnterpriseResponse, type Enterprise } from '../../api/enterprises';
import { FormModal } from '../../components/FormModal';
import { ParkTreeSelect } from '../../components/ParkTreeSelect';
import { useLanguage } from '../../i18n/LanguageContext';
import { dayjs } from '../../lib/format';
import { schemaRule } from '../../lib/rules';
import { changedFields, fromEnterprise, keepEnterInPicker, toCreateBody, usccProblem, type EnterpriseFormValues } from './enterpriseForm';
import { useEnterpriseLabels } from './enterpriseLabels';
import { IndustryCodeSelect } from './IndustryCodeSelect';

type Props = {
  open: boolean;
  /** Absent: a new enterprise. */
  enterprise?: Enterprise;
  onClose: () => void;
  onCreated?: (e: CreateEnterpriseResponse) => void;
  onSaved?: (e: Enterprise | null) => void;
};

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** Near-identical names in the chosen park, while the name is typed (debounced). */
function SimilarNames({ excludeId }: { excludeId?: string }) {
  const { t } = useTranslation();
  const name = (Form.useWatch('name') as string | undefined) ?? '';
  const parkId = Form.useWatch('parkId') as string | undefined;
  const debounced = useDebounced(name, 400);
  const similar = useSimilarEnterprises(debounced, parkId, excludeId);
  const items = similar.data?.items ?? [];
  if (!name.trim() || !items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="enterprise-similar"
      message={
        <Space direction="vertical" size={2}>
          {t('enterprises.form.similarTitle')}
          {items.map((s) => (
            <Link key={s.id} to={`/enterprises/${s.id}`} target="_blank" rel="noopener">
              {s.name}
              {t('enterprises.paren', { text: s.uscc })}
            </Link>
          ))}
        </Space>
      }
    />
  );
}

/** The form field of a server error path (["contacts", 0, "phone"], ["location", 1], ["uscc"]). */
function fieldOf(path: (string | number)[]): (string | number)[] | null {
  const [head, ...tail] = path;
  if (head === undefined) return null;
  if (head === 'contacts' && tail.length >= 2) return ['contacts', ...tail.slice(0, 2)];
  if (head === 'location') return [tail[0] === 1 ? 'latitude' : 'longitude'];
  return [head];
}

/** Puts nested server errors on their fields (FormModal handles the top-level ones) and shows the first. */
function applyNestedErrors(form: FormInstance, err: unknown) {
  if (!(err instanceof ApiError)) return;
  const fields = err.fieldErrors.flatMap((fe) => {
    const name = fieldOf(fe.path);
    return name ? [{ name, errors: [fe.message], nested: fe.path[0] === 'contacts' || fe.path[0] === 'location' }] : [];
  });
  form.setFields(fields.filter((f) => f.nested).map(({ name, errors }) => ({ name, errors })));
  if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
}

const Section = ({ children }: { children: ReactNode }) => (
  <Divider orientation="left" orientationMargin={0} style={{ margin: '8px 0 16px', fontSize: 14 }}>
    {children}
  </Divider>
);

/** New enterprise, or edit of every field of one (only the changed fields are sent). */
export function EnterpriseFormModal({ open, enterprise, onClose, onCreated, onSaved }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const labels = useEnterpriseLabels();
  const officers = useOfficers(open);
  const editing = !!enterprise;

  const submit = async (v: EnterpriseFormValues, form: FormInstance<EnterpriseFormValues>) => {
    try {
      if (enterprise) {
        const patch = changedFields(enterprise, v);
        if (Object.keys(patch).length === 0) return onSaved?.(null);
        onSaved?.(await enterprisesApi.update(enterprise.id, patch));
      } else {
        onCreated?.(await enterprisesApi.create(toCreateBody(v)));
      }
    } catch (e) {
      applyNestedErrors(form, e);
      throw e;
    }
  };

  const officerOptions = (officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.displayName }));
  if (enterprise?.serviceOfficerId && !officerOptions.some((o) => o.value === enterprise.serviceOfficerId))
    officerOptions.unshift({ value: enterprise.serviceOfficerId, label: enterprise.serviceOfficerName ?? enterprise.serviceOfficerId });
  const today = dayjs();
  const notFuture = (d: dayjs.Dayjs) => d.isAfter(today, 'day');
  const tenureOptions = tenures.map((x) => ({ value: x, label: labels.tenure(x) }));

  return (
    <FormModal<EnterpriseFormValues>
      open={open}
      title={editing ? t('enterprises.editTitle') : t('enterprises.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      width={920}
      testId="enterprise-form"
      initialValues={enterprise ? fromEnterprise(enterprise) : { aboveScale: false, listingStage: 'none', contacts: [], tags: [], formerNames: [] }}
    >
      <Section>{t('enterprises.group.required')}</Section>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="uscc"
            label={t('enterprises.field.uscc')}
            normalize={(v: string) => v.replace(/\s+/g, '').toUpperCase()}
            validateFirst
            rules={[
              { required: true, message: t('enterprises.form.usccRequired') },
              {
                validator: (_r, value: string | undefined) => {
                  if (!value) return Promise.resolve();
                  const r = validateUscc(value);
                  return r.valid ? Promise.resolve() : Promise.reject(new Error(r.errors.map((e) => usccProblem(e, t, lang, value)).join(t('enterprises.sep'))));
                },
              },
            ]}
          >
            <Input className="zy-mono" maxLength={18} placeholder={t('enterprises.form.usccPlaceholder')} autoComplete="off" data-testid="enterprise-form-uscc" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('enterprises.field.name')} rules={[{ required: true, whitespace: true, message: t('enterprises.form.nameRequired') }]}>
            <Input maxLength={100} autoComplete="off" data-testid="enterprise-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={editing ? 12 : 9}>
          <Form.Item name="parkId" label={t('enterprises.field.parkId')} rules={[{ required: true, message: t('enterprises.form.parkRequired') }]}>
            <ParkTreeSelect allowClear={false} data-testid="enterprise-form-park" />
          </Form.Item>
        </Col>
        <Col xs={24} md={editing ? 12 : 9}>
          <Form.Item name="industryCode" label={t('enterprises.field.industryCode')} rules={[{ required: true, message: t('enterprises.form.industryRequired') }]}>
            <IndustryCodeSelect data-testid="enterprise-form-industry" />
          </Form.Item>
        </Col>
        {!editing && (
          <Col xs={24} md={6}>
            <Form.Item name="movedInOn" label={t('enterprises.field.movedInOn')} tooltip={t('enterprises.form.movedInHint')}>
              <DatePicker onKeyDown={keepEnterInPicker} style={{ width: '100%' }} disabledDate={notFuture} placeholder={t('enterprises.form.movedInHint')} data-testid="enterprise-form-movedInOn" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <SimilarNames excludeId={enterprise?.id} />

      <Section>{t('enterprises.group.basic')}</Section>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="formerNames" label={t('enterprises.field.formerNames')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';']} placeholder={t('enterprises.form.formerNamesPlaceholder')} data-testid="enterprise-form-formerNames" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="legalRepresentative" label={t('enterprises.field.legalRepresentative')}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="establishedOn" label={t('enterprises.field.establishedOn')}>
            <DatePicker onKeyDown={keepEnterInPicker} style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="registeredAddress" label={t('enterprises.field.registeredAddress')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="operatingAddress" label={t('enterprises.field.operatingAddress')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>

      <Section>{t('enterprises.group.business')}</Section>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name="registeredCapital" label={t('enterprises.field.registeredCapital')}>
            <InputNumber min={0} max={1e12} style={{ width: '100%' }} addonAfter={t('enterprises.unit.wan')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="headcount" label={t('enterprises.field.headcount')}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} addonAfter={t('enterprises.unit.people')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="emergingIndustry" label={t('enterprises.field.emergingIndustry')}>
            <Select allowClear options={emergingIndustryCodes.map((c) => ({ value: c, label: labels.emerging(c) }))} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="aboveScale" label={t('enterprises.field.aboveScale')} valuePropName="checked">
            <Switch checkedChildren={t('enterprises.yes')} unCheckedChildren={t('enterprises.no')} data-testid="enterprise-form-aboveScale" />
          </Form.Item>
        </Col>
      </Row>

      <Section>{t('enterprises.group.listing')}</Section>
      <Row gutter={16}>
        <Col xs={12} md={8}>
          <Form.Item name="listingStage" label={t('enterprises.field.listingStage')}>
            <Select options={listingStages.map((s) => ({ value: s, label: labels.listingStage(s) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="listingBoard"
            label={t('enterprises.field.listingBoard')}
            dependencies={['listingStage']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: string | null | undefined) =>
                  getFieldValue('listingStage') === 'listed' && !v ? Promise.reject(new Error(t('enterprises.form.listingBoardRequired'))) : Promise.resolve(),
              }),
            ]}
          >
            <Select allowClear options={listingBoards.map((b) => ({ value: b, label: labels.listingBoard(b) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="ticker" label={t('enterprises.field.ticker')}>
            <Input maxLength={16} className="zy-mono" />
          </Form.Item>
        </Col>
      </Row>

      <Section>{t('enterprises.group.site')}</Section>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name="landArea" label={t('enterprises.field.landArea')}>
            <InputNumber min={0} max={1e8} style={{ width: '100%' }} addonAfter={t('enterprises.unit.sqm')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="landTenure" label={t('enterprises.field.landTenure')}>
            <Select allowClear options={tenureOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="floorArea" label={t('enterprises.field.floorArea')}>
            <InputNumber min={0} max={1e8} style={{ width: '100%' }} addonAfter={t('enterprises.unit.sqm')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="floorTenure" label={t('enterprises.field.floorTenure')}>
            <Select allowClear options={tenureOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="longitude"
            label={t('enterprises.field.longitude')}
            dependencies={['latitude']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: number | null | undefined) =>
                  (v == null) !== (getFieldValue('latitude') == null) ? Promise.reject(new Error(t('enterprises.form.locationPair'))) : Promise.resolve(),
              }),
            ]}
          >
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} placeholder="116.3" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="latitude"
            label={t('enterprises.field.latitude')}
            dependencies={['longitude']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: number | null | undefined) =>
                  (v == null) !== (getFieldValue('longitude') == null) ? Promise.reject(new Error(t('enterprises.form.locationPair'))) : Promise.resolve(),
              }),
            ]}
          >
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} placeholder="39.98" />
          </Form.Item>
        </Col>
      </Row>

      <Section>{t('enterprises.group.contacts')}</Section>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key} align="top" data-testid={`enterprise-form-contact-${f.name}`}>
                <Col xs={12} md={5}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('enterprises.form.contactNameRequired') }]}>
                    <Input maxLength={32} placeholder={t('enterprises.form.contactName')} aria-label={t('enterprises.form.contactName')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'title']}>
                    <Input maxLength={32} placeholder={t('enterprises.form.contactTitle')} aria-label={t('enterprises.form.contactTitle')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[f.name, 'phone']} rules={[schemaRule(contact.shape.phone, t('enterprises.form.contactPhoneInvalid'))]}>
                    <Input maxLength={20} placeholder={t('enterprises.form.contactPhone')} aria-label={t('enterprises.form.contactPhone')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={[f.name, 'email']} rules={[schemaRule(contact.shape.email, t('enterprises.form.contactEmailInvalid'))]}>
                    <Input maxLength={128} placeholder={t('enterprises.form.contactEmail')} aria-label={t('enterprises.form.contactEmail')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <Space>
                    <Form.Item name={[f.name, 'primary']} valuePropName="checked">
                      <Checkbox>{t('enterprises.detail.primary')}</Checkbox>
                    </Form.Item>
                    <Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('enterprises.form.removeContact')} />
                    </Form.Item>
                  </Space>
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ primary: fields.length === 0 })} data-testid="enterprise-form-add-contact">
                {t('enterprises.form.addContact')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>

      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Section>{t('enterprises.group.officer')}</Section>
          <Form.Item name="serviceOfficerId" aria-label={t('enterprises.field.serviceOfficerId')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={officers.isLoading}
              options={officerOptions}
              placeholder={t('enterprises.form.officerPlaceholder')}
              data-testid="enterprise-form-officer"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Section>{t('enterprises.group.tags')}</Section>
          <Form.Item name="tags" aria-label={t('enterprises.field.tags')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';', '，', ',']} placeholder={t('enterprises.form.tagsPlaceholder')} data-testid="enterprise-form-tags" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
