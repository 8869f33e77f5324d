import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canTranslatePlan } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { documentTranslationSchema, itemTranslationSchema, sectionTranslationSchema, type ActionItem, type PlanDocument } from './action-plan.js';
import { getDocument, signedIn } from './action-plan.service.js';
import * as repo from './action-plan.repo.js';

/*
 * A translation carries a text agreed in one language into another; it is not an amendment. So it needs no
 * phase and stays open once a document is adopted: it never changes the adopted text (no new version; a
 * section's translation adds a language to the current version), it lets members read it in their language.
 */

type Deps = { db: Db; clock: Clock };

function translator(actor: Actor) {
  const me = signedIn(actor);
  if (!canTranslatePlan(me)) throw forbidden('plan.translators_only');
  return me;
}

function idOf(id: unknown): string {
  const parsed = uuid.safeParse(id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

const originalError = () => new DomainError('invalid', 'error.invalid', { lang: 'plan.original_language' });

/**
 * Translates a section's current version into a language it has no text of yet: adds that language's row to
 * the current version, recorded with who and when. One transaction on the locked section. Errors:
 * unauthenticated, forbidden (`plan.translators_only`), not_found, invalid, conflict (`plan.translation_stale`
 * when `version` is no longer the current one, `plan.translation_exists`). Not idempotent (a repeat is refused).
 */
export async function translateSection(ctx: Deps, actor: Actor, sectionId: unknown, input: unknown): Promise<PlanDocument> {
  const me = translator(actor);
  const id = idOf(sectionId);
  const tr = parseInput(sectionTranslationSchema, input);
  const documentId = await ctx.db.transaction(async (tx) => {
    const s = await repo.lockSection(tx, id);
    if (!s) throw notFound();
    if (tr.version !== s.latestVersion) throw new DomainError('conflict', 'plan.translation_stale');
    const versions = await repo.findVersions(tx, id);
    if (versions.some((v) => v.version === s.latestVersion && v.lang === tr.lang)) throw new DomainError('conflict', 'plan.translation_exists');
    await repo.insertVersion(tx, { sectionId: id, version: s.latestVersion, lang: tr.lang, text: tr.text, amendmentId: null, byUser: me.id, at: ctx.clock.now() });
    return s.documentId;
  });
  return getDocument(ctx, documentId);
}

/**
 * Adds or corrects a document's title and preamble in a language other than its original one (the original
 * is the drafters' text). Errors: unauthenticated, forbidden, not_found, invalid (`plan.original_language`).
 * Idempotent.
 */
export async function translateDocument(ctx: Deps, actor: Actor, documentId: unknown, input: unknown): Promise<PlanDocument> {
  translator(actor);
  const tr = parseInput(documentTranslationSchema, input);
  const doc = await getDocument(ctx, documentId);
  if (tr.lang === doc.originalLanguage) throw originalError();
  await ctx.db.transaction((tx) => repo.upsertDocumentText(tx, doc.id, tr));
  return getDocument(ctx, doc.id);
}

/** An action item and its document. Errors: not_found. */
export async function findActionItem(ctx: Pick<Deps, 'db'>, itemId: unknown): Promise<{ document: PlanDocument; item: ActionItem }> {
  const id = idOf(itemId);
  const documentId = await repo.findItemDocumentId(ctx.db, id);
  if (!documentId) throw notFound();
  const document = await getDocument(ctx, documentId);
  return { document, item: document.sections.flatMap((s) => s.actionItems).find((i) => i.id === id)! };
}

/**
 * Adds or corrects an action item's title in a language other than its document's original one. Errors:
 * unauthenticated, forbidden, not_found, invalid (`plan.original_language`). Idempotent.
 */
export async function translateActionItem(ctx: Deps, actor: Actor, itemId: unknown, input: unknown): Promise<ActionItem> {
  translator(actor);
  const tr = parseInput(itemTranslationSchema, input);
  const { document, item } = await findActionItem(ctx, itemId);
  if (tr.lang === document.originalLanguage) throw originalError();
  await ctx.db.transaction((tx) => repo.upsertItemText(tx, item.id, tr));
  return (await findActionItem(ctx, item.id)).item;
}
