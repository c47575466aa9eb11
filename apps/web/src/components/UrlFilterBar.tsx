import { QueryFilter, type ProFormInstance } from '@ant-design/pro-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

type Props<F extends Record<string, string | undefined>, V extends object> = {
  filters: F;
  onApply: (f: F) => void;
  /** Every field of the form, so setting the form also clears what is not in the URL. */
  fields: readonly string[];
  toForm: (f: F) => V;
  fromForm: (v: V) => F;
  /** Filters behind the collapsed part of the form: one set opens it. */
  advanced: readonly (keyof F)[];
  defaultFormItemsNumber: number;
  /** `${testId}-filters`, `${testId}-filter-submit`, `${testId}-filter-reset`. */
  testId: string;
  children: ReactNode;
};

/** A list page's search form; the URL is the source of truth (the back button restores the form). */
export function UrlFilterBar<F extends Record<string, string | undefined>, V extends object>(props: Props<F, V>) {
  const { filters, onApply, fields, toForm, fromForm, advanced: advancedKeys, defaultFormItemsNumber, testId, children } = props;
  const formRef = useRef<ProFormInstance<V>>(undefined);
  const key = JSON.stringify(filters);
  const full = useCallback((f: F) => ({ ...Object.fromEntries(fields.map((k) => [k, undefined])), ...toForm(f) }) as V, [fields, toForm]);

  useEffect(() => {
    formRef.current?.setFieldsValue(full(JSON.parse(key) as F));
  }, [full, key]);

  // Filters that a collapsed form hides open it (on arrival, and when the back button, a link or a saved search sets them).
  const advanced = advancedKeys.some((k) => !!filters[k]);
  const [collapsed, setCollapsed] = useState(!advanced);
  useEffect(() => {
    if (advanced) setCollapsed(false);
  }, [advanced, key]);

  return (
    <QueryFilter<V>
      formRef={formRef}
      initialValues={full(filters)}
      onFinish={async (v) => onApply(fromForm(v))}
      onReset={() => {
        formRef.current?.setFieldsValue(full({} as F));
        onApply({} as F);
      }}
      labelWidth="auto"
      collapsed={collapsed}
      onCollapse={setCollapsed}
      defaultFormItemsNumber={defaultFormItemsNumber}
      span={{ xs: 24, sm: 24, md: 12, lg: 12, xl: 8, xxl: 6 }}
      isKeyPressSubmit
      data-testid={`${testId}-filters`}
      submitter={{
        submitButtonProps: { 'data-testid': `${testId}-filter-submit` },
        resetButtonProps: { 'data-testid': `${testId}-filter-reset` },
      }}
      style={{ marginBottom: 16, background: '#fff', padding: '24px 24px 8px', borderRadius: 8 }}
    >
      {children}
    </QueryFilter>
  );
}
