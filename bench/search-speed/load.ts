import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../src/db/database.js';
import { hubs, hubTexts, practiceHubs, practices, practiceTexts, practiceVersions } from '../../src/db/schema/index.js';
import { hubRecordSchema, practiceRecordSchema, type OpenDataFile } from '../../src/domain/opendata/format.js';
import type { Clock } from '../../src/lib/clock.js';
import { hubRowsOf, practiceRowsOf, type PracticeRows } from './rows.js';

// Records per transaction. Each statement stays far below PostgreSQL's 65,535 bind parameters
// (practice_texts has 14 columns, so 1,000 rows use 14,000), and a failed batch loses little.
export const BATCH = 1000;

export type LoadResult = { hubs: number; practices: number; texts: number; ms: number };

/**
 * Loads an open-data file with multi-row INSERTs instead of `importOpenData`'s record-by-record
 * transactions (≈160 records/s, so 10 minutes for 100k). Records go through the product's own zod
 * schemas, so defaults and normalisation are the import's; the database triggers fill search_vector.
 * Not idempotent: meant for an empty node.
 */
export async function bulkLoad(ctx: { db: Db; clock: Clock }, data: OpenDataFile, onProgress?: (done: number) => void): Promise<LoadResult> {
  const started = performance.now();
  const at = ctx.clock.now();
  const hubRows = data.hubs.map((raw) => hubRowsOf(hubRecordSchema.parse(raw), at));
  await ctx.db.transaction(async (tx) => {
    for (const chunk of chunks(hubRows, BATCH)) {
      await tx.insert(hubs).values(chunk.map((h) => h.hub));
      await tx.insert(hubTexts).values(chunk.flatMap((h) => h.texts));
    }
  });
  let texts = 0;
  for (const [i, raws] of chunks(data.practices, BATCH).entries()) {
    const rows = raws.map((raw) => practiceRowsOf(practiceRecordSchema.parse(raw), at));
    texts += await ctx.db.transaction((tx) => insertPractices(tx, rows));
    onProgress?.(Math.min((i + 1) * BATCH, data.practices.length));
  }
  return { hubs: hubRows.length, practices: data.practices.length, texts, ms: performance.now() - started };
}

async function insertPractices(tx: Tx, rows: PracticeRows[]): Promise<number> {
  await tx.insert(practices).values(rows.map((r) => r.practice));
  const texts = rows.flatMap((r) => r.texts);
  // Half a batch per statement: a text row is large (~1 KB) and costs the trigger most of the time.
  for (const chunk of chunks(texts, BATCH / 2)) await tx.insert(practiceTexts).values(chunk);
  const links = rows.flatMap((r) => r.links);
  if (links.length) await tx.insert(practiceHubs).values(links);
  await tx.insert(practiceVersions).values(rows.map((r) => r.version));
  return texts.length;
}

/** Fresh planner statistics, as autovacuum would gather some time after a real bulk import. */
export async function analyze(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`analyze`);
  return performance.now() - started;
}

export function chunks<T>(xs: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
}
