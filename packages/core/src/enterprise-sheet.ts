// The columns of the enterprise workbook: the import template, the import parser and the export
// use this one list, so an exported file imports back unchanged.
import { validateUscc } from './uscc';
import { findIndustry } from './industry';
import { contactPhoneMessage, contactPhonePattern, emergingIndustries, listingBoardNames, listingStageNames, tenureNames } from './enterprise';

/** A cell as the spreadsheet reader hands it over (formulas are rejected before this point). */
export type RawCell = string | number | boolean | Date | null;
export type Parsed<T> = { value: T | null } | { error: string };

type ColumnSpec = {
  key: string;
  header: string;
  /** Needed when the row creates an enterprise. */
  requiredOnCreate?: boolean;
  width: number;
  hint: string;
  parse: (cell: RawCell) => Parsed<unknown>;
};

/** An empty cell, or one holding only spaces. */
const blank = (cell: RawCell) => cell == null || (typeof cell === 'string' && cell.trim() === '');

const text = (max: number) => (cell: RawCell): Parsed<string> => {
  if (cell instanceof Date || typeof cell === 'boolean') return { error: '应为文本' };
  const s = cell == null ? '' : String(cell).trim();
  if (!s) return { value: null };
  return s.length > max ? { error: `不能超过 ${max} 个字符` } : { value: s };
};

const number = (opts: { min: number; max: number; decimals: number; integer?: boolean }) => (cell: RawCell): Parsed<number> => {
  if (cell == null || blank(cell)) return { value: null };
  if (cell instanceof Date || typeof cell === 'boolean') return { error: '应为数字' };
  const n = typeof cell === 'number' ? cell : /^-?\d+(\.\d+)?$/.test(cell.trim().replace(/,/g, '')) ? Number(cell.trim().replace(/,/g, '')) : NaN;
  if (!Number.isFinite(n)) return { error: `应为数字，实际为“${String(cell).slice(0, 20)}”` };
  if (opts.integer && !Number.isInteger(n)) return { error: '应为整数' };
  if (n < opts.min || n > opts.max) return { error: `应在 ${opts.min} 到 ${opts.max} 之间` };
  const rounded = Number(n.toFixed(opts.decimals));
  if (Math.abs(rounded - n) > 1e-9) return { error: `最多保留 ${opts.decimals} 位小数` };
  return { value: rounded };
};

function date(cell: RawCell): Parsed<string> {
  if (blank(cell)) return { value: null };
  // Spreadsheet dates arrive as UTC midnight of the calendar day.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { error: '日期无效' } : { value: cell.toISOString().slice(0, 10) };
  const s = String(cell).trim().replace(/[/.]/g, '-');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return { error: `日期格式应为 YYYY-MM-DD，实际为“${String(cell).slice(0, 20)}”` };
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? { error: `日期 ${iso} 不存在` } : { value: iso };
}

/** One of a list of Chinese names (the code itself is accepted too). */
function choice(names: Record<string, string>) {
  const byName = new Map(Object.entries(names).map(([code, name]) => [name, code]));
  return (cell: RawCell): Parsed<string> => {
    const s = cell == null ? '' : String(cell).trim();
    if (!s) return { value: null };
    const code = byName.get(s) ?? (Object.hasOwn(names, s) ? s : undefined);
    return code ? { value: code } : { error: `应为 ${Object.values(names).join('、')} 之一` };
  };
}

function yesNo(cell: RawCell): Parsed<boolean> {
  if (blank(cell)) return { value: null };
  if (typeof cell === 'boolean') return { value: cell };
  const s = String(cell).trim();
  if (s === '是') return { value: true };
  if (s === '否') return { value: false };
  return { error: '应为“是”或“否”' };
}

/** Items separated by ； ; 、 or a line break. */
const list = (maxItems: number, maxLength: number) => (cell: RawCell): Parsed<string[]> => {
  const s = cell == null ? '' : String(cell).trim();
  if (!s) return { value: null };
  const items = [...new Set(s.split(/[；;、\n]/).map((x) => x.trim()).filter(Boolean))];
  if (items.length > maxItems) return { error: `最多 ${maxItems} 项` };
  const long = items.find((x) => x.length > maxLength);
  return long ? { error: `“${long.slice(0, 20)}”超过 ${maxLength} 个字符` } : { value: items };
};

function phone(cell: RawCell): Parsed<string> {
  const r = text(20)(cell);
  return 'value' in r && r.value !== null && !contactPhonePattern.test(r.value) ? { error: contactPhoneMessage } : r;
}

function uscc(cell: RawCell): Parsed<string> {
  const s = cell == null ? '' : String(cell).trim().toUpperCase();
  if (!s) return { error: '统一社会信用代码不能为空' };
  const r = validateUscc(s);
  return r.valid ? { value: s } : { error: r.errors.map((e) => e.message).join('；') };
}

function industry(cell: RawCell): Parsed<string> {
  const s = cell == null ? '' : String(cell).trim();
  if (!s) return { value: null };
  const code = typeof cell === 'number' ? String(cell).padStart(2, '0') : s;
  return /^\d{2,4}$/.test(code) && findIndustry(code)?.division ? { value: code } : { error: `“${s}”不是 GB/T 4754-2017 的 2–4 位行业代码` };
}

const emergingNames = Object.fromEntries(emergingIndustries.map((e) => [e.code, e.name]));

export const enterpriseColumns: readonly ColumnSpec[] = [
  { key: 'uscc', header: '统一社会信用代码', requiredOnCreate: true, width: 22, hint: '18 位，按此列新建或更新', parse: uscc },
  { key: 'name', header: '企业名称', requiredOnCreate: true, width: 32, hint: '', parse: text(100) },
  { key: 'formerNames', header: '曾用名', width: 24, hint: '多个用；分隔', parse: list(20, 100) },
  { key: 'legalRepresentative', header: '法定代表人', width: 12, hint: '', parse: text(32) },
  { key: 'registeredCapital', header: '注册资本（万元）', width: 14, hint: '数字，最多 4 位小数', parse: number({ min: 0, max: 1e12, decimals: 4 }) },
  { key: 'establishedOn', header: '成立日期', width: 12, hint: 'YYYY-MM-DD', parse: date },
  { key: 'registeredAddress', header: '注册地址', width: 32, hint: '', parse: text(200) },
  { key: 'operatingAddress', header: '经营地址', width: 32, hint: '', parse: text(200) },
  { key: 'park', header: '所属园区', requiredOnCreate: true, width: 14, hint: '园区名称或编码', parse: text(64) },
  { key: 'industryCode', header: '行业代码', requiredOnCreate: true, width: 10, hint: 'GB/T 4754-2017，如 65 或 6513', parse: industry },
  { key: 'emergingIndustry', header: '战略性新兴产业', width: 18, hint: Object.values(emergingNames).join('、'), parse: choice(emergingNames) },
  { key: 'aboveScale', header: '规上企业', width: 10, hint: '是 / 否', parse: yesNo },
  { key: 'listingStage', header: '上市阶段', width: 10, hint: Object.values(listingStageNames).join('、'), parse: choice(listingStageNames) },
  { key: 'listingBoard', header: '上市板块', width: 12, hint: Object.values(listingBoardNames).join('、'), parse: choice(listingBoardNames) },
  { key: 'ticker', header: '股票代码', width: 10, hint: '', parse: text(16) },
  { key: 'headcount', header: '从业人员（人）', width: 12, hint: '整数', parse: number({ min: 0, max: 10_000_000, decimals: 0, integer: true }) },
  { key: 'landArea', header: '土地面积（㎡）', width: 12, hint: '数字', parse: number({ min: 0, max: 1e8, decimals: 2 }) },
  { key: 'landTenure', header: '土地权属', width: 10, hint: '自有 / 租赁', parse: choice(tenureNames) },
  { key: 'floorArea', header: '房屋面积（㎡）', width: 12, hint: '数字', parse: number({ min: 0, max: 1e8, decimals: 2 }) },
  { key: 'floorTenure', header: '房屋权属', width: 10, hint: '自有 / 租赁', parse: choice(tenureNames) },
  { key: 'longitude', header: '经度', width: 12, hint: 'WGS84，如 116.3', parse: number({ min: -180, max: 180, decimals: 6 }) },
  { key: 'latitude', header: '纬度', width: 12, hint: 'WGS84，如 39.98', parse: number({ min: -90, max: 90, decimals: 6 }) },
  { key: 'tags', header: '标签', width: 20, hint: '多个用；分隔', parse: list(30, 20) },
  { key: 'contactName', header: '联系人', width: 10, hint: '', parse: text(32) },
  { key: 'contactPhone', header: '联系电话', width: 14, hint: '手机或固话', parse: phone },
  { key: 'serviceOfficer', header: '服务管家', width: 12, hint: '服务管家的用户名', parse: text(32) },
  { key: 'movedInOn', header: '入驻日期', width: 12, hint: '仅新建时登记入驻，更新时忽略', parse: date },
];

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Cell text for export: the inverse of each column's parser. */
export function sheetText(key: string, value: unknown): string | number | null {
  if (value == null) return null;
  switch (key) {
    case 'formerNames':
    case 'tags':
      return (value as string[]).length ? (value as string[]).join('；') : null;
    case 'aboveScale':
      return value ? '是' : '否';
    case 'emergingIndustry':
      return emergingNames[value as string] ?? null;
    case 'listingStage':
      return listingStageNames[value as keyof typeof listingStageNames];
    case 'listingBoard':
      return listingBoardNames[value as keyof typeof listingBoardNames];
    case 'landTenure':
    case 'floorTenure':
      return tenureNames[value as keyof typeof tenureNames];
    default:
      return value as string | number;
  }
}
