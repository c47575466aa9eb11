import { findIndustry, industryDivisions, industrySections } from '@zhiyuan/core';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/LanguageContext';

type Props = { value?: string; onChange?: (v: string | undefined) => void; id?: string; 'data-testid'?: string; placeholder?: string };

/**
 * A GB/T 4754-2017 industry for an enterprise: a division (大类) from the list grouped by section,
 * or a 3–4 digit group/class code typed in (offered with the division it belongs to).
 */
export function IndustryCodeSelect({ value, onChange, id, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [search, setSearch] = useState('');

  const groups = useMemo(
    () =>
      industrySections.map((s) => ({
        label: `${s.code} ${lang === 'en' ? s.nameEn : s.nameZh}`,
        title: s.code,
        options: industryDivisions.filter((d) => d.section === s.code).map((d) => ({ value: d.code, label: `${d.code} ${d.nameZh}` })),
      })),
    [lang],
  );

  const fine = (code: string) => {
    const m = /^\d{3,4}$/.test(code) ? findIndustry(code) : null;
    return m?.division ? { value: code, label: t('enterprises.form.industryFine', { code, division: m.division.code, name: m.division.nameZh }) } : null;
  };
  const extra = [fine(search.trim()), value && value.length > 2 && value !== search.trim() ? fine(value) : null].filter((o) => o !== null);
  const options = extra.length ? [{ label: t('enterprises.field.industryCode'), title: 'fine', options: extra }, ...groups] : groups;

  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      onSearch={setSearch}
      onBlur={() => setSearch('')}
      showSearch
      allowClear
      options={options}
      filterOption={(input, option) => {
        const q = input.trim().toLowerCase();
        if (!q || !option || !('value' in option)) return true;
        const label = String(option.label ?? '').toLowerCase();
        return label.includes(q) || String(option.value).startsWith(q.slice(0, 2));
      }}
      placeholder={placeholder ?? t('enterprises.form.industryPlaceholder')}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      listHeight={320}
      data-testid={rest['data-testid']}
    />
  );
}
