import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** A caller's park scope: every park it may see, sub-parks included. */
export type ParkScope = { all: boolean; ids: ReadonlySet<string> };

/** True when every park of the list is in scope (an empty list only for zone-wide callers). */
export const coversAll = (scope: ParkScope, parkIds: readonly string[]) =>
  scope.all || (parkIds.length > 0 && parkIds.every((id) => scope.ids.has(id)));

/** SQL: a uuid[] column whose parks all lie in the scope (undefined = no restriction). */
export function parkArrayWithin(column: AnyColumn, scope: ParkScope): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.ids.size === 0) return sql`false`;
  const ids = sql.join([...scope.ids].map((id) => sql`${id}::uuid`), sql`, `);
  return sql`(cardinality(${column}) > 0 AND ${column} <@ ARRAY[${ids}])`;
}
