import type { Db } from '../../db/database.js';
import type { Actor } from '../accounts/accounts.js';
import { canTranslateProcess } from '../accounts/permissions.js';
import { DomainError, forbidden, type FieldErrors } from '../errors.js';
import { parseInput } from '../shared/validation.js';
import { processTranslationSchema, type Process } from './process.js';
import { getProcess } from './process.service.js';
import * as repo from './process.repo.js';

type Deps = { db: Db };

/**
 * Writes the title and description of a process and of the given phases in one language, replacing what that
 * language had — a translation, or a correction of the original — in one transaction. A phase given with no text
 * loses its text in that language, unless it is the original language (refused). Phases not given are left as
 * they are. Errors: unauthenticated, forbidden (admins and curators only), not_found, invalid (a phase of another
 * process, a phase without a title in the original language). Idempotent.
 */
export async function translateProcess(ctx: Deps, actor: Actor, processId: unknown, input: unknown): Promise<Process> {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  if (!canTranslateProcess(actor)) throw forbidden('process.translators_only');
  const p = await getProcess(ctx, processId);
  const tr = parseInput(processTranslationSchema, input);
  const fields: FieldErrors = {};
  tr.phases.forEach((ph, i) => {
    if (!p.phases.some((x) => x.id === ph.phaseId)) fields[`phases.${i}.phaseId`] = 'process.phase_not_in_process';
    else if (tr.lang === p.originalLanguage && !ph.title) fields[`phases.${i}.title`] = 'validation.original_text_required';
  });
  if (Object.keys(fields).length > 0) throw new DomainError('invalid', 'error.invalid', fields);
  await ctx.db.transaction(async (tx) => {
    await repo.upsertProcessText(tx, p.id, tr.lang, { title: tr.title, description: tr.description });
    for (const ph of tr.phases) await repo.setPhaseText(tx, ph.phaseId, tr.lang, ph.title ? { title: ph.title, description: ph.description } : null);
  });
  return getProcess(ctx, p.id);
}
