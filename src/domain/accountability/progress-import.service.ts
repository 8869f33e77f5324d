import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canReportProgress } from '../accounts/permissions.js';
import { DomainError } from '../errors.js';
import { assertInPhase, getProcess } from '../process/process.service.js';
import type { ProgressInput } from './accountability.js';
import { signedIn, todayOf, writeProgress } from './accountability.service.js';
import * as repo from './accountability.repo.js';
import { parseProgressCsv, type FileError, type RowError } from './progress-csv.js';

type Deps = { db: Db; clock: Clock };

export type ImportedRow = { line: number; commitmentId: string | null; status: 'written' | 'skipped'; errors: RowError[] };
export type ProgressImportReport = { fileErrors: FileError[]; rows: ImportedRow[]; written: number; skipped: number };

/**
 * Imports progress updates from a CSV file (progress-csv.ts's format) into a process. Every row is checked
 * first — its cells, that its commitment exists in this process, that the actor may report on it — and only
 * then are the valid rows written, each in its own transaction with the phase check, so a row is written
 * whole or not at all. A file that cannot be read (not CSV, wrong encoding, missing columns…) writes nothing
 * and says why in `fileErrors`. The report names every row by its line. Errors (thrown): unauthenticated,
 * not_found (process), conflict (`process.not_in_phase`, checked before reading). Not idempotent: a row
 * imported twice is two updates (the same value reported again changes no progress).
 */
export async function importProgressCsv(ctx: Deps, actor: Actor, processId: unknown, file: Uint8Array | string): Promise<ProgressImportReport> {
  const me = signedIn(actor);
  const process = await getProcess(ctx, processId);
  await ctx.db.transaction((tx) => assertInPhase(tx, process.id, 'progress'));
  const parsed = parseProgressCsv(file, { today: todayOf(ctx.clock) });
  if (parsed.fileErrors.length) return { fileErrors: parsed.fileErrors, rows: [], written: 0, skipped: 0 };

  const own = await repo.findUserOrganisationId(ctx.db, me.id);
  const refs = await repo.findCommitmentRefs(ctx.db, [...new Set(parsed.rows.flatMap((r) => (r.ok ? [r.update.commitmentId] : [])))]);
  const checked = parsed.rows.map((r): ImportedRow & { input?: ProgressInput } => {
    if (!r.ok) return { line: r.line, commitmentId: null, status: 'skipped', errors: r.errors };
    const u = r.update;
    const ref = refs.get(u.commitmentId);
    const skip = (message: string) => ({ line: r.line, commitmentId: u.commitmentId, status: 'skipped' as const, errors: [{ field: 'commitment_id', message }] });
    if (!ref || ref.processId !== process.id) return skip('accountability.unknown_commitment');
    if (!canReportProgress(me, own, ref.organisationId)) return skip('accountability.not_your_organisation');
    const input: ProgressInput = { reportedOn: u.date, value: u.value, note: u.note ?? '', evidenceUrl: u.evidenceUrl, evidencePracticeId: null };
    return { line: r.line, commitmentId: u.commitmentId, status: 'written', errors: [], input };
  });

  const rows: ImportedRow[] = [];
  for (const { input, ...row } of checked) {
    if (!input) {
      rows.push(row);
      continue;
    }
    try {
      await writeProgress(ctx, me.id, { id: row.commitmentId!, processId: process.id }, input, 'csv');
      rows.push(row);
    } catch (e) {
      // The phase changed during the import: rows written stay, the others say why they were not.
      if (!(e instanceof DomainError && e.message === 'process.not_in_phase')) throw e;
      rows.push({ ...row, status: 'skipped', errors: [{ field: '_', message: 'process.not_in_phase' }] });
    }
  }
  const written = rows.filter((r) => r.status === 'written').length;
  return { fileErrors: [], rows, written, skipped: rows.length - written };
}
