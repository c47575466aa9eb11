// Background work through pg-boss in the same PostgreSQL (DESIGN.md §2): no Redis, and any number
// of app instances can run side by side without doing a job twice (SKIP LOCKED).
//
// pg-boss creates its schema and one partition table per queue, which takes DDL rights the app
// role does not have: `installJobQueues` runs with the migrations, as the owner, and grants the
// app role what it needs; the running app then uses pg-boss through its own pool (as zhiyuan_app).
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { APP_ROLE } from '../db/pool';

const SCHEMA = 'pgboss';

/**
 * Every queue the app uses. `short`: at most one job waits at a time — a burst of writes wakes the
 * worker once, and the job itself drains everything that is due (the work list is in our tables).
 * `stately`: besides, at most one job is active — the SLA sweep never runs twice at once, whichever
 * instances are up; a run that failed is simply the next minute's (no retry).
 */
export const queues = {
  statisticsRollups: { name: 'statistics-rollups', policy: 'short', retryLimit: 3, retryDelay: 5 },
  serviceDeskSweep: { name: 'service-desk-sweep', policy: 'stately', retryLimit: 0, expireInSeconds: 300 },
} as const satisfies Record<string, PgBoss.Queue>;
export type QueueName = (typeof queues)[keyof typeof queues]['name'];

/** Queues fed by pg-boss's clock (cron, Asia/Shanghai) instead of by a write: installed with the queues. */
export const schedules: readonly { queue: QueueName; cron: string }[] = [{ queue: queues.serviceDeskSweep.name, cron: '* * * * *' }];
/** pg-boss's own queue for cron (its timekeeper's "send-it"): a queue is a table, which the app role cannot create. */
const CRON_QUEUE = '__pgboss__send-it';

/** As the database owner, with the migrations: pg-boss's schema, our queues, and the app role's grants. */
export async function installJobQueues(url: string): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: SCHEMA, max: 2, supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const q of Object.values(queues)) if (!(await boss.getQueue(q.name))) await boss.createQueue(q.name, q);
    if (!(await boss.getQueue(CRON_QUEUE))) await boss.createQueue(CRON_QUEUE);
    for (const s of schedules) await boss.schedule(s.queue, s.cron, undefined, { tz: 'Asia/Shanghai' });
    const db = boss.getDb();
    for (const grant of [
      `GRANT USAGE ON SCHEMA ${SCHEMA} TO ${APP_ROLE}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${APP_ROLE}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${SCHEMA} TO ${APP_ROLE}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${SCHEMA} TO ${APP_ROLE}`,
    ])
      await db.executeSql(grant, []);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

export type JobHandler = () => Promise<void>;

export type Jobs = {
  /** Asks for a run of the queue's worker (on any instance); at most one waits per `short` queue. */
  wake(queue: QueueName): Promise<void>;
  /** Runs `handler` for this queue's jobs on this instance. */
  work(queue: QueueName, handler: JobHandler): Promise<void>;
  stop(): Promise<void>;
};

/**
 * pg-boss on the app's pool (so it runs as the app role). `workers: false` only enqueues (tests, CLIs).
 * Every instance keeps the cron clock (`schedule`); pg-boss lets one of them send each minute's job.
 */
export async function startJobs(pool: pg.Pool, opts: { pollingIntervalSeconds?: number } = {}): Promise<Jobs> {
  const db: PgBoss.Db = { executeSql: (text, values) => pool.query(text, values) };
  const boss = new PgBoss({ db, schema: SCHEMA, migrate: false, supervise: true, schedule: true });
  boss.on('error', (e) => console.error('[jobs]', e));
  await boss.start();
  const workers = new Map<QueueName, string>();
  return {
    async wake(queue) {
      await boss.send(queue, {});
      const id = workers.get(queue);
      if (id) boss.notifyWorker(id); // this instance picks it up now instead of at its next poll
    },
    async work(queue, handler) {
      workers.set(queue, await boss.work(queue, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async () => handler()));
    },
    async stop() {
      await boss.stop({ graceful: true, close: false, timeout: 5_000 });
    },
  };
}
