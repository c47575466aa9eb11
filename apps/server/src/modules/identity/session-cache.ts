import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/pool';
import type { UserRow } from './identity.repository';
import type { sessions } from './identity.tables';

export const SESSION_EVICT_CHANNEL = 'zhiyuan_session_evict';

type Entry = { session: typeof sessions.$inferSelect; user: UserRow; cachedAt: number };
export type Eviction = { sessionIdHash: string } | { userId: string };

/**
 * Resumed sessions kept in memory for a few seconds, so that an authenticated request costs no
 * query. Every instance stays exact: whoever ends a session or changes a user evicts locally and
 * NOTIFYs the others in the same transaction; while the LISTEN connection is down nothing is cached.
 */
export function createSessionCache(ttlMs = 30_000) {
  const entries = new Map<string, Entry>();
  let enabled = false;
  // Bumped by every eviction: a lookup that raced with one must not cache what it read.
  let generation = 0;

  function evict(key: string): void {
    generation++;
    if (key.startsWith('s:')) entries.delete(key.slice(2));
    else if (key.startsWith('u:')) for (const [id, e] of entries) if (e.user.id === key.slice(2)) entries.delete(id);
  }

  return {
    get generation() {
      return generation;
    },
    get(idHash: string, now: number): Entry | undefined {
      const e = enabled ? entries.get(idHash) : undefined;
      return e && now - e.cachedAt < ttlMs ? e : undefined;
    },
    set(idHash: string, entry: Omit<Entry, 'cachedAt'>, now: number, since: number): void {
      if (enabled && since === generation) entries.set(idHash, { ...entry, cachedAt: now });
    },
    /** Remote evictions, from the LISTEN connection. */
    onMessage: evict,
    onListening(connected: boolean): void {
      enabled = connected;
      generation++;
      entries.clear();
    },
    /** Evicts here at once and, when the transaction commits, on every other instance. */
    async invalidate(tx: Executor, what: Eviction): Promise<void> {
      const key = 'sessionIdHash' in what ? `s:${what.sessionIdHash}` : `u:${what.userId}`;
      evict(key);
      await tx.execute(sql`SELECT pg_notify(${SESSION_EVICT_CHANNEL}, ${key})`);
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;
