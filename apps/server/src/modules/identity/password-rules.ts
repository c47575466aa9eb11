import { checkPassword, type SecuritySettings } from '@zhiyuan/core';
import { verifyPassword } from '../../crypto/password-hash';
import { AppError } from '../../errors';

/** Policy of packages/core plus what only the server knows: the last N passwords. */
export async function assertAcceptablePassword(password: string, username: string, s: SecuritySettings, previousHashes: string[] = []): Promise<void> {
  const problems = checkPassword(password, { username, minLength: s.passwordMinLength, minClasses: s.passwordMinClasses }).map((p) => p.message);
  for (const h of previousHashes) {
    if (await verifyPassword(password, h)) {
      problems.push(`不能与最近 ${s.passwordHistory} 次使用过的密码相同`);
      break;
    }
  }
  if (problems.length) throw new AppError('WEAK_PASSWORD', `密码不符合要求：${problems.join('；')}`, problems.map((message) => ({ path: ['password'], message })));
}
