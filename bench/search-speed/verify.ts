import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/database.js';
import { importOpenData } from '../../src/domain/opendata/import.service.js';
import type { OpenDataFile } from '../../src/domain/opendata/format.js';
import type { Clock } from '../../src/lib/clock.js';
import { bulkLoad } from './load.js';

type Deps = { db: Db; clock: Clock };
const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

async function publicTables(db: Db): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  return rows.map((r) => r.name);
}

// Every public table, not just the ones the loader writes: a table the product's import starts to write
// (an outbox, an audit log) shows up as a difference instead of going unnoticed. Timestamps that come
// from the clock differ between two runs by construction and are left out.
async function snapshot(db: Db, tables: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of tables) {
    const [row] = await rowsOf<{ rows: string }>(db, sql`select coalesce(jsonb_agg(x order by x::text), '[]')::text as rows
      from (select to_jsonb(t) - 'created_at' - 'updated_at' as x from ${sql.identifier(t)} t) s`);
    out.set(t, row?.rows ?? '[]');
  }
  return out;
}

async function emptyAll(db: Db, tables: string[]) {
  await db.execute(sql`truncate table ${sql.join(tables.map((t) => sql.identifier(t)), sql`, `)} restart identity cascade`);
}

/**
 * Loads `sample` once through the product's `importOpenData` and once through `bulkLoad` into the same
 * empty node and compares every public table, search vectors included. Leaves the node empty.
 * Throws naming the first table that differs.
 */
export async function verifyBulkLoad(ctx: Deps, sample: OpenDataFile): Promise<{ tables: number; records: number }> {
  const tables = await publicTables(ctx.db);
  const summary = await importOpenData(ctx, sample);
  if (summary.problems.length) throw new Error(`importOpenData refused sample records: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  const viaImport = await snapshot(ctx.db, tables);
  await emptyAll(ctx.db, tables);
  await bulkLoad(ctx, sample);
  const viaBulk = await snapshot(ctx.db, tables);
  await emptyAll(ctx.db, tables);
  for (const t of tables) {
    const a = viaImport.get(t)!;
    const b = viaBulk.get(t)!;
    if (a !== b) {
      const at = [...a].findIndex((ch, i) => ch !== b[i]);
      throw new Error(`bulk load differs from importOpenData in ${t} near: import …${a.slice(at - 80, at + 80)}… bulk …${b.slice(at - 80, at + 80)}…`);
    }
  }
  return { tables: tables.length, records: sample.hubs.length + sample.practices.length };
}
