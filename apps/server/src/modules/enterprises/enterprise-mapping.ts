import { type Contact, type Enterprise, type EnterpriseListItem } from '@zhiyuan/core';
import type { FieldCipher } from '../../crypto/field-cipher';
import type { EnterpriseRow } from './enterprises.repository';
import type { StoredContact } from './enterprises.tables';

/** Contacts as stored: phone numbers encrypted, exactly one primary when there are any. */
export function storeContacts(contacts: Contact[], cipher: FieldCipher): StoredContact[] {
  const primaryIndex = Math.max(0, contacts.findIndex((c) => c.primary));
  return contacts.map((c, i) => ({
    name: c.name,
    title: c.title ?? null,
    phoneEnc: c.phone ? cipher.encrypt(c.phone) : null,
    email: c.email ?? null,
    primary: i === primaryIndex,
  }));
}

export const readContacts = (stored: StoredContact[], cipher: FieldCipher) =>
  stored.map((c) => ({ name: c.name, title: c.title, phone: c.phoneEnc ? cipher.decrypt(c.phoneEnc) : null, email: c.email, primary: c.primary }));

/** Contacts for the audit log: who, never the full number. */
export const contactsForAudit = (stored: StoredContact[], cipher: FieldCipher) =>
  readContacts(stored, cipher).map((c) => ({ name: c.name, title: c.title, phone: c.phone ? c.phone.replace(/^(.{3}).*(.{4})$/, '$1****$2') : null, primary: c.primary }));

/** What a row is shown with: names of its park and officer, the kinds of its valid qualifications. */
export type Presented = { row: EnterpriseRow; parkName: string; officerName: string | null; kinds: string[] };

export function toListItem({ row: r, parkName, officerName, kinds }: Presented): EnterpriseListItem {
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    parkId: r.parkId,
    parkName,
    industryCode: r.industryCode,
    industrySection: r.industrySection,
    aboveScale: r.aboveScale,
    listingStage: r.listingStage,
    headcount: r.headcount,
    registeredCapital: r.registeredCapital,
    establishedOn: r.establishedOn,
    serviceOfficerId: r.serviceOfficerId,
    serviceOfficerName: officerName,
    tags: r.tags,
    status: r.status,
    qualificationKinds: kinds,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toEnterprise(p: Presented, cipher: FieldCipher): Enterprise {
  const r = p.row;
  return {
    ...toListItem(p),
    formerNames: r.formerNames,
    legalRepresentative: r.legalRepresentative,
    registeredAddress: r.registeredAddress,
    operatingAddress: r.operatingAddress,
    emergingIndustry: r.emergingIndustry,
    listingBoard: r.listingBoard as Enterprise['listingBoard'],
    ticker: r.ticker,
    landArea: r.landArea,
    landTenure: r.landTenure,
    floorArea: r.floorArea,
    floorTenure: r.floorTenure,
    location: r.lon != null && r.lat != null ? [r.lon, r.lat] : null,
    contacts: readContacts(r.contacts, cipher),
    statusSince: r.statusSince,
    createdAt: r.createdAt.toISOString(),
  };
}
