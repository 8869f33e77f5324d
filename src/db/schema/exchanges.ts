import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { hubs } from './hubs.js';
import { practices } from './practices.js';

/** A request from one hub to another to learn from each other, optionally about one practice. */
export const exchanges = pgTable(
  'exchanges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromHubId: uuid('from_hub_id').notNull().references(() => hubs.id, { onDelete: 'cascade' }),
    toHubId: uuid('to_hub_id').notNull().references(() => hubs.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [index('exchanges_from_idx').on(t.fromHubId), index('exchanges_to_idx').on(t.toHubId)],
);

export const exchangeMessages = pgTable(
  'exchange_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Orders messages that share a timestamp.
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    hubId: uuid('hub_id').notNull().references(() => hubs.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exchange_messages_exchange_idx').on(t.exchangeId)],
);
