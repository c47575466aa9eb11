import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { parks } from '../parks/parks.tables';
import { users } from '../identity/identity.tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** A contact as stored: the phone number is encrypted with the field cipher. */
export type StoredContact = { name: string; title: string | null; phoneEnc: string | null; email: string | null; primary: boolean };

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    /** enterpriseNameKey(name) of packages/core: finds near-identical names in a park. */
    nameKey: text('name_key').notNull(),
    formerNames: text('former_names').array().notNull().default(sql`'{}'::text[]`),
    legalRepresentative: text('legal_representative'),
    registeredCapital: numeric('registered_capital', { precision: 18, scale: 4, mode: 'number' }),
    establishedOn: day('established_on'),
    registeredAddress: text('registered_address'),
    operatingAddress: text('operating_address'),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    industryCode: text('industry_code').notNull(),
    industrySection: text('industry_section').notNull(),
    emergingIndustry: text('emerging_industry'),
    aboveScale: boolean('above_scale').notNull().default(false),
    listingStage: text('listing_stage', { enum: ['none', 'tutoring', 'filing', 'listed'] }).notNull().default('none'),
    listingBoard: text('listing_board'),
    ticker: text('ticker'),
    headcount: integer('headcount'),
    landArea: numeric('land_area', { precision: 14, scale: 2, mode: 'number' }),
    landTenure: text('land_tenure', { enum: ['owned', 'rented'] }),
    floorArea: numeric('floor_area', { precision: 14, scale: 2, mode: 'number' }),
    floorTenure: text('floor_tenure', { enum: ['owned', 'rented'] }),
    lon: doublePrecision('lon'),
    lat: doublePrecision('lat'),
    contacts: jsonb('contacts').$type<StoredContact[]>().notNull().default(sql`'[]'::jsonb`),
    serviceOfficerId: uuid('service_officer_id').references(() => users.id),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['active', 'relocating', 'moved_out', 'deregistered'] }).notNull().default('active'),
    statusSince: day('status_since'),
    /** Character bigrams of name, former names and USCC (SQL function enterprise_search_grams): Chinese-aware partial match. */
    searchGrams: text('search_grams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`enterprise_search_grams(name, former_names, uscc)`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('enterprises_search_grams_idx').using('gin', t.searchGrams),
    index('enterprises_park_name_key_idx').on(t.parkId, t.nameKey),
    index('enterprises_name_idx').on(t.name),
    // The default order of a text search (shorter names first): a page is read off the index, not sorted.
    index('enterprises_name_length_idx').on(sql`length(${t.name})`, t.name, t.id),
    index('enterprises_industry_idx').on(t.industrySection, t.industryCode),
    index('enterprises_officer_idx').on(t.serviceOfficerId),
    index('enterprises_tags_idx').using('gin', t.tags),
    // The landing page's order; id breaks the ties of rows written by one import.
    index('enterprises_updated_idx').on(t.updatedAt.desc(), t.id),
  ],
);

export const qualificationKinds = pgTable('qualification_kinds', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
  validityYears: integer('validity_years'),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export type StoredReview = { date: string; outcome: 'passed' | 'failed' | 'pending'; note?: string | null };

export const qualifications = pgTable(
  'enterprise_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind')
      .notNull()
      .references(() => qualificationKinds.code),
    certificateNo: text('certificate_no'),
    issuer: text('issuer'),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to'),
    reviews: jsonb('reviews').$type<StoredReview[]>().notNull().default(sql`'[]'::jsonb`),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('enterprise_qualifications_enterprise_idx').on(t.enterpriseId), index('enterprise_qualifications_kind_valid_idx').on(t.kind, t.validTo), index('enterprise_qualifications_valid_to_idx').on(t.validTo)],
);

export const statusEvents = pgTable(
  'enterprise_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['moved_in', 'relocating', 'retained', 'moved_out', 'deregistered'] }).notNull(),
    on: day('on').notNull(),
    destination: text('destination'),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enterprise_status_events_enterprise_idx').on(t.enterpriseId, t.on)],
);

export const changeRequests = pgTable(
  'enterprise_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    changes: jsonb('changes').$type<Record<string, string>>().notNull(),
    before: jsonb('before').$type<Record<string, string>>().notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull().default('pending'),
    requestedById: uuid('requested_by_id'),
    requestedByName: text('requested_by_name'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedById: uuid('decided_by_id'),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
    comment: text('comment'),
  },
  (t) => [index('enterprise_change_requests_status_idx').on(t.status, t.requestedAt), index('enterprise_change_requests_enterprise_idx').on(t.enterpriseId)],
);

export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    module: text('module').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string | boolean>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('saved_filters_user_module_name_key').on(t.userId, t.module, t.name)],
);

/** A previewed import waiting to be committed: its changes, each with the row state it was computed from. */
export const enterpriseImports = pgTable('enterprise_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id'),
  fileName: text('file_name').notNull(),
  rows: integer('rows').notNull(),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
  status: text('status', { enum: ['previewed', 'committed', 'expired'] }).notNull().default('previewed'),
  /** ImportItem[] (see enterprise-import.ts): every row, with what it would write. */
  items: jsonb('items').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  committedAt: ts('committed_at'),
});
