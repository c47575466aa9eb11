// The enterprise workbook: a registry row as sheet values and back. The import template, the
// import and the export share it, so an exported file imports back as "unchanged".
import { enterpriseColumns, enterpriseNameKey, sectionOfDivision, sheetText, type Contact } from '@zhiyuan/core';
import type { FieldCipher } from '../../crypto/field-cipher';
import { streamWorkbook, type SheetColumn } from '../../xlsx/write-workbook';
import { readContacts, storeContacts } from './enterprise-mapping';
import type { EnterpriseRow, NewEnterprise } from './enterprises.repository';
import type { StoredContact } from './enterprises.tables';

export type SheetValues = Record<string, unknown>;
export type Lookups = { parkName: (id: string) => string; officerUsername: (id: string) => string | null; cipher: FieldCipher };

export const sheetColumns: SheetColumn[] = enterpriseColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
export const columnLabel = new Map(enterpriseColumns.map((c) => [c.key, c.header]));

/** A registry row as typed sheet values (park by name, officer by username, the primary contact). */
export function sheetValuesOf(r: EnterpriseRow, l: Lookups, movedInOn?: string | null): SheetValues {
  const primary = readContacts(r.contacts, l.cipher).find((c) => c.primary);
  return {
    uscc: r.uscc,
    name: r.name,
    formerNames: r.formerNames,
    legalRepresentative: r.legalRepresentative,
    registeredCapital: r.registeredCapital,
    establishedOn: r.establishedOn,
    registeredAddress: r.registeredAddress,
    operatingAddress: r.operatingAddress,
    park: l.parkName(r.parkId),
    industryCode: r.industryCode,
    emergingIndustry: r.emergingIndustry,
    aboveScale: r.aboveScale,
    listingStage: r.listingStage,
    listingBoard: r.listingBoard,
    ticker: r.ticker,
    headcount: r.headcount,
    landArea: r.landArea,
    landTenure: r.landTenure,
    floorArea: r.floorArea,
    floorTenure: r.floorTenure,
    longitude: r.lon,
    latitude: r.lat,
    tags: r.tags,
    contactName: primary?.name ?? null,
    contactPhone: primary?.phone ?? null,
    serviceOfficer: r.serviceOfficerId ? l.officerUsername(r.serviceOfficerId) : null,
    movedInOn: movedInOn ?? null,
  };
}

export const sheetRow = (v: SheetValues) => Object.fromEntries(enterpriseColumns.map((c) => [c.key, sheetText(c.key, v[c.key])]));

/** Streams the export: the template's columns, one row per enterprise. */
export function writeEnterpriseWorkbook(rows: AsyncIterable<SheetValues[]>) {
  async function* text() {
    for await (const batch of rows) yield batch.map(sheetRow);
  }
  return streamWorkbook([{ name: '企业名录', columns: sheetColumns, rows: text() }]);
}

/** The template: headers, one example row and a sheet explaining each column. */
export function writeTemplate(example: SheetValues) {
  const notes = enterpriseColumns.map((c) => ({ header: c.header, required: c.requiredOnCreate ? '新建时必填' : '', hint: c.hint }));
  return streamWorkbook([
    { name: '企业名录', columns: sheetColumns, rows: [[sheetRow(example)]] },
    {
      name: '填写说明',
      columns: [
        { header: '列名', key: 'header', width: 20 },
        { header: '是否必填', key: 'required', width: 12 },
        { header: '说明', key: 'hint', width: 60 },
      ],
      rows: [
        [
          ...notes,
          { header: '规则', required: '', hint: '按统一社会信用代码匹配：已登记的更新，未登记的新建；空白单元格表示不修改该项。' },
          { header: '限制', required: '', hint: '文件不超过 20 MB；不能包含公式或合并单元格；只读取第一个工作表，第一行为表头。示例行请删除后再导入。' },
        ],
      ],
    },
  ]);
}

/**
 * The registry columns an imported row sets, over the existing row when there is one. Blank cells
 * (null) leave a field as it is; the imported contact replaces the primary contact only.
 */
export function columnsFromSheet(v: SheetValues, ids: { parkId?: string; officerId?: string }, existing: EnterpriseRow | undefined, cipher: FieldCipher): Partial<NewEnterprise> {
  const out: Partial<NewEnterprise> = {};
  const set = <K extends keyof NewEnterprise>(key: K, value: unknown) => {
    if (value !== null && value !== undefined) out[key] = value as NewEnterprise[K];
  };
  set('name', v.name);
  if (typeof v.name === 'string') out.nameKey = enterpriseNameKey(v.name);
  set('formerNames', v.formerNames);
  set('legalRepresentative', v.legalRepresentative);
  set('registeredCapital', v.registeredCapital);
  set('establishedOn', v.establishedOn);
  set('registeredAddress', v.registeredAddress);
  set('operatingAddress', v.operatingAddress);
  set('parkId', ids.parkId);
  set('industryCode', v.industryCode);
  if (typeof v.industryCode === 'string') out.industrySection = (sectionOfDivision(v.industryCode) ?? '');
  set('emergingIndustry', v.emergingIndustry);
  set('aboveScale', v.aboveScale);
  set('listingStage', v.listingStage);
  set('listingBoard', v.listingBoard);
  set('ticker', v.ticker);
  set('headcount', v.headcount);
  set('landArea', v.landArea);
  set('landTenure', v.landTenure);
  set('floorArea', v.floorArea);
  set('floorTenure', v.floorTenure);
  set('lon', v.longitude);
  set('lat', v.latitude);
  set('tags', v.tags);
  set('serviceOfficerId', ids.officerId);
  if (v.contactName != null || v.contactPhone != null) out.contacts = withPrimary(existing?.contacts ?? [], v.contactName as string | null, v.contactPhone as string | null, cipher);
  return out;
}

function withPrimary(stored: StoredContact[], name: string | null, phone: string | null, cipher: FieldCipher): StoredContact[] {
  const current = readContacts(stored, cipher);
  const i = current.findIndex((c) => c.primary);
  const old = i >= 0 ? current[i] : undefined;
  const primary: Contact = { name: name ?? old?.name ?? '联系人', title: old?.title ?? null, phone: phone ?? old?.phone ?? null, email: old?.email ?? null, primary: true };
  const others = current.filter((_, j) => j !== i).map((c) => ({ ...c, primary: false }));
  return storeContacts([primary, ...others], cipher);
}
