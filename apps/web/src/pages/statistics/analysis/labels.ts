import { industrySections, periodLabel, periodParts } from '@zhiyuan/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../api/statistics';

const useEnglish = () => useTranslation().i18n.language.startsWith('en');

/** 1–N月 label of a period: core's periodLabel ("2025年1–3月") in Chinese, "Jan–Mar 2025" in English. */
export function usePeriodLabel(): (period: string) => string {
  const en = useEnglish();
  return useCallback(
    (period: string) => {
      if (!en) return periodLabel(period);
      const { year, month } = periodParts(period);
      const name = (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
      return month === 1 ? `${name(1)} ${year}` : `${name(1)}–${name(month)} ${year}`;
    },
    [en],
  );
}

/** An indicator's name in the UI language. */
export function useIndicatorName(): (ind: Pick<Indicator, 'nameZh' | 'nameEn'> | undefined, fallback?: string) => string {
  const en = useEnglish();
  return useCallback((ind, fallback = '') => (ind ? (en ? ind.nameEn : ind.nameZh) : fallback), [en]);
}

/** Industry section letter → "C 制造业" (GB/T 4754 门类) in the UI language. */
export function useSectionName(): (code: string) => string {
  const en = useEnglish();
  return useMemo(() => {
    const byCode = new Map(industrySections.map((s) => [s.code, en ? s.nameEn : s.nameZh]));
    return (code: string) => (byCode.has(code) ? `${code} ${byCode.get(code)}` : code);
  }, [en]);
}
