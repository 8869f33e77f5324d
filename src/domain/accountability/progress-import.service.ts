import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canReportProgress, canSeeProgressImport } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { assertInPhase, getProcess } from '../process/process.service.js';
import type { ProgressInput } from './accountability.js';
import { getAccountability, signedIn, todayOf, writeProgress } from './accountability.service.js';
import * as repo from './accountability.repo.js';
import { parseProgressCsv, type FileError, type RowError } from './progress-csv.js';
import { progressTemplateCsv } from './progress-template.js';

type Deps = { db: Db; clock: Clock };

export type ImportedRow = { line: number; commitmentId: string | null; status: 'written' | 'skipped'; errors: RowError[] };
/** `importId`: where the report is kept (null for a file refused whole, which is not kept). */
export type ProgressImportReport = { fileErrors: FileError[]; rows: ImportedRow[]; written: number; skipped: number; importId: number | null };
/** A stored import: its counts and the report of every row, as shown when it ran. */
export type ProgressImport = {
  id: number; processId: string; fileName: string; total: number; written: number; skipped: number; rows: ImportedRow[]; byUser: string | null; byName: string | null; at: Date;
};

/** Rows may stop part-way through a file when the phase ends or a commitment is withdrawn meanwhile. */
const RACES = new Set(['process.not_in_phase', 'accountability.withdrawn']);

/**
 * Imports progress updates from a CSV file (progress-csv.ts's format) into a process. Every row is checked
 * first — its cells, that its commitment exists in this process, that the actor may report on it — and only
 * then are the valid rows written, each in its own transaction with the phase check, so a row is written
 * whole or not at all. A file that cannot be read (not CSV, wrong encoding, missing columns…) writes nothing
 * and says why in `fileErrors`. The report names every row by its line and is stored (`progress_imports`) with
 * the file's name and counts, to be read again by admins and the importer. Errors (thrown): unauthenticated,
 * not_found (process), conflict (`process.not_in_phase`, checked before reading). Not idempotent: a row
 * imported twice is two updates (the same value reported again changes no progress).
 */
export async function importProgressCsv(ctx: Deps, actor: Actor, processId: unknown, file: Uint8Array | string, fileName = 'progress.csv'): Promise<ProgressImportReport> {
  const me = signedIn(actor);
  const process = await getProcess(ctx, processId);
  await ctx.db.transaction((tx) => assertInPhase(tx, process.id, 'progress'));
  const parsed = parseProgressCsv(file, { today: todayOf(ctx.clock) });
  if (parsed.fileErrors.length) return { fileErrors: parsed.fileErrors, rows: [], written: 0, skipped: 0, importId: null };

  const own = await repo.findUserOrganisationId(ctx.db, me.id);
  const refs = await repo.findCommitmentRefs(ctx.db, [...new Set(parsed.rows.flatMap((r) => (r.ok ? [r.update.commitmentId] : [])))]);
  const checked = parsed.rows.map((r): ImportedRow & { input?: ProgressInput } => {
    if (!r.ok) return { line: r.line, commitmentId: null, status: 'skipped', errors: r.errors };
    const u = r.update;
    const ref = refs.get(u.commitmentId);
    const skip = (message: string) => ({ line: r.line, commitmentId: u.commitmentId, status: 'skipped' as const, errors: [{ field: 'commitment_id', message }] });
    if (!ref || ref.processId !== process.id) return skip('accountability.unknown_commitment');
    if (!canReportProgress(me, own, ref.organisationId)) return skip('accountability.not_your_organisation');
    if (ref.status !== 'active') return skip('accountability.withdrawn');
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
      // The phase changed or the commitment was withdrawn during the import: rows written stay, the others say why not.
      if (!(e instanceof DomainError && RACES.has(e.message))) throw e;
      rows.push({ ...row, status: 'skipped', errors: [{ field: e.message === 'process.not_in_phase' ? '_' : 'commitment_id', message: e.message }] });
    }
  }
  const written = rows.filter((r) => r.status === 'written').length;
  const counts = { total: rows.length, written, skipped: rows.length - written };
  const importId = await repo.insertProgressImport(ctx.db, { processId: process.id, fileName: fileName.slice(0, 200) || 'progress.csv', ...counts, report: { rows }, byUser: me.id, at: ctx.clock.now() });
  return { fileErrors: [], rows, written: counts.written, skipped: counts.skipped, importId };
}

const importOf = (r: repo.ProgressImportRow): ProgressImport => {
  const { report, ...rest } = r;
  return { ...rest, rows: (report as { rows?: ImportedRow[] }).rows ?? [] };
};

/**
 * The CSV imports into a process that the actor may read, newest first (at most 50): every one for admins, their
 * own for others (none for anonymous readers). Errors: not_found (process).
 */
export async function listProgressImports(ctx: Pick<Deps, 'db'>, actor: Actor, processId: unknown): Promise<ProgressImport[]> {
  const process = await getProcess(ctx, processId);
  if (!actor) return [];
  const rows = await repo.findProgressImports(ctx.db, { processId: process.id, byUser: actor.role === 'admin' ? undefined : actor.id });
  return rows.map(importOf);
}

/** One stored import with its report. Errors: unauthenticated, not_found, forbidden (`accountability.import_not_yours`). */
export async function getProgressImport(ctx: Pick<Deps, 'db'>, actor: Actor, processId: unknown, importId: unknown): Promise<ProgressImport> {
  const me = signedIn(actor);
  const process = await getProcess(ctx, processId);
  const id = Number(importId);
  const [found] = Number.isSafeInteger(id) && id > 0 ? await repo.findProgressImports(ctx.db, { processId: process.id, id }) : [];
  if (!found) throw notFound();
  if (!canSeeProgressImport(me, found.byUser)) throw forbidden('accountability.import_not_yours');
  return importOf(found);
}

/**
 * The file to fill in for a process: the active commitments the actor may report on, titles in `lang` (else
 * the original), as progress-template.ts lays them out. An empty file but for its header when there are none.
 * Errors: unauthenticated, not_found (process).
 */
export async function progressTemplateFor(ctx: Deps, actor: Actor, processId: unknown, lang: string): Promise<string> {
  const me = signedIn(actor);
  const { commitments } = await getAccountability(ctx, processId);
  const own = await repo.findUserOrganisationId(ctx.db, me.id);
  const rows = commitments
    .filter((c) => c.status === 'active' && canReportProgress(me, own, c.organisation.id))
    .map((c) => ({ id: c.id, title: (c.texts[lang] ?? c.texts[c.originalLanguage])!.title, unit: c.unit, latest: c.latest, target: c.target }));
  return progressTemplateCsv(rows);
}
