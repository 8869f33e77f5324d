import type { Db, DbOrTx } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canEditCommitment, canTranslateCommitment } from '../accounts/permissions.js';
import { DomainError, forbidden } from '../errors.js';
import { assertInPhase } from '../process/process.service.js';
import type { Activity } from '../process/phases.js';
import { parseInput } from '../shared/validation.js';
import { commitmentEditSchema, commitmentTranslationSchema, withdrawalSchema, type Commitment } from './accountability.js';
import { checkItems, getCommitment, signedIn, withdrawnError } from './accountability.service.js';
import * as repo from './accountability.repo.js';
import { diffCommitment, isNoChange } from './commitment-changes.js';

type Deps = { db: Db; clock: Clock };

/** What the actor may do to a commitment (the services decide again; pages use this to show links). */
export async function rightsOn(ctx: Pick<Deps, 'db'>, actor: Actor, c: Pick<Commitment, 'organisation'>) {
  const own = actor ? await repo.findUserOrganisationId(ctx.db, actor.id) : null;
  return { mayEdit: canEditCommitment(actor, own, c.organisation.id), mayTranslate: canTranslateCommitment(actor, own, c.organisation.id) };
}

async function assertMayEdit(ctx: Pick<Deps, 'db'>, actor: Actor, commitmentId: unknown) {
  const me = signedIn(actor);
  const c = await getCommitment(ctx, commitmentId);
  if (!(await rightsOn(ctx, me, c)).mayEdit) throw forbidden('accountability.not_your_organisation');
  if (c.status !== 'active') throw withdrawnError();
  return { me, c };
}

/** Passes when the active phase allows any of the activities; the process row stays share-locked. */
async function assertInAnyPhase(tx: DbOrTx, processId: string, activities: Activity[]) {
  for (const [n, activity] of activities.entries()) {
    try {
      return await assertInPhase(tx, processId, activity);
    } catch (e) {
      if (n === activities.length - 1 || !(e instanceof DomainError && e.message === 'process.not_in_phase')) throw e;
    }
  }
}

/**
 * Revises a commitment: its title and indicator (in its original language), partners, baseline, target, unit,
 * deadline, items and weights, with a reason that is published. One transaction: the phase must allow
 * commitments, the row is locked, the fields that changed are written and appended to the change log with
 * their old and new values. Errors: unauthenticated, not_found (`accountability.unknown_commitment`),
 * forbidden (`accountability.not_your_organisation`), invalid (fields, `accountability.unknown_item`;
 * `accountability.nothing_changed` when nothing differs), conflict (`process.not_in_phase`,
 * `accountability.withdrawn`, `accountability.plan_not_adopted`). Not idempotent: the same revision twice is
 * refused the second time as no change.
 */
export async function editCommitment(ctx: Deps, actor: Actor, commitmentId: unknown, input: unknown): Promise<Commitment> {
  const { me, c } = await assertMayEdit(ctx, actor, commitmentId);
  const { reason, ...wanted } = parseInput(commitmentEditSchema, input);
  await checkItems(ctx, c.processId, wanted.items);
  await ctx.db.transaction(async (tx) => {
    await assertInPhase(tx, c.processId, 'commitments');
    const current = await repo.lockCommitment(tx, c.id, 'update');
    if (!current || current.status !== 'active') throw withdrawnError();
    const diff = diffCommitment(current, wanted);
    if (isNoChange(diff)) throw new DomainError('invalid', 'accountability.nothing_changed');
    await repo.updateCommitment(tx, c.id, current.originalLanguage, diff.after);
    await repo.insertChange(tx, { commitmentId: c.id, kind: 'edit', ...diff, reason, by: me.id, at: ctx.clock.now() });
  });
  return getCommitment(ctx, c.id);
}

/**
 * Withdraws a commitment, with a reason that is published: it takes no more progress, leaves the roll-up and
 * is shown apart, with its history. One transaction, while the phase allows commitments or progress.
 * Errors: unauthenticated, not_found, forbidden (`accountability.not_your_organisation`), invalid (reason),
 * conflict (`process.not_in_phase`, `accountability.withdrawn` — already withdrawn). Not idempotent.
 */
export async function withdrawCommitment(ctx: Deps, actor: Actor, commitmentId: unknown, input: unknown): Promise<Commitment> {
  const { me, c } = await assertMayEdit(ctx, actor, commitmentId);
  const { reason } = parseInput(withdrawalSchema, input);
  await ctx.db.transaction(async (tx) => {
    await assertInAnyPhase(tx, c.processId, ['commitments', 'progress']);
    const current = await repo.lockCommitment(tx, c.id, 'update');
    if (!current || current.status !== 'active') throw withdrawnError();
    await repo.setCommitmentStatus(tx, c.id, 'withdrawn');
    await repo.insertChange(tx, { commitmentId: c.id, kind: 'withdraw', before: { status: 'active' }, after: { status: 'withdrawn' }, reason, by: me.id, at: ctx.clock.now() });
  });
  return getCommitment(ctx, c.id);
}

/**
 * Adds or replaces a commitment's title and indicator in a language other than its original one. By its
 * organisation's members, admins and curators, at any phase (a translation changes no figure), withdrawn
 * commitments included. Errors: unauthenticated, not_found, forbidden (`accountability.not_your_organisation`),
 * invalid (fields; `lang`: `accountability.translate_original` — the original text is revised with a reason).
 * Idempotent.
 */
export async function translateCommitment(ctx: Deps, actor: Actor, commitmentId: unknown, input: unknown): Promise<Commitment> {
  const me = signedIn(actor);
  const c = await getCommitment(ctx, commitmentId);
  if (!(await rightsOn(ctx, me, c)).mayTranslate) throw forbidden('accountability.not_your_organisation');
  const { lang, ...text } = parseInput(commitmentTranslationSchema, input);
  if (lang === c.originalLanguage) throw new DomainError('invalid', 'error.invalid', { lang: 'accountability.translate_original' });
  await repo.upsertText(ctx.db, c.id, lang, text);
  return getCommitment(ctx, c.id);
}
