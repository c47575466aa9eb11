import { sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from './pool';

export const CHANGE_CHANNEL = 'zhiyuan_changed';

/**
 * Slowly changing data that many requests read: the park tree, the indicator catalog, the rollups,
 * the working-day calendar, the service desk's categories and deadline rules.
 */
export type ChangeTopic = 'parks' | 'indicators' | 'rollups' | 'calendar' | 'serviceDeskSettings';
const topics: readonly ChangeTopic[] = ['parks', 'indicators', 'rollups', 'calendar', 'serviceDeskSettings'];

/**
 * Tells every instance, when the transaction commits, that `topic` changed. Writers hold the
 * instance's feed and call `publish`; this alone is for a writer without it (a seed at start-up,
 * which this instance's LISTEN hears too).
 */
export async function notifyChange(tx: Executor, topic: ChangeTopic): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${CHANGE_CHANNEL}, ${topic})`);
}

type Entry = { stamp: string; value: Promise<unknown> };

/**
 * Per-instance memory of answers computed from slowly changing data, kept exact across instances:
 * whoever changes a topic bumps it here and NOTIFYs every instance in the same transaction (the
 * NOTIFY, delivered after the commit, bumps again, so an answer read while the change was still
 * uncommitted is not kept). While the LISTEN connection is down nothing is remembered.
 */
export function createChangeFeed(maxEntries = 2_000) {
  const versions = new Map<ChangeTopic, number>(topics.map((t) => [t, 0]));
  const entries = new Map<string, Entry>();
  let enabled = false;
  let epoch = 0;

  const bump = (topic: ChangeTopic) => versions.set(topic, versions.get(topic)! + 1);
  /** In the writer's transaction: forget the topic here at once and, when it commits, everywhere. */
  const publish = async (tx: Executor, topic: ChangeTopic): Promise<void> => {
    bump(topic);
    await notifyChange(tx, topic);
  };
  const stampOf = (deps: readonly ChangeTopic[]) => `${epoch}:${deps.map((t) => versions.get(t)).join('.')}`;

  return {
    /** Remote changes, from the LISTEN connection. */
    onMessage(payload: string): void {
      if ((topics as readonly string[]).includes(payload)) bump(payload as ChangeTopic);
    },
    onListening(connected: boolean): void {
      enabled = connected;
      epoch++;
      entries.clear();
    },
    publish,
    /**
     * After the writer's commit, where someone may look at once (a refresh the client waits for):
     * forget what was read here while the change was uncommitted, without waiting for the NOTIFY.
     */
    committed(topic: ChangeTopic): void {
      bump(topic);
    },
    /**
     * `work` in a transaction that publishes `topic`, then `committed`: a writer that answers with the
     * remembered view (a settings form) or is read again at once sees its own change.
     */
    async write<T>(db: Db, topic: ChangeTopic, work: (tx: Tx) => Promise<T>): Promise<T> {
      const result = await db.transaction(async (tx) => {
        const r = await work(tx);
        await publish(tx, topic);
        return r;
      });
      bump(topic);
      return result;
    },
    /**
     * The remembered answer for `key` while none of `deps` changed, else `compute()`'s. The stamp is
     * taken before computing: a change meanwhile makes the next read compute again.
     */
    memo<T>(deps: readonly ChangeTopic[], key: string, compute: () => Promise<T>): Promise<T> {
      const stamp = stampOf(deps);
      const hit = enabled ? entries.get(key) : undefined;
      if (hit?.stamp === stamp) return hit.value as Promise<T>;
      const value = compute();
      if (enabled) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { stamp, value });
        value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      }
      return value;
    },
  };
}
export type ChangeFeed = ReturnType<typeof createChangeFeed>;
