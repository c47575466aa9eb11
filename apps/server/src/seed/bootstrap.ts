import { sql } from 'drizzle-orm';
import { addMonths, generatePassword, roleCodes, roleNames, shanghaiDate, type RoleCode } from '@zhiyuan/core';
import type { Config } from '../config';
import type { Db, Tx } from '../db/pool';
import { systemContext } from '../context';
import { hashPassword } from '../crypto/password-hash';
import { ConfigError } from '../config';
import { checkPassword } from '@zhiyuan/core';
import type { Services } from '../services';
import { users } from '../modules/identity/identity.tables';
import { insertPasswordHistory, insertUser } from '../modules/identity/identity.repository';
import { insertDepartment, insertPark } from '../modules/parks/parks.repository';
import { demoDepartments, demoSubParks, demoZone } from './zhongguancun';
import { seedDemoEnterprises, seedQualificationKinds } from './seed-enterprises';
import { seedIndicators } from './seed-indicators';
import { seedDefaultCategories } from '../modules/service-desk/service-desk-settings.repository';
import { seedDemoStatistics } from './seed-statistics';
import { seedDemoServiceDesk } from './seed-service-desk';

const SEED_LOCK = 7262003;
export const CALENDAR_SEED_YEARS = [2024, 2025, 2026];
/** Synthetic enterprises of the demo zone; every tenth is looked after by demo_service_officer. */
export const DEMO_ENTERPRISES = 3000;

export type SeedReport = { adminPassword?: string; demoPassword?: string; demo: boolean } | null;

/**
 * First start on an empty database: the working-day calendar, the qualification kinds, the
 * statistics indicators, the zone (the Zhongguancun demo with its synthetic enterprises when
 * SEED_DEMO is on, their 36 months of statistics unless SEED_DEMO_STATISTICS is off and a year of
 * the service desk unless SEED_DEMO_SERVICE_DESK is off), the initial `admin` and one demo
 * account per role. One transaction under an advisory lock: a kill half-way leaves an empty
 * database, seeded again on the next start.
 */
export async function bootstrap(db: Db, services: Services, config: Config): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    await services.calendar.seed(tx, CALENDAR_SEED_YEARS);
    // Before the users check: a database from before the registry gets its kinds too (only while there are none).
    await seedQualificationKinds(tx);
    await seedIndicators(tx);
    // Every install, demo or not: the service desk needs its category tree (an edited one is left alone).
    await seedDefaultCategories(tx);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if ((existing?.n ?? 0) > 0) return null;

    const zone = await insertPark(tx, config.seedDemo ? { ...withoutCenter(demoZone), centerLon: demoZone.center[0], centerLat: demoZone.center[1] } : { code: 'ZONE', name: '园区管委会', areaKm2: 1 });
    const adminPassword = config.adminPassword ?? generatePassword();
    assertStrong(adminPassword, 'admin', 'ADMIN_PASSWORD');
    await createUser(tx, 'admin', '系统管理员', adminPassword, ['sysadmin'], [zone.id], config.adminPassword === undefined);

    let demoPassword: string | undefined;
    let demoEnterprises = 0;
    let demoReports: number | undefined;
    let demoDesk: number | undefined;
    if (config.seedDemo) {
      const subParks = [];
      for (const p of demoSubParks) subParks.push(await insertPark(tx, { ...withoutCenter(p), parentId: zone.id, centerLon: p.center[0], centerLat: p.center[1] }));
      for (const name of demoDepartments) await insertDepartment(tx, { name, parkId: zone.id });
      const haidian = subParks[0]!;
      await insertDepartment(tx, { name: '海淀园企业服务部', parkId: haidian.id });
      const password = (demoPassword = config.demoPassword ?? generatePassword());
      const demoUsers = new Map<RoleCode, string>();
      for (const role of roleCodes.filter((r) => r !== 'sysadmin' && r !== 'enterprise')) {
        assertStrong(password, demoUsername(role), 'DEMO_PASSWORD');
        // Park staff see the whole zone except the park admin, who shows what a sub-park scope looks like.
        demoUsers.set(role, await createUser(tx, demoUsername(role), `${roleNames[role].zh}（示例）`, password, [role], [role === 'park_admin' ? haidian.id : zone.id], false));
      }
      const parks = subParks.map((p) => ({ id: p.id, code: p.code, district: p.district ?? '', center: [p.centerLon!, p.centerLat!] as [number, number], areaKm2: p.areaKm2 }));
      const officer = demoUsers.get('service_officer');
      const today = shanghaiDate(new Date());
      const seeded = await seedDemoEnterprises(tx, { parks, cipher: services.cipher, today, count: DEMO_ENTERPRISES, ...(officer ? { serviceOfficer: { id: officer, everyNth: 10 } } : {}) });
      demoEnterprises = seeded.count;
      // The enterprise account belongs to an active 海淀园 enterprise; the 海淀园 park admin manages it.
      const haidianEnterprises = seeded.byPark.get(haidian.code) ?? [];
      // One with a full history (moved in before the statistics window), so the portal shows last month and last year.
      const longStanding = (e: (typeof haidianEnterprises)[number]) => e.status === 'active' && (!e.movedInOn || e.movedInOn < `${addMonths(today.slice(0, 7), -40)}-01`);
      const own = haidianEnterprises.find(longStanding) ?? haidianEnterprises.find((e) => e.status === 'active');
      if (own) {
        assertStrong(password, demoUsername('enterprise'), 'DEMO_PASSWORD');
        demoUsers.set('enterprise', await createUser(tx, demoUsername('enterprise'), `${roleNames.enterprise.zh}（示例）`, password, ['enterprise'], [haidian.id], false, own.id));
      }
      if (config.seedDemoStatistics) {
        // 36 months up to last month; the demo enterprise has not reported last month yet.
        const statistics = await seedDemoStatistics(tx, { enterprises: [...seeded.byPark.values()].flat(), today, excludeLastPeriodFor: own?.id ?? null });
        demoReports = statistics.reports;
        await services.rollups.refreshIn(tx, statistics.periods);
      }
      if (config.seedDemoServiceDesk) {
        const id = (role: RoleCode) => demoUsers.get(role)!;
        const userIds = { officer: id('service_officer'), departmentStaff: id('department_staff'), parkAdmin: id('park_admin'), leader: id('leader'), enterprise: demoUsers.get('enterprise') ?? null };
        demoDesk = (await seedDemoServiceDesk(tx, { now: new Date(), cipher: services.cipher, userIds, adminParkId: haidian.id })).orders;
      }
    }
    await services.audit.record(tx, systemContext, { action: 'system.seed', summary: { demo: config.seedDemo, calendarYears: CALENDAR_SEED_YEARS, ...(config.seedDemo ? { enterprises: demoEnterprises } : {}), ...(demoReports !== undefined ? { statReports: demoReports } : {}), ...(demoDesk !== undefined ? { workOrders: demoDesk } : {}) } });
    return {
      demo: config.seedDemo,
      ...(config.adminPassword ? {} : { adminPassword }),
      ...(demoPassword && !config.demoPassword ? { demoPassword } : {}),
    };
  });
}

export const demoUsername = (role: RoleCode) => `demo_${role}`;

function withoutCenter<T extends { center?: unknown }>(p: T): Omit<T, 'center'> {
  const { center: _center, ...rest } = p;
  return rest;
}

function assertStrong(password: string, username: string, variable: string) {
  const problems = checkPassword(password, { username });
  if (problems.length) throw new ConfigError(`${variable} 不符合密码策略：${problems.map((p) => p.message).join('；')}`);
}

async function createUser(tx: Tx, username: string, displayName: string, password: string, roles: RoleCode[], parkIds: string[], mustChangePassword: boolean, enterpriseId: string | null = null): Promise<string> {
  const passwordHash = await hashPassword(password);
  const user = await insertUser(tx, { username, displayName, roles, parkIds, passwordHash, mustChangePassword, enterpriseId });
  await insertPasswordHistory(tx, user.id, passwordHash);
  return user.id;
}
