import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canManageOrganisations } from '../accounts/consultation-permissions.js';
import { DomainError, forbidden } from '../errors.js';
import { parseInput } from '../shared/validation.js';
import { delegateInputSchema, organisationInputSchema } from './consultation.js';
import * as repo from './consultation.repo.js';

type Deps = { db: Db; clock: Clock };

/** An admin registers a stakeholder organisation with its sector. Errors: forbidden, invalid. Not idempotent. */
export async function registerOrganisation(ctx: Deps, actor: Actor, input: unknown) {
  if (!canManageOrganisations(actor)) throw forbidden();
  const o = parseInput(organisationInputSchema, input);
  return repo.insertOrganisation(ctx.db, { ...o, at: ctx.clock.now() });
}

/**
 * An admin makes a delegate account speak for an organisation (a delegate has one organisation;
 * this replaces the previous one for consultations joined from now on). Idempotent.
 * Errors: forbidden, invalid (unknown organisation or user, or the user is not a delegate).
 */
export async function addDelegate(ctx: Deps, actor: Actor, input: unknown) {
  if (!canManageOrganisations(actor)) throw forbidden();
  const d = parseInput(delegateInputSchema, input);
  const invalid = (field: string, key: string) => new DomainError('invalid', 'error.invalid', { [field]: key });
  if (!(await repo.findOrganisation(ctx.db, d.organisationId))) throw invalid('organisationId', 'validation.unknown_organisation');
  const user = await repo.findUserRole(ctx.db, d.userId);
  if (!user) throw invalid('userId', 'validation.unknown_user');
  if (user.role !== 'delegate') throw invalid('userId', 'validation.not_a_delegate');
  await repo.setUserOrganisation(ctx.db, d.userId, d.organisationId);
}
