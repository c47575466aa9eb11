import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, isValidUscc, organizationCodeCheckDigit, usccCheckDigit, validateUscc } from './uscc';

// Published codes of well-known companies; every check digit was verified by computation
// (and each embedded GB 11714 organisation code check digit holds too).
const REAL_CODES = [
  '91440300708461136T', // 华为技术有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '91110000802100433B', // 北京百度网讯科技有限公司
  '91110000710926094P', // 中国石油化工股份有限公司
  '91440300192317458F', // 比亚迪股份有限公司
  '914403007954257495', // 深圳市大疆创新科技有限公司
  '91110108558521630L', // 北京三快在线科技有限公司
  '91100000100003962T', // 中国工商银行股份有限公司 (national-level division 100000)
];

describe('validateUscc', () => {
  it.each(REAL_CODES)('accepts the published code %s', (code) => {
    const r = validateUscc(code);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.parts?.organizationCodeCheckValid).toBe(true);
    expect(isValidUscc(code)).toBe(true);
  });

  it('splits the code into its parts', () => {
    const r = validateUscc('91440300708461136T');
    expect(r.parts).toEqual({
      code: '91440300708461136T',
      registrationAuthority: '9',
      registrationAuthorityName: '工商（市场监管）',
      entityType: '1',
      entityTypeName: '企业',
      divisionCode: '440300',
      provinceCode: '44',
      provinceName: '广东省',
      organizationCode: '708461136',
      organizationCodeCheckValid: true,
      checkDigit: 'T',
      expectedCheckDigit: 'T',
    });
    expect(validateUscc('91110108551385082Q').parts?.provinceName).toBe('北京市');
    expect(validateUscc('91100000100003962T').parts?.provinceName).toBe('国家级');
  });

  it('detects every single-character substitution at each of the 18 positions', () => {
    const base = '91440300708461136T';
    let mutations = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of USCC_CHARSET) {
        if (ch === base[pos]) continue;
        const mutated = base.slice(0, pos) + ch + base.slice(pos + 1);
        const r = validateUscc(mutated);
        expect(r.valid, `${mutated} (position ${pos + 1})`).toBe(false);
        // 31 is prime and no weight is 0 mod 31, so the check digit alone catches every substitution.
        expect(r.errors.map((e) => e.code)).toContain('CHECK_DIGIT');
        mutations++;
      }
    }
    expect(mutations).toBe(18 * 30);
  });

  it('reports the expected check digit in Chinese', () => {
    const r = validateUscc('91440300708461136X');
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      { code: 'CHECK_DIGIT', position: 18, message: '第18位校验码应为 T，实际为 X', expected: 'T' },
    ]);
    expect(r.parts?.expectedCheckDigit).toBe('T');
  });

  it('normalizes lower case and surrounding whitespace', () => {
    const r = validateUscc('  9144030071526726xg\n');
    expect(r.valid).toBe(true);
    expect(r.parts?.code).toBe('9144030071526726XG');
    expect(isValidUscc('91440300708461136t')).toBe(true);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('reports the excluded letter %s with its position', (letter) => {
    const code = '91440300708461136T'.slice(0, 10) + letter + '91440300708461136T'.slice(11);
    const r = validateUscc(code);
    expect(r.valid).toBe(false);
    expect(r.parts).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'INVALID_CHAR', position: 11 });
    expect(r.errors[0]!.message).toContain('第11位');
    expect(r.errors[0]!.message).toContain(letter);
  });

  it('reports every invalid character, including inner spaces and punctuation', () => {
    const r = validateUscc('9144 0300-08461136T');
    expect(r.errors.map((e) => e.code)).toEqual(['LENGTH', 'INVALID_CHAR', 'INVALID_CHAR']);
    expect(r.errors.filter((e) => e.code === 'INVALID_CHAR').map((e) => e.position)).toEqual([5, 10]);
  });

  it('explains a wrong length', () => {
    expect(validateUscc('91440300708461136').errors).toEqual([
      { code: 'LENGTH', message: '统一社会信用代码应为 18 位，实际为 17 位', expected: '18' },
    ]);
    expect(validateUscc('91440300708461136TT').errors[0]!.message).toBe('统一社会信用代码应为 18 位，实际为 19 位');
    expect(validateUscc('   ').errors).toEqual([{ code: 'EMPTY', message: '统一社会信用代码不能为空' }]);
    expect(validateUscc('').valid).toBe(false);
  });

  it('rejects an unknown registration authority or entity type even with a correct check digit', () => {
    const withCheck = (first17: string) => first17 + usccCheckDigit(first17);
    const badAuthority = validateUscc(withCheck('B1440300708461136'));
    expect(badAuthority.valid).toBe(false);
    expect(badAuthority.errors).toEqual([expect.objectContaining({ code: 'REGISTRATION_AUTHORITY', position: 1 })]);

    const badType = validateUscc(withCheck('94440300708461136'));
    expect(badType.errors).toEqual([expect.objectContaining({ code: 'ENTITY_TYPE', position: 2, expected: '123' })]);
    expect(badType.errors[0]!.message).toContain('工商');

    // Known combinations across authorities.
    expect(validateUscc(withCheck('51110000500000000')).parts?.entityTypeName).toBe('社会团体');
    expect(validateUscc(withCheck('12110000400000000')).parts?.entityTypeName).toBe('事业单位');
    expect(validateUscc(withCheck('92110108MA0000000')).parts?.entityTypeName).toBe('个体工商户');
    expect(validateUscc(withCheck('N2110108MA0000000')).parts?.registrationAuthorityName).toBe('农业');
    expect(validateUscc(withCheck('Y1110108MA0000000')).valid).toBe(true);
  });

  it('rejects a non-numeric or unknown administrative division', () => {
    const withCheck = (first17: string) => first17 + usccCheckDigit(first17);
    const letters = validateUscc(withCheck('9144A300708461136'));
    expect(letters.errors).toEqual([expect.objectContaining({ code: 'DIVISION', position: 5 })]);
    const unknown = validateUscc(withCheck('91990000708461136'));
    expect(unknown.errors).toEqual([expect.objectContaining({ code: 'DIVISION', position: 3 })]);
    expect(unknown.parts?.provinceName).toBeNull();
  });

  it('reports the organisation code check as information only', () => {
    // Same code with positions 9–17 changed so that its GB 11714 check fails; USCC check digit recomputed.
    const first17 = '91440300708461137';
    const code = first17 + usccCheckDigit(first17);
    const r = validateUscc(code);
    expect(r.valid).toBe(true);
    expect(r.parts?.organizationCode).toBe('708461137');
    expect(r.parts?.organizationCodeCheckValid).toBe(false);
  });
});

describe('usccCheckDigit', () => {
  it('computes the check digits of published codes', () => {
    for (const code of REAL_CODES) expect(usccCheckDigit(code.slice(0, 17))).toBe(code.charAt(17));
  });
  it('maps 31 to 0', () => {
    // Search a 17-char prefix whose weighted sum is divisible by 31.
    const prefix = '9111010800000000';
    const last = Array.from(USCC_CHARSET).find((c) => usccCheckDigit(prefix + c) === '0');
    expect(last).toBeDefined();
  });
  it('rejects wrong input', () => {
    expect(() => usccCheckDigit('123')).toThrow(RangeError);
    expect(() => usccCheckDigit('9144030070846113I')).toThrow(/第17位/);
  });
});

describe('organizationCodeCheckDigit', () => {
  it('follows GB 11714 (10 → X, 11 → 0)', () => {
    expect(organizationCodeCheckDigit('70846113')).toBe('6');
    expect(organizationCodeCheckDigit('71526726')).toBe('X');
    // weighted sum 0 → 11 - 0 = 11 → '0'
    expect(organizationCodeCheckDigit('00000000')).toBe('0');
    expect(organizationCodeCheckDigit('ab')).toBeNull();
  });
});
