import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError, type FieldErrors } from '../errors.js';
import { importHub } from '../hubs/hubs.service.js';
import { importPractice } from '../practices/practices.service.js';
import { parseInput, toFieldErrors } from '../shared/validation.js';
import { envelopeSchema, hubRecordSchema, practiceRecordSchema } from './format.js';

type Deps = { db: Db; clock: Clock };

export type ImportProblem = { kind: 'hub' | 'practice'; index: number; id: string | null; reason: 'duplicate' | 'invalid'; fields: FieldErrors };
export type ImportSummary = {
  hubs: { imported: number; skipped: number; rejected: number };
  practices: { imported: number; skipped: number; rejected: number };
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
  const steps = [
    { kind: 'hub' as const, raws: file.hubs, schema: hubRecordSchema, store: importHub, tally: summary.hubs },
    { kind: 'practice' as const, raws: file.practices, schema: practiceRecordSchema, store: importPractice, tally: summary.practices },
  ];
  for (const step of steps) {
    for (const [index, raw] of step.raws.entries()) {
      const parsed = step.schema.safeParse(raw);
      if (!parsed.success) {
        step.tally.rejected++;
        summary.problems.push({ kind: step.kind, index, id: idOf(raw), reason: 'invalid', fields: toFieldErrors(parsed.error) });
      } else {
        try {
          const outcome = await (step.store as (c: Deps, r: typeof parsed.data, by: string | null) => Promise<string>)(ctx, parsed.data, opts.importedBy ?? null);
          if (outcome === 'imported') step.tally.imported++;
          else {
            step.tally.skipped++;
            summary.problems.push({ kind: step.kind, index, id: parsed.data.id, reason: 'duplicate', fields: {} });
          }
        } catch (e) {
          if (!(e instanceof DomainError) || e.code !== 'invalid') throw e;
          step.tally.rejected++;
          summary.problems.push({ kind: step.kind, index, id: parsed.data.id, reason: 'invalid', fields: e.fields });
        }
      }
      opts.onProgress?.(++done, total);
    }
  }
  return summary;
}
