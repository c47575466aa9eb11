// Every table of every module, for drizzle-kit. Modules import their own tables directly.
export * from '../modules/identity/identity.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/parks/parks.tables';
export * from '../modules/calendar/calendar.tables';
export * from '../modules/enterprises/enterprises.tables';
export * from '../modules/statistics/statistics.tables';
export * from '../modules/service-desk/service-desk.tables';
export * from '../modules/service-desk/visits.tables';
export * from '../modules/notifications/notifications.tables';
