import { formulaProblem, indicatorCode } from '@zhiyuan/core';
import { App, Col, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { statisticsApi, type Indicator } from '../../api/statistics';
import { FormModal } from '../../components/FormModal';
import { blankToUndefined, schemaRule } from '../../lib/rules';

type Values = {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: Indicator['kind'];
  formula?: string | null;
  precision: number;
  minValue?: number | null;
  maxValue?: number | null;
  allowNegative: boolean;
  active: boolean;
  sortOrder?: number | null;
};

/** A switch that asks before turning an indicator off (reports and figures stop showing it). */
function ActiveSwitch({ value, onChange, confirmName }: { value?: boolean; onChange?: (v: boolean) => void; confirmName?: string }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (
    <Switch
      checked={value}
      data-testid="indicator-active"
      onChange={(next) => {
        if (next || !confirmName) return onChange?.(next);
        modal.confirm({
          title: t('statistics.indicators.deactivateConfirm', { name: confirmName }),
          content: t('statistics.indicators.deactivateNote'),
          okText: t('statistics.indicators.deactivate'),
          okButtonProps: { danger: true, 'data-testid': 'indicator-deactivate-ok' },
          cancelText: t('common.cancel'),
          onOk: () => onChange?.(false),
        });
      }}
    />
  );
}

type Props = { indicator?: Indicator; catalog: readonly Indicator[]; open: boolean; onClose: () => void; onSaved: (i: Indicator) => void };

/** Create (code chosen once) or edit an indicator of the catalog. */
export function IndicatorFormModal({ indicator, catalog, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const submit = async (v: Values) => {
    const body = {
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      unit: v.unit.trim(),
      kind: v.kind,
      formula: blankToUndefined(v.formula ?? undefined) ?? null,
      precision: v.precision,
      minValue: v.minValue ?? null,
      maxValue: v.maxValue ?? null,
      allowNegative: v.allowNegative,
      active: v.active,
      ...(v.sortOrder != null ? { sortOrder: v.sortOrder } : {}),
    };
    onSaved(indicator ? await statisticsApi.updateIndicator(indicator.code, body) : await statisticsApi.createIndicator({ ...body, code: v.code.trim() }));
  };

  const initial: Partial<Values> = indicator
    ? { ...indicator, formula: indicator.formula ?? '' }
    : { kind: 'flow', precision: 2, allowNegative: false, active: true, formula: '' };

  return (
    <FormModal<Values>
      open={open}
      title={indicator ? t('statistics.indicators.editTitle', { name: indicator.nameZh }) : t('statistics.indicators.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      initialValues={initial}
      width={680}
      testId="indicator-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="code"
            label={t('statistics.indicators.code')}
            extra={indicator ? t('statistics.indicators.codeFixed') : t('statistics.indicators.codeHint')}
            rules={[{ required: true, message: t('statistics.indicators.codeRequired') }, schemaRule(indicatorCode, t('statistics.indicators.codeInvalid'))]}
          >
            <Input maxLength={40} disabled={!!indicator} className="zy-mono" data-testid="indicator-code" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="sortOrder" label={t('statistics.indicators.sortOrder')} extra={t('statistics.indicators.sortHint')}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} data-testid="indicator-sort" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameZh" label={t('statistics.indicators.nameZh')} rules={[{ required: true, whitespace: true, message: t('statistics.indicators.nameRequired') }, { max: 40 }]}>
            <Input maxLength={40} data-testid="indicator-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="nameEn" label={t('statistics.indicators.nameEn')} rules={[{ required: true, whitespace: true, message: t('statistics.indicators.nameRequired') }, { max: 80 }]}>
            <Input maxLength={80} data-testid="indicator-name-en" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="unit" label={t('statistics.indicators.unit')} extra={t('statistics.indicators.unitHint')} rules={[{ required: true, whitespace: true, message: t('statistics.indicators.unitRequired') }, { max: 16 }]}>
            <Input maxLength={16} data-testid="indicator-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('statistics.indicators.kind')} extra={t('statistics.indicators.kindHint')}>
            <Radio.Group
              optionType="button"
              options={(['flow', 'stock'] as const).map((k) => ({ value: k, label: t(`statistics.kind.${k}`) }))}
              data-testid="indicator-kind"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="formula"
            label={t('statistics.indicators.formula')}
            extra={t('statistics.indicators.formulaHint')}
            dependencies={['code']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value: unknown) => {
                  const text = typeof value === 'string' ? value.trim() : '';
                  if (!text) return Promise.resolve();
                  const code = String(getFieldValue('code') ?? indicator?.code ?? '').trim();
                  const problem = formulaProblem(code, text, catalog);
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input maxLength={200} className="zy-mono" placeholder="tax + vat_refund" data-testid="indicator-formula" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="precision" label={t('statistics.indicators.precision')} extra={t('statistics.indicators.precisionHint')} rules={[{ required: true, message: t('statistics.indicators.precisionRequired') }]}>
            <InputNumber min={0} max={4} precision={0} style={{ width: '100%' }} data-testid="indicator-precision" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="minValue" label={t('statistics.indicators.minValue')} extra={t('statistics.indicators.boundsHint')}>
            <InputNumber style={{ width: '100%' }} data-testid="indicator-min" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item
            name="maxValue"
            label={t('statistics.indicators.maxValue')}
            dependencies={['minValue']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value: number | null | undefined) => {
                  const min = getFieldValue('minValue') as number | null | undefined;
                  return value != null && min != null && value < min ? Promise.reject(new Error(t('statistics.indicators.boundsInvalid'))) : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber style={{ width: '100%' }} data-testid="indicator-max" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="allowNegative" label={t('statistics.indicators.allowNegative')} valuePropName="checked" extra={t('statistics.indicators.allowNegativeHint')}>
            <Switch data-testid="indicator-negative" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="active" label={t('statistics.indicators.active')} extra={t('statistics.indicators.activeHint')}>
            <ActiveSwitch confirmName={indicator?.active ? indicator.nameZh : undefined} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
