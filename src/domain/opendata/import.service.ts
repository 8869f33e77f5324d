import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError, type FieldErrors } from '../errors.js';
import { importHub } from '../hubs/hubs.service.js';
import { importPractice } from '../practices/practices.service.js';
import { parseInput, toFieldErrors } from '../shared/validation.js';
import { envelopeSchema, hubRecordSchema, practiceRecordSchema } from './format.js';

type Deps = { db: Db; clock: Clock };

export type ImportProblem = { kind: 'hub' | 'practice'; index: number; id: string | null; reason: 'duplicate' | 'invalid'; fields: FieldErrors };
type Tally = { imported: number; skipped: number; rejected: number };
export type ImportSummary = {
  hubs: Tally;
  practices: Tally;
  problems: ImportProblem[];
};

/** Parses the text of a file; malformed JSON becomes a clear error naming where it broke. */
export function parseOpenDataText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DomainError('invalid', 'import.bad_json', { _: `import.bad_json_detail:${(e as Error).message}` });
  }
}

const idOf = (raw: unknown) =>
  raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;

/**
 * Imports an open-data file: hubs first (practices refer to them), each record validated on its own
 * and written in its own transaction. Re-running the same file imports only what is missing, so an
 * interrupted run is completed by running it again. Errors: invalid (not an open-data file at all).
 */
export async function importOpenData(
  ctx: Deps,
  data: unknown,
  opts: { importedBy?: string | null; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  const file = parseInput(envelopeSchema, data);
  const summary: ImportSummary = {
    hubs: { imported: 0, skipped: 0, rejected: 0 },
    practices: { imported: 0, skipped: 0, rejected: 0 },
    problems: [],
  };
  const total = file.hubs.length + file.practices.length;
  let done = 0;
  const step = async <R extends { id: string }>(
    kind: ImportProblem['kind'], raws: unknown[], schema: z.ZodType<R>, tally: Tally,
    store: (c: Deps, r: R, by: string | null) => Promise<'imported' | 'duplicate'>,
  ) => {
    for (const [index, raw] of raws.entries()) {
      const problem = await importOne(ctx, schema, store, raw, opts.importedBy ?? null, tally);
      if (problem) summary.problems.push({ kind, index, ...problem });
      opts.onProgress?.(++done, total);
    }
  };
  await step('hub', file.hubs, hubRecordSchema, summary.hubs, importHub);
  await step('practice', file.practices, practiceRecordSchema, summary.practices, importPractice);
  return summary;
}

/** Validates and stores one record; returns what went wrong, if anything, and counts it. */
async function importOne<R extends { id: string }>(
  ctx: Deps, schema: z.ZodType<R>, store: (c: Deps, r: R, by: string | null) => Promise<'imported' | 'duplicate'>,
  raw: unknown, importedBy: string | null, tally: Tally,
): Promise<Omit<ImportProblem, 'kind' | 'index'> | null> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    tally.rejected++;
    return { id: idOf(raw), reason: 'invalid', fields: toFieldErrors(parsed.error) };
  }
  try {
    if ((await store(ctx, parsed.data, importedBy)) === 'imported') {
      tally.imported++;
      return null;
    }
    tally.skipped++;
    return { id: parsed.data.id, reason: 'duplicate', fields: {} };
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
    tally.rejected++;
    return { id: parsed.data.id, reason: 'invalid', fields: e.fields };
  }
}
