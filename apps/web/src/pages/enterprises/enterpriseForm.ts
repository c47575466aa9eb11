/** Form values of the enterprise form ↔ API bodies (create: the filled fields; edit: only the changed ones). */
import type { ListingBoard, ListingStage, Tenure, UsccError } from '@zhiyuan/core';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import type { CreateEnterpriseRequest, Enterprise, UpdateEnterpriseRequest } from '../../api/enterprises';
import { dayjs } from '../../lib/format';

export type ContactValues = { name?: string; title?: string; phone?: string; email?: string; primary?: boolean };

export type EnterpriseFormValues = {
  uscc: string;
  name: string;
  parkId?: string;
  industryCode?: string;
  formerNames?: string[];
  legalRepresentative?: string;
  registeredCapital?: number | null;
  establishedOn?: Dayjs | null;
  registeredAddress?: string;
  operatingAddress?: string;
  emergingIndustry?: string | null;
  aboveScale?: boolean;
  headcount?: number | null;
  listingStage?: ListingStage;
  listingBoard?: ListingBoard | null;
  ticker?: string;
  landArea?: number | null;
  landTenure?: Tenure | null;
  floorArea?: number | null;
  floorTenure?: Tenure | null;
  longitude?: number | null;
  latitude?: number | null;
  contacts?: ContactValues[];
  serviceOfficerId?: string | null;
  tags?: string[];
  movedInOn?: Dayjs | null;
};

const blank = (s: string | null | undefined): string | null => {
  const v = s?.trim();
  return v ? v : null;
};
const list = (xs: string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
const date = (d: Dayjs | null | undefined) => (d && d.isValid() ? d.format('YYYY-MM-DD') : null);
const num = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

/** Every editable field, blanks as null (the shape of a full PATCH). */
type FullBody = Required<{ [K in keyof UpdateEnterpriseRequest]-?: Exclude<UpdateEnterpriseRequest[K], undefined> }>;

export function toBody(v: EnterpriseFormValues): FullBody {
  const lon = num(v.longitude);
  const lat = num(v.latitude);
  return {
    uscc: v.uscc.trim().toUpperCase(),
    name: v.name.trim(),
    formerNames: list(v.formerNames),
    legalRepresentative: blank(v.legalRepresentative),
    registeredCapital: num(v.registeredCapital),
    establishedOn: date(v.establishedOn),
    registeredAddress: blank(v.registeredAddress),
    operatingAddress: blank(v.operatingAddress),
    parkId: v.parkId ?? '',
    industryCode: (v.industryCode ?? '').trim(),
    emergingIndustry: v.emergingIndustry ?? null,
    aboveScale: !!v.aboveScale,
    listingStage: v.listingStage ?? 'none',
    listingBoard: v.listingBoard ?? null,
    ticker: blank(v.ticker),
    headcount: num(v.headcount),
    landArea: num(v.landArea),
    landTenure: v.landTenure ?? null,
    floorArea: num(v.floorArea),
    floorTenure: v.floorTenure ?? null,
    location: lon !== null && lat !== null ? [lon, lat] : null,
    contacts: (v.contacts ?? [])
      .filter((c) => c.name?.trim())
      .map((c) => ({ name: c.name!.trim(), title: blank(c.title), phone: blank(c.phone), email: blank(c.email), primary: !!c.primary })),
    serviceOfficerId: v.serviceOfficerId ?? null,
    tags: list(v.tags),
  };
}

/** A create: the filled fields only (empty ones are left to the server's defaults). */
export function toCreateBody(v: EnterpriseFormValues): CreateEnterpriseRequest {
  const full = toBody(v);
  const body: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(full)) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    body[k] = value;
  }
  const movedInOn = date(v.movedInOn);
  if (movedInOn) body.movedInOn = movedInOn;
  return body as CreateEnterpriseRequest;
}

export function fromEnterprise(e: Enterprise): EnterpriseFormValues {
  return {
    uscc: e.uscc,
    name: e.name,
    parkId: e.parkId,
    industryCode: e.industryCode,
    formerNames: e.formerNames,
    legalRepresentative: e.legalRepresentative ?? '',
    registeredCapital: e.registeredCapital,
    establishedOn: e.establishedOn ? dayjs(e.establishedOn) : null,
    registeredAddress: e.registeredAddress ?? '',
    operatingAddress: e.operatingAddress ?? '',
    emergingIndustry: e.emergingIndustry,
    aboveScale: e.aboveScale,
    headcount: e.headcount,
    listingStage: e.listingStage,
    listingBoard: e.listingBoard,
    ticker: e.ticker ?? '',
    landArea: e.landArea,
    landTenure: e.landTenure,
    floorArea: e.floorArea,
    floorTenure: e.floorTenure,
    longitude: e.location?.[0] ?? null,
    latitude: e.location?.[1] ?? null,
    contacts: e.contacts.map((c) => ({ name: c.name, title: c.title ?? '', phone: c.phone ?? '', email: c.email ?? '', primary: !!c.primary })),
    serviceOfficerId: e.serviceOfficerId,
    tags: e.tags,
  };
}

/** The fields whose value differs from the enterprise's (an edit sends only these). */
export function changedFields(e: Enterprise, v: EnterpriseFormValues): UpdateEnterpriseRequest {
  const before = toBody(fromEnterprise(e));
  const after = toBody(v);
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof FullBody)[]) {
    if (JSON.stringify(after[k]) !== JSON.stringify(before[k])) patch[k] = after[k];
  }
  // The contract checks the board together with the stage: send both when either changes.
  if ('listingStage' in patch || 'listingBoard' in patch) {
    patch.listingStage = after.listingStage;
    patch.listingBoard = after.listingBoard;
  }
  return patch as UpdateEnterpriseRequest;
}

/** A USCC problem in the UI language, naming the character position (Chinese: the core's own text). */
export function usccProblem(err: UsccError, t: TFunction, lang: string, code: string): string {
  if (lang !== 'en') return err.message;
  return t(`enterprises.uscc.${err.code}`, { position: err.position ?? '', expected: err.expected ?? '', length: Array.from(code).length, defaultValue: err.message });
}

/**
 * For date pickers in the modal forms: Enter commits a typed date without also submitting the
 * form (Enter anywhere else still submits).
 */
export const keepEnterInPicker = (e: { key: string; preventDefault: () => void }) => {
  if (e.key === 'Enter') e.preventDefault();
};
