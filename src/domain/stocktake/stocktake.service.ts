import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canRecordStocktake, isAdmin } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { assertInPhase, getProcess } from '../process/process.service.js';
import { optionalParam, uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { isCountryCode, SECTORS, THEMES } from '../taxonomy/index.js';
import { z } from 'zod';
import { activityInputSchema, type ActivityInput, type ActivityRow, type StocktakeActivity, type StocktakeFilters, type StocktakeOrganisation } from './stocktake.js';
import { filterActivities, listGaps, summariseBySector, type Gap, type SectorSummary } from './stocktake-summary.js';
import * as repo from './stocktake.repo.js';

type Deps = { db: Db; clock: Clock };

function signedIn(actor: Actor) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  return actor;
}

/**
 * The organisation the actor records for: the one asked for (admins may name any), else their own.
 * Errors: unauthenticated, forbidden (`stocktake.no_organisation`: not an admin and in no organisation;
 * `stocktake.not_your_organisation`), invalid (unknown organisation).
 */
export async function organisationFor(ctx: Pick<Deps, 'db'>, actor: Actor, organisationId: string | null): Promise<StocktakeOrganisation> {
  const me = signedIn(actor);
  const own = await repo.findUserOrganisationId(ctx.db, me.id);
  const wanted = organisationId ?? own;
  if (!wanted) throw forbidden(isAdmin(me) ? 'stocktake.organisation_required' : 'stocktake.no_organisation');
  const org = await repo.findOrganisation(ctx.db, wanted);
  if (!org) throw new DomainError('invalid', 'error.invalid', { organisationId: 'validation.unknown_organisation' });
  if (!canRecordStocktake(me, own, org.id)) throw forbidden('stocktake.not_your_organisation');
  return org;
}

/** The organisations a person may record for, for a form's choice: every one for admins, else their own (or none). */
export async function organisationsFor(ctx: Pick<Deps, 'db'>, actor: Actor): Promise<StocktakeOrganisation[]> {
  if (!actor) return [];
  if (isAdmin(actor)) return repo.listOrganisations(ctx.db);
  const own = await repo.findUserOrganisationId(ctx.db, actor.id);
  const org = own ? await repo.findOrganisation(ctx.db, own) : null;
  return org ? [org] : [];
}

function rowOf(processId: string, organisationId: string, a: ActivityInput): ActivityRow {
  return {
    processId, organisationId, source: 'web', iatiIdentifier: null, countries: a.countries, adminAreas: a.adminAreas, regions: [], hubIds: a.hubIds,
    targetGroups: a.targetGroups, themes: a.themes, sdgs: a.sdgs, wsis: a.wsis, budgetAmount: a.budgetAmount, budgetCurrency: a.budgetCurrency,
    startsOn: a.startsOn, endsOn: a.endsOn, partners: a.partners, status: a.status, originalLanguage: a.originalLanguage, texts: a.texts,
  };
}

async function checkHubs(ctx: Pick<Deps, 'db'>, a: ActivityInput) {
  if ((await repo.countHubsWithIds(ctx.db, a.hubIds)) !== a.hubIds.length) throw new DomainError('invalid', 'error.invalid', { hubIds: 'stocktake.unknown_hub' });
}

/**
 * Records an activity in a process's stocktake for the actor's organisation (admins: the one named), in one
 * transaction that first checks the active phase allows stocktaking. Errors: unauthenticated, forbidden,
 * not_found (process), invalid, conflict (`process.not_in_phase`). Not idempotent.
 */
export async function recordActivity(ctx: Deps, actor: Actor, processId: unknown, input: unknown): Promise<StocktakeActivity> {
  signedIn(actor);
  const process = await getProcess(ctx, processId);
  const a = parseInput(activityInputSchema, input);
  const org = await organisationFor(ctx, actor, a.organisationId);
  await checkHubs(ctx, a);
  const id = await ctx.db.transaction(async (tx) => {
    await assertInPhase(tx, process.id, 'stocktaking');
    return repo.insertActivity(tx, rowOf(process.id, org.id, a), ctx.clock.now(), actor!.id);
  });
  return (await repo.findActivities(ctx.db, { ids: [id] }))[0]!;
}

/** Anyone may read an activity. Errors: not_found. */
export async function getActivity(ctx: Pick<Deps, 'db'>, id: unknown): Promise<StocktakeActivity> {
  const parsed = uuid.safeParse(id);
  const [found] = parsed.success ? await repo.findActivities(ctx.db, { ids: [parsed.data] }) : [];
  if (!found) throw notFound();
  return found;
}

/** Whether the actor may edit this activity (the page shows the link; the service decides). */
export async function mayEditActivity(ctx: Pick<Deps, 'db'>, actor: Actor, a: StocktakeActivity): Promise<boolean> {
  if (!actor) return false;
  return canRecordStocktake(actor, await repo.findUserOrganisationId(ctx.db, actor.id), a.organisation.id);
}

/**
 * Replaces an activity's fields and texts (its organisation and source stay), in a transaction that checks
 * the phase. An imported activity may be completed this way (areas, target groups, WSIS lines are not in
 * IATI); importing the file again overwrites what IATI carries. Errors: as recordActivity. Idempotent.
 */
export async function updateActivity(ctx: Deps, actor: Actor, activityId: unknown, input: unknown): Promise<StocktakeActivity> {
  const me = signedIn(actor);
  const current = await getActivity(ctx, activityId);
  if (!(await mayEditActivity(ctx, me, current))) throw forbidden('stocktake.not_your_organisation');
  const a = parseInput(activityInputSchema, input);
  await checkHubs(ctx, a);
  await ctx.db.transaction(async (tx) => {
    await assertInPhase(tx, current.processId, 'stocktaking');
    await repo.updateActivity(tx, current.id, rowOf(current.processId, current.organisation.id, a), ctx.clock.now());
  });
  return getActivity(ctx, current.id);
}

const filtersSchema = z.object({
  sector: optionalParam(z.enum(SECTORS)).catch(undefined),
  theme: optionalParam(z.enum(THEMES)).catch(undefined),
  country: optionalParam(z.string().trim().toUpperCase().refine(isCountryCode)).catch(undefined),
});

export type Stocktake = { activities: StocktakeActivity[]; total: number; filters: StocktakeFilters; summaries: SectorSummary[]; gaps: Gap[] };

/**
 * A process's stocktake: the activities the filters keep (sector, theme, country; unknown values are
 * ignored), and — over all its activities — the summaries per sector and the gap list. Errors: not_found.
 */
export async function getStocktake(ctx: Pick<Deps, 'db'>, processId: unknown, query: Record<string, unknown> = {}): Promise<Stocktake> {
  const process = await getProcess(ctx, processId);
  const filters = filtersSchema.parse(query) as StocktakeFilters;
  const all = await repo.findActivities(ctx.db, { processId: process.id });
  const hubs = await repo.findHubPriorities(ctx.db);
  return { activities: filterActivities(all, filters), total: all.length, filters, summaries: summariseBySector(all), gaps: listGaps(hubs, all) };
}
