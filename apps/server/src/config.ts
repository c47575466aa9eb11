import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  ADMIN_PASSWORD: z.string().optional(),
  DEMO_PASSWORD: z.string().optional(),
  SEED_DEMO: bool.default(true),
  SEED_DEMO_STATISTICS: bool.default(true),
  SEED_DEMO_SERVICE_DESK: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  COOKIE_SECURE: bool.default(false),
  // How many proxy hops in front of the app to trust for X-Forwarded-For (0 = none): never all of them.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOGIN_RATE_PER_IP: z.coerce.number().int().min(1).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  pgPort: number;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  seedDemo: boolean;
  /** With seedDemo: 36 months of statistics reports of the demo enterprises. */
  seedDemoStatistics: boolean;
  /** With seedDemo: a year of work orders, visits, service packages and notifications. */
  seedDemoServiceDesk: boolean;
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  cookieSecure: boolean;
  trustProxy: number;
  loginRatePerIp: number;
  bodyLimit: number;
};

/** Reads the environment once; a bad value is one clear line, not a stack trace. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`配置项 ${issue.path.join('.')} 无效：${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    pgPort: e.PG_PORT,
    adminPassword: e.ADMIN_PASSWORD,
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: e.SEED_DEMO,
    seedDemoStatistics: e.SEED_DEMO_STATISTICS,
    seedDemoServiceDesk: e.SEED_DEMO_SERVICE_DESK,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    loginRatePerIp: e.LOGIN_RATE_PER_IP,
    bodyLimit: e.BODY_LIMIT_BYTES,
  };
}

export class ConfigError extends Error {}
