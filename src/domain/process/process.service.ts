import type { Db, DbOrTx } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canManageProcesses } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { canInPhase, type Activity } from './phases.js';
import { phaseChangeInputSchema, processInputSchema, type PhaseChange, type Process } from './process.js';
import * as repo from './process.repo.js';

type Deps = { db: Db; clock: Clock };

function admin(actor: Actor) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  if (!canManageProcesses(actor)) throw forbidden('process.admins_only');
  return actor;
}

/** A process with its phases, the given phase active (the first by default). Errors: unauthenticated, forbidden, invalid. Not idempotent. */
export async function createProcess(ctx: Deps, actor: Actor, input: unknown, opts: { isDemo?: boolean } = {}): Promise<Process> {
  const me = admin(actor);
  const p = parseInput(processInputSchema, input);
  const id = await ctx.db.transaction((tx) => repo.insertProcess(tx, { ...p, createdBy: me.id, at: ctx.clock.now(), isDemo: opts.isDemo }));
  return (await repo.findProcesses(ctx.db, [id]))[0]!;
}

/** Anyone may read a process. Errors: not_found (unknown or malformed id). */
export async function getProcess(ctx: Pick<Deps, 'db'>, id: unknown): Promise<Process> {
  const parsed = uuid.safeParse(id);
  const [found] = parsed.success ? await repo.findProcesses(ctx.db, [parsed.data]) : [];
  if (!found) throw notFound();
  return found;
}

/** Every process, newest first, with its phases. */
export async function listProcesses(ctx: Pick<Deps, 'db'>): Promise<Process[]> {
  return repo.findProcesses(ctx.db);
}

/** Who moved the process from which phase to which, oldest first. Errors: not_found. */
export async function listPhaseChanges(ctx: Pick<Deps, 'db'>, id: unknown): Promise<PhaseChange[]> {
  return repo.findPhaseChanges(ctx.db, (await getProcess(ctx, id)).id);
}

/**
 * Makes another phase of the process the active one (the next, or any other) and records who did it, when
 * and why, in one transaction. Errors: unauthenticated, forbidden (admins only), not_found, invalid (not a
 * phase of this process), conflict (that phase is already active). Not idempotent: a repeat is a conflict.
 */
export async function changePhase(ctx: Deps, actor: Actor, processId: unknown, input: unknown): Promise<Process> {
  const me = admin(actor);
  const id = (await getProcess(ctx, processId)).id;
  const { toPhaseId, note } = parseInput(phaseChangeInputSchema, input);
  await ctx.db.transaction(async (tx) => {
    const current = await repo.lockProcess(tx, id, 'update');
    if (!current) throw notFound();
    if (!(await repo.findPhaseOfProcess(tx, id, toPhaseId))) {
      throw new DomainError('invalid', 'error.invalid', { toPhaseId: 'process.phase_not_in_process' });
    }
    if (current.activePhaseId === toPhaseId) throw new DomainError('conflict', 'process.already_active');
    await repo.setActivePhase(tx, { processId: id, fromPhaseId: current.activePhaseId!, toPhaseId, by: me.id, at: ctx.clock.now(), note });
  });
  return getProcess(ctx, id);
}

/**
 * For other features' writes, inside their own transaction: refuses unless the process's active phase allows
 * the activity. It share-locks the process row, so a phase change waits for the write and the write never
 * lands in a phase that forbids it. Returns the active phase. Errors: not_found, conflict
 * (`process.not_in_phase`).
 */
export async function assertInPhase(tx: DbOrTx, processId: string, activity: Activity) {
  const current = uuid.safeParse(processId).success ? await repo.lockProcess(tx, processId, 'share') : null;
  if (!current) throw notFound();
  if (!current.activePhase || !canInPhase(current.activePhase, activity)) throw new DomainError('conflict', 'process.not_in_phase');
  return current.activePhase;
}

export async function hasDemoProcess(ctx: Pick<Deps, 'db'>): Promise<boolean> {
  return repo.hasDemoProcess(ctx.db);
}

/** Whether a process exists, for other features' links to one, inside their transaction if they pass it. */
export async function processExists(db: DbOrTx, id: string): Promise<boolean> {
  return uuid.safeParse(id).success && repo.processExists(db, id);
}
