import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS, wrapPglite, type Database } from '../src/db/database.js';

/**
 * One database per test file: a copy of the migrated PGlite template, or — when DATABASE_URL is set —
 * a new database on that PostgreSQL server, dropped at the end.
 */
export async function openTestDatabase(): Promise<Database & { truncate(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  let drop = async () => {};
  if (url) {
    const name = `passerelle_t_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl: url, dataDir: '' });
    await admin.db.execute(sql.raw(`create database ${name}`));
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: u.toString(), dataDir: '' });
    await database.migrate();
    drop = async () => {
      const again = await openDatabase({ databaseUrl: url, dataDir: '' });
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await again.close();
    };
  } else {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    database = wrapPglite(await PGlite.create({ loadDataDir: blob, extensions: PGLITE_EXTENSIONS }));
  }
  return {
    ...database,
    async close() {
      await database.close();
      await drop();
    },
    async truncate() {
      await database.db.execute(sql`truncate users, organisations, hubs, practices, subscribers, blocked_numbers, alerts, outbox_messages, inbound_messages, sms_continuations, processes, process_texts, process_phases, process_phase_texts, phase_changes, stocktake_activities, stocktake_activity_texts, iati_imports, plan_documents, plan_document_texts, plan_sections, section_versions, amendments, amendment_votes, action_items, action_item_texts, commitments, commitment_texts, commitment_items, commitment_changes, progress_updates, progress_documents, progress_imports, stories, story_links restart identity cascade`);
    },
  };
}
