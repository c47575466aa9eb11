import { describe, expect, it } from 'vitest';
import {
  applyStatusEvent,
  defaultQualificationKinds,
  emergingIndustries,
  emergingIndustryCodes,
  enterpriseNameKey,
  enterpriseStatuses,
  statusEventKinds,
  type EnterpriseStatus,
  type StatusEventKind,
} from './enterprise';
import { createEnterpriseRequest, usccField } from './contracts/enterprises';
import { usccCheckDigit } from './uscc';

describe('applyStatusEvent', () => {
  const allowed: [EnterpriseStatus | null, StatusEventKind, EnterpriseStatus][] = [
    [null, 'moved_in', 'active'],
    ['moved_out', 'moved_in', 'active'],
    ['active', 'relocating', 'relocating'],
    ['relocating', 'retained', 'active'],
    ['active', 'moved_out', 'moved_out'],
    ['relocating', 'moved_out', 'moved_out'],
    ['active', 'deregistered', 'deregistered'],
    ['relocating', 'deregistered', 'deregistered'],
    ['moved_out', 'deregistered', 'deregistered'],
  ];
  it.each(allowed)('%s + %s → %s', (from, kind, to) => {
    expect(applyStatusEvent(from, kind)).toEqual({ status: to });
  });

  it('refuses every other transition, with a Chinese reason naming both', () => {
    const isAllowed = (from: EnterpriseStatus | null, kind: StatusEventKind) => allowed.some(([f, k]) => f === from && k === kind);
    let refused = 0;
    for (const from of [null, ...enterpriseStatuses]) {
      for (const kind of statusEventKinds) {
        if (isAllowed(from, kind)) continue;
        const r = applyStatusEvent(from, kind);
        expect(r, `${from} + ${kind}`).toHaveProperty('error');
        expect((r as { error: string }).error).toMatch(/^企业当前状态为“.+”，不能登记“.+”$/);
        refused++;
      }
    }
    // 5 statuses (including "not yet moved in") × 5 events − 9 allowed.
    expect(refused).toBe(16);
  });

  it('words the refusal exactly', () => {
    expect(applyStatusEvent('active', 'moved_in')).toEqual({ error: '企业当前状态为“在园”，不能登记“入驻”' });
    expect(applyStatusEvent(null, 'moved_out')).toEqual({ error: '企业当前状态为“未入驻”，不能登记“迁出”' });
    expect(applyStatusEvent('deregistered', 'moved_in')).toEqual({ error: '企业当前状态为“已注销”，不能登记“入驻”' });
    expect(applyStatusEvent('active', 'retained')).toEqual({ error: '企业当前状态为“在园”，不能登记“留住（取消迁出）”' });
  });

  it('makes deregistration final', () => {
    for (const kind of statusEventKinds) expect(applyStatusEvent('deregistered', kind)).toHaveProperty('error');
  });
});

describe('enterpriseNameKey', () => {
  it('gives the Beijing-prefixed and the bracketed form the same key', () => {
    expect(enterpriseNameKey('北京示例科技有限公司')).toBe('示例科技');
    expect(enterpriseNameKey('示例科技（北京）股份有限公司')).toBe('示例科技');
    expect(enterpriseNameKey('北京市示例科技有限责任公司')).toBe('示例科技');
    expect(enterpriseNameKey('示例科技(北京)有限公司')).toBe('示例科技');
  });

  it('folds full-width characters, case and spaces', () => {
    const key = enterpriseNameKey('北京ABC示例科技有限公司');
    expect(enterpriseNameKey('北京ＡＢＣ示例科技有限公司')).toBe(key);
    expect(enterpriseNameKey(' 北京 abc 示例科技 有限公司 ')).toBe(key);
    expect(enterpriseNameKey('北京\u3000Abc示例科技\t有限公司')).toBe(key);
    expect(key).toBe('abc示例科技');
  });

  it('keeps different names apart', () => {
    const names = ['北京示例科技有限公司', '北京示例软件有限公司', '北京示例星辰科技有限公司', '上海示例科技有限公司', '示例科技研究院'];
    const keys = names.map(enterpriseNameKey);
    expect(new Set(keys).size).toBe(names.length);
    expect(keys.every((k) => k.length > 0)).toBe(true);
  });
});

describe('reference lists', () => {
  it('has nine emerging industries and unique qualification kinds', () => {
    expect(emergingIndustries).toHaveLength(9);
    expect(emergingIndustryCodes).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(new Set(defaultQualificationKinds.map((k) => k.code)).size).toBe(defaultQualificationKinds.length);
    expect(new Set(defaultQualificationKinds.map((k) => k.name)).size).toBe(defaultQualificationKinds.length);
  });
});

describe('usccField', () => {
  const good = '91110108551385082Q';
  const bad = '91110108551385082A';

  it('accepts and upper-cases a valid code', () => {
    expect(usccField.parse(` ${good.toLowerCase()} `)).toBe(good);
  });

  it('rejects a wrong check digit at its own path, naming the expected character', () => {
    const r = usccField.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0]!.path).toEqual([]);
    expect(r.error!.issues[0]!.message).toBe('第18位校验码应为 Q，实际为 A');
  });

  it('so that createEnterpriseRequest reports it on ["uscc"]', () => {
    const r = createEnterpriseRequest.safeParse({ uscc: bad, name: '北京示例科技有限公司（示例）', parkId: '00000000-0000-4000-8000-000000000001', industryCode: '6513' });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === 'uscc');
    expect(issue?.path).toEqual(['uscc']);
    expect(issue?.message).toContain('应为 Q');
    expect(r.error!.issues).toHaveLength(1);
  });

  it('agrees with usccCheckDigit', () => {
    const body = '91110108MA01ABCD1';
    expect(usccField.safeParse(body + usccCheckDigit(body)).success).toBe(true);
  });
});
