/**
 * Plain text of an enterprise field's value for "before → after" displays (import previews,
 * change requests): park ids become park names, industry codes their GB/T 4754 division,
 * enum codes their names, lists are joined. Null and empty values are '—'.
 */
import { emergingIndustries, findIndustry, listingBoardNames, listingStageNames, tenureNames } from '@zhiyuan/core';
import type { TFunction } from 'i18next';

export type ValueContext = { t: TFunction; parkName?: (id: string) => string };

const emergingNames: Record<string, string> = Object.fromEntries(emergingIndustries.map((e) => [e.code, e.name]));
const enumNames: Record<string, Record<string, string>> = {
  listingStage: listingStageNames,
  listingBoard: listingBoardNames,
  landTenure: tenureNames,
  floorTenure: tenureNames,
  emergingIndustry: emergingNames,
};

/** '6513 · 软件和信息技术服务业' (the division's name; the code alone when unknown). */
export function industryText(code: string | null | undefined): string {
  if (!code) return '—';
  const found = findIndustry(code);
  return found?.division ? `${code} · ${found.division.nameZh}` : code;
}

function plain(value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? ctx.t('enterpriseAdmin.yes') : ctx.t('enterpriseAdmin.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    // [lon, lat]
    if (value.every((v) => typeof v === 'number')) return value.join(', ');
    return value.map((v) => plain(v, ctx)).join('；');
  }
  if (typeof value === 'object') {
    // A contact {name, title, phone, email, primary}, or any small object: its non-empty values.
    return Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== null && v !== undefined && v !== '' && k !== 'primary')
      .map(([, v]) => plain(v, ctx))
      .join(' ');
  }
  return String(value);
}

export function fieldValueText(field: string, value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'parkId' && typeof value === 'string') return ctx.parkName ? ctx.parkName(value) : value;
  if (field === 'industryCode' && typeof value === 'string') return industryText(value);
  const names = enumNames[field];
  if (names && typeof value === 'string') return names[value] ?? value;
  return plain(value, ctx);
}
