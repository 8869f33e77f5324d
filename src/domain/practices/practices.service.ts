import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canCreatePractice, canEditPractice, canModerate, canTranslatePractice, canViewPractice } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { assertHubsExist } from '../hubs/hubs.service.js';
import { languageTag, text, uuid } from '../shared/fields.js';
import { pagingSchema, type Page } from '../shared/paging.js';
import { parseInput } from '../shared/validation.js';
import { diffFacts, diffText } from './history.js';
import { practiceFiltersSchema } from './practice-filters.js';
import { practiceFactsSchema, practiceInputSchema, practiceTextSchema, type Practice, type PracticeFacts } from './practices.js';
import * as repo from './practices.repo.js';
import type { PracticeRecord } from '../opendata/format.js';
import { checkTransition, REVIEW_ACTIONS } from './workflow.js';

type Deps = { db: Db; clock: Clock };

function parseId(id: unknown): string {
  const r = uuid.safeParse(id);
  if (!r.success) throw notFound();
  return r.data;
}

/** Errors: not_found (also when the reader may not see a draft, so drafts do not leak their existence). */
export async function getPractice(ctx: Pick<Deps, 'db'>, actor: Actor, id: unknown): Promise<Practice> {
  const p = await repo.findPractice(ctx.db, parseId(id));
  if (!p || !canViewPractice(actor, p)) throw notFound();
  return p;
}

/** Published practices by id, in the order of `ids`; others (drafts, unknown ids) are left out. */
export async function publishedPracticesByIds(ctx: Pick<Deps, 'db'>, ids: string[]): Promise<Practice[]> {
  const byId = new Map((await repo.findPractices(ctx.db, ids)).map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id)).filter((p): p is Practice => p?.status === 'published');
}

export const listQuerySchema = practiceFiltersSchema.extend(pagingSchema.shape).extend({
  mine: z.preprocess((v) => v === '1' || v === 'true' || v === true, z.boolean()).default(false),
});

/**
 * Published practices for everyone. A curator may filter on any status; with `mine`, a signed-in
 * author sees their own in every status. Errors: invalid.
 */
/**
 * The published practice a text message's short code names: the last 8 hex digits of its id (any case;
 * more digits if 8 are ambiguous). The end of the id, because demo and imported ids may share their start.
 * Null when none, or when the code names two practices. Reads only; never throws.
 */
export async function practiceByCode(ctx: Pick<Deps, 'db'>, code: string): Promise<Practice | null> {
  const hex = code.toLowerCase().replace(/-/g, '');
  if (!/^([0-9a-f]{8,12}|[0-9a-f]{32})$/.test(hex)) return null;
  const found = await repo.publishedByIdSuffix(ctx.db, hex);
  return found.length === 1 ? found[0]! : null;
}

export async function listPractices(ctx: Pick<Deps, 'db'>, actor: Actor, query: unknown): Promise<Page<Practice>> {
  const q = parseInput(listQuerySchema, query);
  let scope: repo.ListScope = { statuses: ['published'] };
  if (q.mine && actor) scope = { statuses: ['draft', 'submitted', 'published', 'archived'], authorId: actor.id, authorHubIds: actor.hubIds };
  if (q.status) {
    const isAllowed = q.status === 'published' || canModerate(actor) || scope.authorId;
    if (!isAllowed) throw forbidden();
    scope = { ...scope, statuses: [q.status] };
  }
  const { items, total } = await repo.listPractices(ctx.db, q, scope, q);
  return { items, total, page: q.page, perPage: q.perPage };
}

/** The curators' queue: practices waiting for review. Errors: forbidden. */
export async function moderationQueue(ctx: Pick<Deps, 'db'>, actor: Actor, query: unknown) {
  if (!canModerate(actor)) throw forbidden();
  return listPractices(ctx, actor, { ...(query as object), status: 'submitted' });
}

/** Creates a draft with its texts in the original language. Errors: forbidden, invalid. */
export async function createPractice(ctx: Deps, actor: Actor, input: unknown): Promise<Practice> {
  if (!canCreatePractice(actor)) throw forbidden();
  const p = parseInput(practiceInputSchema, input);
  await assertHubsExist(ctx, p.hubIds);
  if (actor!.role === 'coordinator' && p.hubIds.length && !p.hubIds.some((h) => actor!.hubIds.includes(h))) {
    throw new DomainError('invalid', 'error.invalid', { hubIds: 'validation.not_your_hub' });
  }
  const at = ctx.clock.now();
  const { originalLanguage, text: body, ...facts } = p;
  const id = await ctx.db.transaction(async (tx) => {
    const practiceId = await repo.insertPractice(tx, { facts, originalLanguage, status: 'draft', createdBy: actor!.id, isDemo: false, at, publishedAt: null });
    await repo.upsertText(tx, practiceId, originalLanguage, body, actor!.id, at);
    await repo.insertVersion(tx, { practiceId, version: 1, userId: actor!.id, changes: [{ field: 'created', before: null, after: originalLanguage }], at });
    return practiceId;
  });
  return getPractice(ctx, actor, id);
}

export const updateSchema = z.object({
  expectedVersion: z.coerce.number().int().min(1),
  lang: languageTag,
  facts: practiceFactsSchema,
  text: practiceTextSchema,
});

/**
 * Saves the facts and the texts of one language in one step, as the edit form does. Fails with
 * conflict when `expectedVersion` is stale (someone else saved meanwhile). Errors: not_found,
 * forbidden, invalid, conflict.
 */
export async function updatePractice(ctx: Deps, actor: Actor, id: unknown, input: unknown): Promise<Practice> {
  const current = await getPractice(ctx, actor, id);
  if (!canEditPractice(actor, current)) throw forbidden();
  const u = parseInput(updateSchema, input);
  await assertHubsExist(ctx, u.facts.hubIds);
  const changes = [...diffFacts(factsOf(current), u.facts), ...diffText(u.lang, current.texts[u.lang], u.text)];
  if (changes.length === 0) return current;
  await saveVersion(ctx, actor!, current.id, u.expectedVersion, changes, async (tx, at) => {
    await repo.updateFacts(tx, current.id, u.facts);
    await repo.upsertText(tx, current.id, u.lang, u.text, actor!.id, at);
  });
  return getPractice(ctx, actor, current.id);
}

function factsOf(p: Practice): PracticeFacts {
  const { technologies, targetGroups, themes, sdgs, wsisActionLines, countries, languages, hubIds, licence, costs } = p;
  return { technologies, targetGroups, themes, sdgs, wsisActionLines, countries, languages, hubIds, licence, costs };
}

/** Adds or replaces the texts in one language. Errors: not_found, forbidden, invalid, conflict. */
export async function saveTranslation(ctx: Deps, actor: Actor, id: unknown, lang: unknown, input: unknown, expectedVersion?: number) {
  const current = await getPractice(ctx, actor, id);
  if (!canTranslatePractice(actor, current)) throw forbidden();
  const tag = parseInput(languageTag, lang);
  const body = parseInput(practiceTextSchema, input);
  const changes = diffText(tag, current.texts[tag], body);
  if (changes.length === 0) return current;
  await saveVersion(ctx, actor!, current.id, expectedVersion ?? current.version, changes, (tx, at) =>
    repo.upsertText(tx, current.id, tag, body, actor!.id, at),
  );
  return getPractice(ctx, actor, current.id);
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function saveVersion(
  ctx: Deps,
  actor: NonNullable<Actor>,
  practiceId: string,
  expectedVersion: number,
  changes: ReturnType<typeof diffText>,
  write: (tx: Tx, at: Date) => Promise<void>,
) {
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.bumpVersion(tx, practiceId, expectedVersion, at))) {
      throw new DomainError('conflict', 'error.edit_conflict');
    }
    await write(tx, at);
    await repo.insertVersion(tx, { practiceId, version: expectedVersion + 1, userId: actor.id, changes, at });
  });
}

export const reviewSchema = z.object({
  action: z.enum(REVIEW_ACTIONS, { error: 'validation.invalid_choice' }),
  comment: text(2000).default(''),
});

/**
 * Moves a practice through draft → submitted → published → archived, or adds a review comment.
 * Errors: not_found, forbidden, invalid (comment required), conflict (the status no longer allows it).
 */
export async function reviewPractice(ctx: Deps, actor: Actor, id: unknown, input: unknown): Promise<Practice> {
  const current = await getPractice(ctx, actor, id);
  const { action, comment } = parseInput(reviewSchema, input);
  const check = checkTransition(actor, current, action, comment);
  if (!check.ok) {
    if (check.reason === 'forbidden') throw forbidden();
    if (check.reason === 'comment_required') throw new DomainError('invalid', 'error.invalid', { comment: 'validation.comment_required' });
    throw new DomainError('conflict', 'error.wrong_status');
  }
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (check.to !== current.status) await repo.setStatus(tx, current.id, check.to, at);
    await repo.insertReview(tx, { practiceId: current.id, userId: actor!.id, action, comment, at });
  });
  return getPractice(ctx, actor, current.id);
}

/** Review comments and version history, for those who may see the practice. */
export async function practiceHistory(ctx: Pick<Deps, 'db'>, actor: Actor, id: unknown) {
  const p = await getPractice(ctx, actor, id);
  const [reviews, versions] = await Promise.all([repo.listReviews(ctx.db, p.id), repo.listVersions(ctx.db, p.id)]);
  return { practice: p, reviews, versions };
}

/**
 * Stores a practice from an open-data file with all its texts and links, in one transaction, so an
 * interrupted import leaves no half-written practice. Idempotent: an existing id is a duplicate.
 * Errors: invalid (an authoring hub that does not exist).
 */
export async function importPractice(ctx: Deps, record: PracticeRecord, importedBy: string | null): Promise<'imported' | 'duplicate'> {
  if (await repo.practiceExists(ctx.db, record.id)) return 'duplicate';
  await assertHubsExist(ctx, record.hubIds);
  const at = ctx.clock.now();
  const { id, status, originalLanguage, texts, isDemo, publishedAt, ...facts } = record;
  return ctx.db.transaction(async (tx) => {
    if (await repo.practiceExists(tx, id)) return 'duplicate';
    const published = publishedAt ? new Date(publishedAt) : status === 'published' ? at : null;
    await repo.insertPractice(tx, { id, facts, originalLanguage, status, createdBy: importedBy, isDemo, at, publishedAt: published });
    for (const [lang, body] of Object.entries(texts)) await repo.upsertText(tx, id, lang, body, importedBy, at);
    await repo.insertVersion(tx, { practiceId: id, version: 1, userId: importedBy, changes: [{ field: 'imported', before: null, after: originalLanguage }], at });
    return 'imported';
  });
}

/** Up to `limit` published practices sharing a theme or a language with a hub, newest first. */
export async function candidatePractices(ctx: Pick<Deps, 'db'>, f: { themes: string[]; languages: string[] }, limit = 500) {
  return repo.listCandidates(ctx.db, f, limit);
}
