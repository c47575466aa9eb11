import { type AnyPgColumn, doublePrecision, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const parks = pgTable('parks', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: uuid('parent_id').references((): AnyPgColumn => parks.id),
  district: text('district'),
  areaKm2: numeric('area_km2', { precision: 12, scale: 4, mode: 'number' }).notNull(),
  centerLon: doublePrecision('center_lon'),
  centerLat: doublePrecision('center_lat'),
  /** Closed ring of WGS84 [lon, lat] points. */
  boundary: jsonb('boundary').$type<[number, number][]>(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    headUserId: uuid('head_user_id'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique('departments_park_name_key').on(t.parkId, t.name)],
);
