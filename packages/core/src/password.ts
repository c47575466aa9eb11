// Password policy. Defaults are the 等保 level-3 profile (≥ 10 characters, 3 of 4 character
// classes); the common-password and username checks always apply (DESIGN.md §4a).
import { COMMON_PASSWORDS } from './common-passwords';

export interface PasswordPolicyOptions {
  username?: string | null;
  minLength?: number;
  /** how many of: lower-case, upper-case, digit, symbol */
  minClasses?: number;
  /** upper bound against hashing abuse */
  maxLength?: number;
}

export type PasswordProblemCode = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME' | 'COMMON_PASSWORD';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

export const PASSWORD_DEFAULTS = { minLength: 10, minClasses: 3, maxLength: 128 } as const;

/** Usernames shorter than this are not searched for inside the password (too many false hits). */
const MIN_USERNAME_CHECK_LENGTH = 3;

const commonSet = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return commonSet.has(password.toLowerCase());
}

export type CharClass = 'lower' | 'upper' | 'digit' | 'symbol';

/** Character classes present; anything that is not an ASCII letter or digit counts as a symbol. */
export function passwordClasses(password: string): Set<CharClass> {
  const classes = new Set<CharClass>();
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') classes.add('lower');
    else if (ch >= 'A' && ch <= 'Z') classes.add('upper');
    else if (ch >= '0' && ch <= '9') classes.add('digit');
    else classes.add('symbol');
  }
  return classes;
}

/** Problems with a password under the policy; an empty array means it is acceptable. */
export function checkPassword(password: string, options: PasswordPolicyOptions = {}): PasswordProblem[] {
  const minLength = options.minLength ?? PASSWORD_DEFAULTS.minLength;
  const minClasses = options.minClasses ?? PASSWORD_DEFAULTS.minClasses;
  const maxLength = options.maxLength ?? PASSWORD_DEFAULTS.maxLength;
  const problems: PasswordProblem[] = [];
  const length = Array.from(password).length;

  if (length < minLength) {
    problems.push({ code: 'TOO_SHORT', message: `密码长度至少 ${minLength} 位` });
  }
  if (length > maxLength) {
    problems.push({ code: 'TOO_LONG', message: `密码长度不能超过 ${maxLength} 位` });
  }
  if (passwordClasses(password).size < minClasses) {
    problems.push({
      code: 'TOO_FEW_CLASSES',
      message: `密码须包含小写字母、大写字母、数字、特殊符号中的至少 ${minClasses} 类`,
    });
  }
  const username = (options.username ?? '').trim().toLowerCase();
  if (username.length >= MIN_USERNAME_CHECK_LENGTH) {
    const lower = password.toLowerCase();
    const reversed = Array.from(username).reverse().join('');
    if (lower.includes(username) || lower.includes(reversed)) {
      problems.push({ code: 'CONTAINS_USERNAME', message: '密码不能包含用户名' });
    }
  }
  if (isCommonPassword(password)) {
    problems.push({ code: 'COMMON_PASSWORD', message: '该密码过于常见或已在泄露密码库中出现，请换一个' });
  }
  return problems;
}

// Ambiguous characters (0 O o 1 l I |) are left out so a printed password can be typed back.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^&*-_=+?';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

/** Uniform random integer in [0, max) from the Web Crypto API (browser and Node ≥ 19). */
function randomInt(max: number): number {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    const v = buf[0]!;
    if (v < limit) return v % max;
  }
}

function pick(chars: string): string {
  return chars.charAt(randomInt(chars.length));
}

/** Random password with all four character classes, satisfying the default policy. */
export function generatePassword(length = 16): string {
  if (!Number.isInteger(length) || length < PASSWORD_DEFAULTS.minLength || length > PASSWORD_DEFAULTS.maxLength) {
    throw new RangeError(`密码长度应为 ${PASSWORD_DEFAULTS.minLength}–${PASSWORD_DEFAULTS.maxLength} 之间的整数`);
  }
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < length) chars.push(pick(ALL));
    // Fisher–Yates shuffle so the guaranteed characters are not always first.
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (checkPassword(password).length === 0) return password;
  }
}
