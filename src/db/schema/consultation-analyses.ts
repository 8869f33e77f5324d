import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { consultations } from './consultations.js';

/**
 * The latest stored opinion analysis of each consultation. `vote_count` is the number of vote_history
 * rows of the consultation the analysis saw: history is append-only, so this count only grows, and
 * unlike a seq (handed out before commit) it never skips a vote that committed late.
 */
export const consultationAnalyses = pgTable('consultation_analyses', {
  consultationId: uuid('consultation_id').primaryKey().references(() => consultations.id, { onDelete: 'cascade' }),
  voteCount: integer('vote_count').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  durationMs: integer('duration_ms').notNull(),
  result: jsonb('result').notNull(),
});
