import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { reviewOutcomes } from '@zhiyuan/core';
import { Button, Col, DatePicker, Form, Input, Row, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { enterprisesApi, useQualificationKindList, type Qualification, type QualificationReview } from '../../api/enterprises';
import { FormModal } from '../../components/FormModal';
import { dayjs } from '../../lib/format';
import { blankToUndefined } from '../../lib/rules';
import { keepEnterInPicker } from './enterpriseForm';
import { useEnterpriseLabels } from './enterpriseLabels';

type ReviewValues = { date?: Dayjs | null; outcome?: QualificationReview['outcome']; note?: string };
type Values = { kind?: string; certificateNo?: string; issuer?: string; validFrom?: Dayjs | null; validTo?: Dayjs | null; reviews?: ReviewValues[]; note?: string };

type Props = { enterpriseId: string; open: boolean; qualification?: Qualification; onClose: () => void; onSaved: () => void };

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Add or edit one qualification; a reversed validity period is stopped here (and by the server). */
export function QualificationFormModal({ enterpriseId, open, qualification: q, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  const kinds = useQualificationKindList(open);
  const kindItems = kinds.data?.items ?? [];
  const kindOptions = kindItems
    .filter((k) => k.active || k.code === q?.kind)
    .map((k) => ({ value: k.code, label: k.active ? k.name : `${k.name}${t('enterprises.qualification.kindInactive')}` }));
  if (q && !kindOptions.some((o) => o.value === q.kind)) kindOptions.unshift({ value: q.kind, label: q.kindName });

  const submit = async (v: Values) => {
    const body = {
      kind: v.kind!,
      certificateNo: blankToUndefined(v.certificateNo) ?? null,
      issuer: blankToUndefined(v.issuer) ?? null,
      validFrom: iso(v.validFrom)!,
      validTo: iso(v.validTo),
      reviews: (v.reviews ?? []).map((r) => ({ date: iso(r.date)!, outcome: r.outcome!, note: blankToUndefined(r.note) ?? null })),
      note: blankToUndefined(v.note) ?? null,
    };
    if (q) await enterprisesApi.updateQualification(enterpriseId, q.id, body);
    else await enterprisesApi.addQualification(enterpriseId, body);
    onSaved();
  };

  /** With a kind and a start date, an empty end date is filled from the kind's validity (years, minus a day). */
  const suggestEnd = (form: FormInstance<Values>) => {
    const { kind, validFrom, validTo } = form.getFieldsValue(['kind', 'validFrom', 'validTo']) as Values;
    const years = kindItems.find((k) => k.code === kind)?.validityYears;
    if (!validTo && validFrom && years) form.setFieldValue('validTo', validFrom.add(years, 'year').subtract(1, 'day'));
  };

  return (
    <FormModal<Values>
      open={open}
      title={q ? t('enterprises.qualification.editTitle') : t('enterprises.qualification.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      width={680}
      testId="qualification-form"
      initialValues={
        q
          ? {
              kind: q.kind,
              certificateNo: q.certificateNo ?? '',
              issuer: q.issuer ?? '',
              validFrom: dayjs(q.validFrom),
              validTo: q.validTo ? dayjs(q.validTo) : null,
              reviews: q.reviews.map((r) => ({ date: dayjs(r.date), outcome: r.outcome, note: r.note ?? '' })),
              note: q.note ?? '',
            }
          : { reviews: [] }
      }
    >
      <QualificationFields kindOptions={kindOptions} kindsLoading={kinds.isLoading} suggestEnd={suggestEnd} outcomes={reviewOutcomes.map((o) => ({ value: o, label: labels.reviewOutcome(o) }))} />
    </FormModal>
  );
}

type FieldsProps = {
  kindOptions: { value: string; label: string }[];
  kindsLoading: boolean;
  suggestEnd: (form: FormInstance<Values>) => void;
  outcomes: { value: string; label: string }[];
};

function QualificationFields({ kindOptions, kindsLoading, suggestEnd, outcomes }: FieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="kind" label={t('enterprises.qualification.kind')} rules={[{ required: true, message: t('enterprises.qualification.kindRequired') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={kindsLoading}
              options={kindOptions}
              onChange={() => suggestEnd(form)}
              data-testid="qualification-kind"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="certificateNo" label={t('enterprises.qualification.certificateNo')}>
            <Input maxLength={64} className="zy-mono" data-testid="qualification-certificateNo" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="issuer" label={t('enterprises.qualification.issuer')}>
            <Input maxLength={64} data-testid="qualification-issuer" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="validFrom" label={t('enterprises.qualification.validFrom')} rules={[{ required: true, message: t('enterprises.qualification.validFromRequired') }]}>
            <DatePicker onKeyDown={keepEnterInPicker} style={{ width: '100%' }} onChange={() => suggestEnd(form)} data-testid="qualification-validFrom" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="validTo"
            label={t('enterprises.qualification.validTo')}
            extra={t('enterprises.qualification.validToHint')}
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: Dayjs | null | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                  return v && from && v.isBefore(from, 'day') ? Promise.reject(new Error(t('enterprises.qualification.reversed'))) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker onKeyDown={keepEnterInPicker} style={{ width: '100%' }} data-testid="qualification-validTo" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="reviews">
        {(fields, { add, remove }) => (
          <>
            <div style={{ marginBottom: 8 }}>{t('enterprises.qualification.reviews')}</div>
            {fields.map((f) => (
              <Row gutter={8} key={f.key} align="top">
                <Col span={7}>
                  <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: t('enterprises.qualification.reviewDateRequired') }]}>
                    <DatePicker onKeyDown={keepEnterInPicker} style={{ width: '100%' }} placeholder={t('enterprises.qualification.reviewDate')} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'outcome']} rules={[{ required: true, message: t('enterprises.qualification.reviewOutcomeRequired') }]}>
                    <Select options={outcomes} placeholder={t('enterprises.qualification.reviewOutcome')} />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item name={[f.name, 'note']}>
                    <Input maxLength={200} placeholder={t('enterprises.qualification.reviewNote')} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="qualification-add-review">
                {t('enterprises.qualification.addReview')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t('enterprises.qualification.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </>
  );
}
