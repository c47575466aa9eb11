import { describe, expect, it } from 'vitest';
import { applyStatusEvent, createEnterpriseRequest, createQualificationRequest, daysBetween, enterpriseNameKey, findIndustry, sectionOfDivision, validateUscc, type EnterpriseStatus, type StatusEventKind } from '@zhiyuan/core';
import { beijingDivisionCodes, generateDemoEnterprises, mulberry32, usccFor, type DemoPark } from './demo-enterprises';
import { demoSubParks } from './zhongguancun';

const today = '2026-03-15';
const parks: DemoPark[] = demoSubParks.map((p, i) => ({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, code: p.code, district: p.district, center: p.center }));
const records = generateDemoEnterprises({ count: 3000, seed: 42, parks, today });
const share = (n: number) => n / records.length;

/** Great-circle distance in metres. */
function distance([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

describe('generateDemoEnterprises', () => {
  it('gives unique USCCs with valid check digits and the park district as division', () => {
    expect(records).toHaveLength(3000);
    expect(new Set(records.map((r) => r.uscc)).size).toBe(3000);
    const parkById = new Map(parks.map((p) => [p.id, p]));
    for (const r of records) {
      const v = validateUscc(r.uscc);
      expect(v.errors, r.uscc).toEqual([]);
      expect(v.parts!.divisionCode).toBe(beijingDivisionCodes[parkById.get(r.parkId)!.district]);
      expect(v.parts!.organizationCodeCheckValid).toBe(true);
    }
    expect(share(records.filter((r) => r.uscc.startsWith('91')).length)).toBeGreaterThan(0.97);
  });

  it('gives unique names, all marked 示例, with distinct near-duplicate keys', () => {
    expect(new Set(records.map((r) => r.name)).size).toBe(3000);
    expect(new Set(records.map((r) => r.nameKey)).size).toBe(3000);
    for (const r of records) {
      expect(r.name).toContain('示例');
      expect(r.name).toMatch(/^北京示例.+（示例）$/);
      expect(r.nameKey).toBe(enterpriseNameKey(r.name));
      for (const f of r.formerNames) expect(f).toContain('示例');
    }
  });

  it('passes the API contract for creating an enterprise', () => {
    for (const r of records.slice(0, 300)) {
      const input = {
        ...r,
        location: [r.lon, r.lat],
        lon: undefined,
        lat: undefined,
        nameKey: undefined,
        industrySection: undefined,
        status: undefined,
        statusSince: undefined,
        qualifications: undefined,
        events: undefined,
      };
      const parsed = createEnterpriseRequest.safeParse(JSON.parse(JSON.stringify(input)));
      expect(parsed.error?.issues ?? [], r.name).toEqual([]);
      for (const q of r.qualifications) expect(createQualificationRequest.safeParse(q).error?.issues ?? []).toEqual([]);
    }
  });

  it('uses every park, Haidian most', () => {
    const perPark = new Map<string, number>();
    for (const r of records) perPark.set(r.parkId, (perPark.get(r.parkId) ?? 0) + 1);
    expect(perPark.size).toBe(parks.length);
    const haidian = perPark.get(parks[0]!.id)!;
    expect(Math.max(...perPark.values())).toBe(haidian);
    expect(share(haidian)).toBeGreaterThan(0.2);
  });

  it('has a Zhongguancun-like industry mix with consistent codes', () => {
    const bySection = new Map<string, number>();
    for (const r of records) {
      expect(r.industryCode).toMatch(/^\d{4}$/);
      expect(findIndustry(r.industryCode)?.division).not.toBeNull();
      expect(r.industrySection).toBe(sectionOfDivision(r.industryCode));
      bySection.set(r.industrySection, (bySection.get(r.industrySection) ?? 0) + 1);
    }
    const it63to65 = share(records.filter((r) => /^6[345]/.test(r.industryCode)).length);
    expect(it63to65).toBeGreaterThan(0.33);
    expect(Math.max(...bySection.values())).toBe(bySection.get('I'));
    expect(share(records.filter((r) => /^7[345]/.test(r.industryCode)).length)).toBeGreaterThan(0.12);
    expect(share(bySection.get('C') ?? 0)).toBeGreaterThan(0.06);
    for (const s of ['F', 'L', 'J', 'R']) expect(bySection.get(s) ?? 0).toBeGreaterThan(0);
    expect(share(bySection.get('J')!)).toBeLessThan(0.06);
    // Emerging industry tags follow the industry: no manufacturing tag on a wholesaler, digital creative on games.
    expect(records.filter((r) => r.industrySection === 'F' && r.emergingIndustry).length).toBe(0);
    expect(records.filter((r) => r.industryCode === '6572' && r.emergingIndustry && r.emergingIndustry !== '8').length).toBe(0);
  });

  it('has about 12% above scale and a few listed, filing and tutoring', () => {
    expect(share(records.filter((r) => r.aboveScale).length)).toBeGreaterThan(0.09);
    expect(share(records.filter((r) => r.aboveScale).length)).toBeLessThan(0.15);
    const listed = records.filter((r) => r.listingStage === 'listed');
    expect(share(listed.length)).toBeGreaterThan(0.01);
    expect(share(listed.length)).toBeLessThan(0.03);
    for (const r of listed) {
      expect(r.listingBoard).not.toBeNull();
      expect(r.ticker).toMatch(r.listingBoard === 'hkex' ? /^\d{5}$/ : /^\d{6}$/);
    }
    expect(new Set(listed.map((r) => r.ticker)).size).toBe(listed.length);
    expect(records.filter((r) => r.listingStage === 'filing').length).toBeGreaterThan(10);
    expect(records.filter((r) => r.listingStage === 'tutoring').length).toBeGreaterThan(10);
    expect(records.filter((r) => r.listingStage === 'none' && r.ticker).length).toBe(0);
  });

  it('keeps numbers in range and in their precision', () => {
    for (const r of records) {
      expect(r.registeredCapital).toBeGreaterThan(0);
      expect(Number(r.registeredCapital!.toFixed(4))).toBe(r.registeredCapital);
      expect(Number.isInteger(r.headcount)).toBe(true);
      expect(r.headcount).toBeGreaterThanOrEqual(1);
      expect(r.floorArea).toBeGreaterThan(0);
      expect(r.floorTenure).not.toBeNull();
      expect(r.landTenure === null).toBe(r.landArea === null);
      expect(r.contacts.length).toBeGreaterThanOrEqual(1);
      expect(r.contacts.length).toBeLessThanOrEqual(2);
      expect(r.contacts.filter((c) => c.primary)).toHaveLength(1);
      for (const c of r.contacts) {
        if (c.phone) expect(c.phone).toMatch(/^1390000\d{4}$/);
        if (c.email) expect(c.email).toMatch(/@example\.com$/);
      }
      expect(r.serviceOfficerId).toBeNull();
    }
    expect(share(records.filter((r) => r.floorTenure === 'rented').length)).toBeGreaterThan(0.8);
    expect(share(records.filter((r) => r.landTenure === 'owned').length)).toBeLessThan(0.1);
  });

  it('places enterprises within 3 km of their park centre', () => {
    const parkById = new Map(parks.map((p) => [p.id, p]));
    for (const r of records) expect(distance([r.lon!, r.lat!], parkById.get(r.parkId)!.center)).toBeLessThanOrEqual(3_010);
  });

  it('keeps status and statusSince in agreement with the status history', () => {
    for (const r of records) {
      expect(r.events[0]!.kind).toBe('moved_in');
      expect(r.events[0]!.on >= r.establishedOn!).toBe(true);
      let status: EnterpriseStatus | null = null;
      let previous = '';
      for (const e of r.events) {
        const next = applyStatusEvent(status, e.kind as StatusEventKind);
        expect(next).not.toHaveProperty('error');
        status = (next as { status: EnterpriseStatus }).status;
        expect(e.on >= previous).toBe(true);
        expect(e.on <= today).toBe(true);
        previous = e.on;
        if (e.kind === 'moved_out') expect(e.destination).toBeTruthy();
      }
      expect(r.status).toBe(status);
      expect(r.statusSince).toBe(r.events.at(-1)!.on);
    }
    const count = (s: EnterpriseStatus) => records.filter((r) => r.status === s).length;
    expect(share(count('relocating'))).toBeGreaterThan(0.01);
    expect(share(count('moved_out'))).toBeGreaterThan(0.015);
    expect(count('deregistered')).toBeGreaterThan(10);
    expect(share(count('active'))).toBeGreaterThan(0.9);
    expect(records.some((r) => r.events.some((e) => e.kind === 'retained'))).toBe(true);
  });

  it('gives qualifications of the default kinds, about 10% of the valid ones expiring within 90 days', () => {
    const all = records.flatMap((r) => r.qualifications.map((q) => ({ q, r })));
    expect(new Set(all.map(({ q }) => q.kind))).toEqual(new Set(['hnte', 'zgc_hnte', 'srdi_sme', 'little_giant', 'innovative_sme', 'gazelle', 'unicorn', 'tech_sme', 'atse', 'tech_center']));
    for (const { q, r } of all) {
      expect(q.validFrom >= r.establishedOn!, `${q.kind} ${q.validFrom} < ${r.establishedOn}`).toBe(true);
      if (q.validTo) expect(q.validTo > q.validFrom).toBe(true);
      expect(q.issuer).toBeTruthy();
      if (q.kind === 'hnte') expect(q.certificateNo).toMatch(new RegExp(`^GR${q.validFrom.slice(0, 4)}110\\d{5}$`));
    }
    const valid = all.filter(({ q }) => q.validTo === null || q.validTo >= today);
    const expiring = valid.filter(({ q }) => q.validTo !== null && daysBetween(today, q.validTo) < 90);
    expect(valid.length).toBeGreaterThan(1000);
    expect(expiring.length / valid.length).toBeGreaterThan(0.06);
    expect(expiring.length / valid.length).toBeLessThan(0.15);
    const outcomes = new Set(all.flatMap(({ q }) => q.reviews.map((rv) => rv.outcome)));
    expect(outcomes).toEqual(new Set(['passed', 'failed', 'pending']));
    // Enterprises that left hold nothing valid.
    for (const { q, r } of all) if (r.status === 'moved_out' || r.status === 'deregistered') expect(q.validTo! < today).toBe(true);
    expect(share(records.filter((r) => r.qualifications.some((q) => q.kind === 'hnte' && q.validTo! >= today)).length)).toBeGreaterThan(0.2);
  });

  it('uses the tag list', () => {
    const tags = new Set(records.flatMap((r) => r.tags));
    for (const t of ['重点企业', '总部企业', '外资企业', '新入驻', '科创板储备', '孵化企业']) expect(tags).toContain(t);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoEnterprises({ count: 3000, seed: 42, parks, today })).toEqual(records);
    const other = generateDemoEnterprises({ count: 50, seed: 43, parks, today });
    expect(other.map((r) => r.name)).not.toEqual(records.slice(0, 50).map((r) => r.name));
  });

  it('stays unique across calls with disjoint serial ranges', () => {
    const a = generateDemoEnterprises({ count: 2000, seed: 1, parks, today, serialBase: 1_000_000 });
    const b = generateDemoEnterprises({ count: 2000, seed: 2, parks, today, serialBase: 1_002_000 });
    const all = [...a, ...b, ...records];
    expect(new Set(all.map((r) => r.uscc)).size).toBe(all.length);
    expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
    expect(a[0]!.name).toMatch(/（示例1000000）$/);
  });
});

describe('usccFor', () => {
  it('maps distinct serials to distinct valid codes', () => {
    const seen = new Set<string>();
    for (let s = 0; s < 50_000; s++) seen.add(usccFor(s * 17, '110108'));
    expect(seen.size).toBe(50_000);
    for (const code of [...seen].slice(0, 500)) expect(validateUscc(code).valid).toBe(true);
    expect(validateUscc(usccFor(7, '110114', '52')).parts).toMatchObject({ registrationAuthority: '5', entityType: '2', divisionCode: '110114' });
  });
});

describe('mulberry32', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
