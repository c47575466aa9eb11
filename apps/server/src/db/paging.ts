import { asc, desc, type AnyColumn, type SQL } from 'drizzle-orm';

/** `sort` is a field name or -field; only whitelisted fields sort, others fall back to the default. */
export function orderFrom(sort: string | undefined, columns: Record<string, AnyColumn>, fallback: SQL): SQL {
  if (!sort) return fallback;
  const descending = sort.startsWith('-');
  const column = columns[descending ? sort.slice(1) : sort];
  if (!column) return fallback;
  return descending ? desc(column) : asc(column);
}

export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
