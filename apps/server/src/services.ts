import { can } from '@zhiyuan/core';
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
import { createChangeFeed } from './db/change-feed';
import { createParksService } from './modules/parks/parks.service';
import { createUserDirectory } from './modules/identity/user-directory';
import { createEnterprisesService } from './modules/enterprises/enterprises.service';
import { createQualificationsService } from './modules/enterprises/qualifications.service';
import { createChangeRequestsService } from './modules/enterprises/change-requests.service';
import { createSavedFiltersService } from './modules/enterprises/saved-filters.service';
import { createEnterpriseImport } from './modules/enterprises/enterprise-import';
import { createEnterpriseExport } from './modules/enterprises/enterprise-export';
import { createIndicatorsService } from './modules/statistics/indicators.service';
import { createPeriodsService } from './modules/statistics/periods.service';
import { createRollupsService } from './modules/statistics/rollups.service';
import { createReportWriter } from './modules/statistics/report-writer';
import { createReportingService } from './modules/statistics/reporting.service';
import { createFiguresService } from './modules/statistics/figures.service';
import { createRankingService } from './modules/statistics/ranking.service';
import { createStatisticsImport } from './modules/statistics/statistics-import';
import { createStatisticsExport } from './modules/statistics/statistics-export';
import type { Jobs } from './jobs/jobs';
import { createVisitsService } from './modules/service-desk/visits.service';
import { createServicePackagesService } from './modules/service-desk/service-packages.service';
import { createWorkbenchService } from './modules/service-desk/workbench.service';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createWorkOrderStatsService } from './modules/service-desk/work-order-stats.service';
import { createServiceDeskSettings } from './modules/service-desk/service-desk-settings';
import { createWorkOrdersService } from './modules/service-desk/work-orders.service';
import { createWorkOrderAttachments } from './modules/service-desk/work-order-attachments';
import { createSweepService } from './modules/service-desk/sweep';
import { createSupervisionService } from './modules/service-desk/supervision.service';
import type { OutboundLog } from './modules/notifications/outbound';

/** Wires each module's service with only the collaborators it needs. */
/** `jobs` is read when a service enqueues work: the queue starts after the services are built. */
export function createServices(db: Db, config: Config, cipher: FieldCipher, clock: () => Date = () => new Date(), jobs: () => Jobs | null = () => null, log?: OutboundLog & { warn: (obj: object, msg: string) => void }) {
  const audit = createAuditService(db);
  const securitySettings = createSecuritySettingsService(db, audit, {
    ...defaultSecuritySettings,
    idleTimeoutMinutes: Math.round(config.sessionIdleMs / 60_000),
    absoluteTimeoutHours: Math.round(config.sessionAbsoluteMs / 3_600_000),
  });
  const changeFeed = createChangeFeed();
  const parks = createParksService(db, audit, changeFeed);
  const sessionCache = createSessionCache();
  const userDirectory = createUserDirectory(db);
  const enterpriseDeps = { db, audit, parks, users: userDirectory, cipher, clock };
  const enterprises = createEnterprisesService(enterpriseDeps);
  const indicators = createIndicatorsService(db, audit, changeFeed);
  const statPeriods = createPeriodsService(db, audit, enterprises, changeFeed, clock);
  const rollups = createRollupsService(db, audit, enterprises, changeFeed, jobs, statPeriods.currentPeriod);
  const reportWriter = createReportWriter({ db, audit, enterprises, indicators, periods: statPeriods, rollups, clock });
  const qualifications = createQualificationsService(db, audit, enterprises, parks);
  const ranking = createRankingService(db, enterprises, parks, indicators);
  const notifications = createNotificationsService({ db, users: userDirectory, clock, log });
  const calendar = createCalendarService(db, audit, changeFeed, clock);
  const serviceDeskSettings = createServiceDeskSettings(db, audit, changeFeed);
  const workOrderDeps = { db, audit, parks, enterprises, users: userDirectory, calendar, notifications, settings: serviceDeskSettings, cipher, clock, dataDir: config.dataDir, log };
  const workOrders = createWorkOrdersService(workOrderDeps);
  const visits = createVisitsService({ db, audit, parks, enterprises, users: userDirectory, clock, orders: workOrders });
  const servicePackages = createServicePackagesService({ db, audit, parks, enterprises, users: userDirectory });
  const workOrderStats = createWorkOrderStatsService({ db, audit, parks, users: userDirectory, settings: serviceDeskSettings, clock });
  const figures = createFiguresService({
    ...{ db, enterprises, qualifications, parks, indicators, rollups, feed: changeFeed },
    overdueOrders: async (ctx) => (can(ctx.actor.roles, 'workOrder.stats') ? workOrderStats.overdueNow(ctx) : null),
  });
  const workbench = createWorkbenchService({ db, enterprises, users: userDirectory, visits, packages: servicePackages, orders: workOrders, notifications, calendar, clock });
  return {
    /** The field cipher, for seeds that write encrypted columns directly. */
    cipher,
    audit,
    sessionCache,
    changeFeed,
    securitySettings,
    parks,
    auth: createAuthService(db, audit, securitySettings, sessionCache, clock),
    users: createUsersService(db, audit, parks, securitySettings, cipher, sessionCache, enterprises.existsInParks, clock),
    tokens: createTokensService(db, audit, parks, clock),
    calendar,
    enterprises,
    qualifications,
    changeRequests: createChangeRequestsService(db, audit, enterprises, clock),
    savedFilters: createSavedFiltersService(db),
    enterpriseImport: createEnterpriseImport({ ...enterpriseDeps, enterprises }),
    enterpriseExport: createEnterpriseExport({ ...enterpriseDeps, enterprises }),
    indicators,
    statPeriods,
    rollups,
    reportWriter,
    reporting: createReportingService({ db, audit, enterprises, parks, indicators, periods: statPeriods, rollups, notifications, clock }),
    figures,
    ranking,
    statisticsExport: createStatisticsExport(db, audit, indicators, figures, ranking),
    statisticsImport: createStatisticsImport({ db, enterprises, indicators, writer: reportWriter }),
    visits,
    servicePackages,
    workbench,
    notifications,
    serviceDeskSettings,
    workOrders,
    workOrderAttachments: createWorkOrderAttachments(workOrderDeps, workOrders),
    workOrderStats,
    /** The SLA sweep (`serviceDesk.sweep(now?)`: the pg-boss job, tests and the bench call it). */
    serviceDesk: createSweepService({ db, audit, notifications, calendar, clock }),
    supervisions: createSupervisionService({ db, audit, parks, users: userDirectory, notifications, clock }),
  };
}
export type Services = ReturnType<typeof createServices>;
