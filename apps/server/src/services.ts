import type { Config } from './config';
import type { FieldCipher } from './crypto/field-cipher';
import type { Db } from './db/pool';
import { createAuditService } from './modules/audit/audit.service';
import { createCalendarService } from './modules/calendar/calendar.service';
import { createAuthService } from './modules/identity/auth.service';
import { createSecuritySettingsService, defaultSecuritySettings } from './modules/identity/security-settings';
import { createTokensService } from './modules/identity/tokens.service';
import { createUsersService } from './modules/identity/users.service';
import { createSessionCache } from './modules/identity/session-cache';
import { createParksService } from './modules/parks/parks.service';
import { createUserDirectory } from './modules/identity/user-directory';
import { createEnterprisesService } from './modules/enterprises/enterprises.service';
import { createQualificationsService } from './modules/enterprises/qualifications.service';
import { createChangeRequestsService } from './modules/enterprises/change-requests.service';
import { createSavedFiltersService } from './modules/enterprises/saved-filters.service';
import { createEnterpriseImport } from './modules/enterprises/enterprise-import';
import { createEnterpriseExport } from './modules/enterprises/enterprise-export';

/** Wires each module's service with only the collaborators it needs. */
export function createServices(db: Db, config: Config, cipher: FieldCipher, clock: () => Date = () => new Date()) {
  const audit = createAuditService(db);
  const securitySettings = createSecuritySettingsService(db, audit, {
    ...defaultSecuritySettings,
    idleTimeoutMinutes: Math.round(config.sessionIdleMs / 60_000),
    absoluteTimeoutHours: Math.round(config.sessionAbsoluteMs / 3_600_000),
  });
  const parks = createParksService(db, audit);
  const sessionCache = createSessionCache();
  const userDirectory = createUserDirectory(db);
  const enterpriseDeps = { db, audit, parks, users: userDirectory, cipher, clock };
  const enterprises = createEnterprisesService(enterpriseDeps);
  return {
    /** The field cipher, for seeds that write encrypted columns directly. */
    cipher,
    audit,
    sessionCache,
    securitySettings,
    parks,
    auth: createAuthService(db, audit, securitySettings, sessionCache, clock),
    users: createUsersService(db, audit, parks, securitySettings, cipher, sessionCache, enterprises.existsInParks, clock),
    tokens: createTokensService(db, audit, parks, clock),
    calendar: createCalendarService(db, audit, clock),
    enterprises,
    qualifications: createQualificationsService(db, audit, enterprises, parks),
    changeRequests: createChangeRequestsService(db, audit, enterprises, clock),
    savedFilters: createSavedFiltersService(db),
    enterpriseImport: createEnterpriseImport({ ...enterpriseDeps, enterprises }),
    enterpriseExport: createEnterpriseExport({ ...enterpriseDeps, enterprises }),
  };
}
export type Services = ReturnType<typeof createServices>;
