import { boolean, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

export const hubs = pgTable('hubs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  communityType: text('community_type').notNull(),
  country: text('country').notNull(),
  adminArea: text('admin_area'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  languages: text('languages').array().notNull(),
  internet: text('internet').notNull(),
  mobile: text('mobile').notNull(),
  hasSms: boolean('has_sms').notNull(),
  radioName: text('radio_name'),
  radioFrequency: text('radio_frequency'),
  electricity: text('electricity').notNull(),
  population: integer('population'),
  themes: text('themes').array().notNull(),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  originalLanguage: text('original_language').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const hubTexts = pgTable(
  'hub_texts',
  {
    hubId: uuid('hub_id').notNull().references(() => hubs.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.lang] })],
);

export const hubMembers = pgTable(
  'hub_members',
  {
    hubId: uuid('hub_id').notNull().references(() => hubs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.hubId, t.userId] }), index('hub_members_user_idx').on(t.userId)],
);
