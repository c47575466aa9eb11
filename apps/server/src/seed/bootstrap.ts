import { sql } from 'drizzle-orm';
import { generatePassword, roleCodes, roleNames, type RoleCode } from '@zhiyuan/core';
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

const SEED_LOCK = 7262003;
export const CALENDAR_SEED_YEARS = [2024, 2025, 2026];

export type SeedReport = { adminPassword?: string; demoPassword?: string; demo: boolean } | null;

/**
 * First start on an empty database: the working-day calendar, the zone (the Zhongguancun demo
 * when SEED_DEMO is on), the initial `admin` and one demo account per role. One transaction under
 * an advisory lock: a kill half-way leaves an empty database, seeded again on the next start.
 */
export async function bootstrap(db: Db, services: Services, config: Config): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    await services.calendar.seed(tx, CALENDAR_SEED_YEARS);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if ((existing?.n ?? 0) > 0) return null;

    const zone = await insertPark(tx, config.seedDemo ? { ...withoutCenter(demoZone), centerLon: demoZone.center[0], centerLat: demoZone.center[1] } : { code: 'ZONE', name: '园区管委会', areaKm2: 1 });
    const adminPassword = config.adminPassword ?? generatePassword();
    assertStrong(adminPassword, 'admin', 'ADMIN_PASSWORD');
    await createUser(tx, 'admin', '系统管理员', adminPassword, ['sysadmin'], [zone.id], config.adminPassword === undefined);

    let demoPassword: string | undefined;
    if (config.seedDemo) {
      const subParks = [];
      for (const p of demoSubParks) subParks.push(await insertPark(tx, { ...withoutCenter(p), parentId: zone.id, centerLon: p.center[0], centerLat: p.center[1] }));
      for (const name of demoDepartments) await insertDepartment(tx, { name, parkId: zone.id });
      const haidian = subParks[0]!;
      await insertDepartment(tx, { name: '海淀园企业服务部', parkId: haidian.id });
      const password = (demoPassword = config.demoPassword ?? generatePassword());
      for (const role of roleCodes.filter((r) => r !== 'sysadmin' && r !== 'enterprise')) {
        assertStrong(password, demoUsername(role), 'DEMO_PASSWORD');
        // Park staff see the whole zone except the park admin, who shows what a sub-park scope looks like.
        await createUser(tx, demoUsername(role), `${roleNames[role].zh}（示例）`, password, [role], [role === 'park_admin' ? haidian.id : zone.id], false);
      }
    }
    await services.audit.record(tx, systemContext, { action: 'system.seed', summary: { demo: config.seedDemo, calendarYears: CALENDAR_SEED_YEARS } });
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

async function createUser(tx: Tx, username: string, displayName: string, password: string, roles: RoleCode[], parkIds: string[], mustChangePassword: boolean) {
  const passwordHash = await hashPassword(password);
  const user = await insertUser(tx, { username, displayName, roles, parkIds, passwordHash, mustChangePassword });
  await insertPasswordHistory(tx, user.id, passwordHash);
}
