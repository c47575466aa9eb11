/** Names of the registry's codes in the UI language (statuses, listing stages, industries…). */
import { findIndustry, industryDivisions, industrySections, type EnterpriseStatus } from '@zhiyuan/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/LanguageContext';

export const statusColors: Record<EnterpriseStatus, string> = {
  active: 'green',
  relocating: 'orange',
  moved_out: 'default',
  deregistered: 'red',
};

export type IndustryTreeNode = { title: string; value: string; children?: IndustryTreeNode[] };

export function useEnterpriseLabels() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return useMemo(() => {
    const sectionName = (code: string) => {
      const s = industrySections.find((x) => x.code === code);
      return s ? (lang === 'en' ? s.nameEn : s.nameZh) : code;
    };
    /** '6513 软件和信息技术服务业' — the code and its division (GB/T 4754 names are Chinese only). */
    const industry = (code: string | null | undefined) => {
      if (!code) return '—';
      const found = findIndustry(code);
      return found?.division ? `${code} ${found.division.nameZh}` : code;
    };
    const industryTree: IndustryTreeNode[] = industrySections.map((s) => ({
      title: `${s.code} ${lang === 'en' ? s.nameEn : s.nameZh}`,
      value: s.code,
      children: industryDivisions.filter((d) => d.section === s.code).map((d) => ({ title: `${d.code} ${d.nameZh}`, value: d.code })),
    }));
    const maybe = (ns: string) => (code: string | null | undefined) => (code ? t(`enterprises.${ns}.${code}`, { defaultValue: code }) : '—');
    return {
      status: maybe('status'),
      statusEvent: maybe('statusEvent'),
      listingStage: maybe('listingStage'),
      listingBoard: maybe('listingBoard'),
      tenure: maybe('tenure'),
      reviewOutcome: maybe('reviewOutcome'),
      emerging: maybe('emerging'),
      yesNo: (v: boolean | null | undefined) => (v == null ? '—' : v ? t('enterprises.yes') : t('enterprises.no')),
      sectionName,
      industry,
      industryTree,
    };
  }, [t, lang]);
}

export type EnterpriseLabels = ReturnType<typeof useEnterpriseLabels>;

/** A number with grouping and its unit ('1,200 人'), or '—'. */
export function withUnit(n: number | null | undefined, unit: string, digits = 2): string {
  if (n == null) return '—';
  return `${n.toLocaleString('zh-CN', { maximumFractionDigits: digits })} ${unit}`;
}
