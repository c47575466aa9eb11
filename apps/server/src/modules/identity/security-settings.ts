import { securitySettings, type SecuritySettings } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import type { AuditService } from '../audit/audit.service';
import { touched } from '../audit/summary';
import { getSetting, putSetting } from './identity.repository';

/** The 等保 profile (DESIGN.md §4a); deviations are documented in docs/security.md. */
export const defaultSecuritySettings: SecuritySettings = {
  passwordMinLength: 10,
  passwordMinClasses: 3,
  passwordHistory: 5,
  passwordExpiryDays: 0,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
};

// Every authenticated request needs the session timeouts: other instances see a change within this time.
const CACHE_MS = 5_000;

export function createSecuritySettingsService(db: Db, audit: AuditService, defaults: SecuritySettings) {
  let cache: { at: number; value: SecuritySettings } | null = null;
  async function get(): Promise<SecuritySettings> {
    if (cache && Date.now() - cache.at < CACHE_MS) return cache.value;
    // Field by field: one stored value out of today's range must not drop the others.
    const stored = ((await getSetting(db, 'security')) ?? {}) as Record<string, unknown>;
    const value = { ...defaults };
    for (const [key, field] of Object.entries(securitySettings.shape)) {
      const parsed = field.safeParse(stored[key]);
      if (parsed.success) (value as Record<string, number>)[key] = parsed.data;
    }
    cache = { at: Date.now(), value };
    return value;
  }
  return {
    get,
    async update(ctx: RequestContext, patch: Partial<SecuritySettings>): Promise<SecuritySettings> {
      const before = await get();
      const after = { ...before, ...patch };
      await db.transaction(async (tx) => {
        await putSetting(tx, 'security', after);
        await audit.record(tx, ctx, { action: 'security.settings.update', targetType: 'settings', targetId: 'security', summary: { before: touched(before, patch), after: patch } });
      });
      cache = null;
      return after;
    },
  };
}
export type SecuritySettingsService = ReturnType<typeof createSecuritySettingsService>;
