import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import { checkPassword, generatePassword, isCommonPassword, passwordClasses } from './password';

const codes = (password: string, opts?: Parameters<typeof checkPassword>[1]) =>
  checkPassword(password, opts).map((p) => p.code);

describe('checkPassword', () => {
  it('accepts a strong password', () => {
    expect(checkPassword('Tq7#mvR2kLp9', { username: 'zhangsan' })).toEqual([]);
    expect(checkPassword('tq7#mvr2klp9')).toEqual([]); // 3 classes: lower, digit, symbol
  });

  it('requires a minimum length', () => {
    expect(checkPassword('Tq7#mvR2k')).toEqual([{ code: 'TOO_SHORT', message: '密码长度至少 10 位' }]);
    expect(codes('Tq7#mvR2kLp9', { minLength: 12 })).toEqual([]);
    expect(codes('Tq7#mvR2kL', { minLength: 12 })).toEqual(['TOO_SHORT']);
    expect(codes('')).toEqual(['TOO_SHORT', 'TOO_FEW_CLASSES']);
  });

  it('rejects very long passwords', () => {
    expect(codes('Aa1!' + 'x'.repeat(200))).toEqual(['TOO_LONG']);
  });

  it('requires 3 of 4 character classes by default', () => {
    expect(codes('abcdefghij12')).toEqual(['TOO_FEW_CLASSES']);
    expect(checkPassword('abcdefghij12')[0]!.message).toContain('至少 3 类');
    expect(codes('ABCDEFGHIJ!!')).toEqual(['TOO_FEW_CLASSES']);
    expect(codes('abcdefGHIJ12')).toEqual([]);
    expect(codes('abcdefghij12', { minClasses: 2 })).toEqual([]);
    expect(codes('abcdefGHIJ12', { minClasses: 4 })).toEqual(['TOO_FEW_CLASSES']);
    expect(codes('中文密码中文密码Ab')).toEqual([]); // non-ASCII counts as a symbol
  });

  it('rejects the username inside the password, case-insensitively and reversed', () => {
    expect(codes('ZhangSan#2025x', { username: 'zhangsan' })).toEqual(['CONTAINS_USERNAME']);
    expect(codes('x#2025NASGNAHZ', { username: 'zhangsan' })).toEqual(['CONTAINS_USERNAME']);
    expect(checkPassword('ZhangSan#2025x', { username: 'zhangsan' })[0]!.message).toBe('密码不能包含用户名');
    expect(codes('Admin#Tq7mvR2', { username: 'ADMIN' })).toEqual(['CONTAINS_USERNAME']);
    // very short usernames are not searched for
    expect(codes('Tq7#mvR2kLp9', { username: 'tq' })).toEqual([]);
  });

  it.each(['password', '123456', 'qwerty', 'P@ssw0rd', 'Admin@123', 'Passw0rd!', 'woaini1314', 'Aa123456', 'zxcvbnm'])(
    'rejects the common password %s',
    (pw) => {
      expect(isCommonPassword(pw)).toBe(true);
      expect(codes(pw)).toContain('COMMON_PASSWORD');
    },
  );

  it('compares common passwords case-insensitively', () => {
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('p@SSW0RD')).toBe(true);
    expect(codes('Admin@12345')).toEqual(['COMMON_PASSWORD']); // passes composition, still refused
    expect(isCommonPassword('Tq7#mvR2kLp9')).toBe(false);
  });

  it('ships a few hundred distinct common passwords', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase())).size).toBe(COMMON_PASSWORDS.length);
  });
});

describe('passwordClasses', () => {
  it('classifies characters', () => {
    expect([...passwordClasses('aB3!')].sort()).toEqual(['digit', 'lower', 'symbol', 'upper']);
    expect([...passwordClasses('abc')]).toEqual(['lower']);
    expect(passwordClasses('').size).toBe(0);
  });
});

describe('generatePassword', () => {
  it('always satisfies the policy with all four classes', () => {
    for (let i = 0; i < 500; i++) {
      const pw = generatePassword();
      expect(pw).toHaveLength(16);
      expect(checkPassword(pw)).toEqual([]);
      expect(passwordClasses(pw).size).toBe(4);
    }
  });

  it('honours the length and rejects lengths below the policy', () => {
    expect(generatePassword(10)).toHaveLength(10);
    expect(generatePassword(64)).toHaveLength(64);
    expect(() => generatePassword(8)).toThrow(RangeError);
    expect(() => generatePassword(12.5)).toThrow(RangeError);
  });

  it('avoids ambiguous characters and does not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword();
      expect(pw).not.toMatch(/[0O1lI|o]/);
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });
});
