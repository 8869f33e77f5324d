import type { Db, DbOrTx } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canAdoptPlan, canDraftPlan } from '../accounts/permissions.js';
import { pickText, type StatementView } from '../consultation/consultation.js';
import { getConsultation } from '../consultation/consultation.service.js';
import { listStatements } from '../consultation/statements.service.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { assertInPhase, getProcess } from '../process/process.service.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import { actionItemInputSchema, draftInputSchema, type DraftInput, type PlanDocument, type SectionVersion } from './action-plan.js';
import * as repo from './action-plan.repo.js';

type Deps = { db: Db; clock: Clock };

export function signedIn(actor: Actor) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  return actor;
}

export const readOnlyError = () => new DomainError('conflict', 'plan.adopted_read_only');

/**
 * A section's first text in each language: the chosen statements joined in their order. The document's
 * language takes each statement's closest version; another language only when every statement has it.
 */
export function firstTexts(chosen: StatementView[], originalLanguage: string): Record<string, string> {
  const join = (lang: string) => chosen.map((s) => pickText(s.texts, lang)!.text).join(' ');
  const out: Record<string, string> = { [originalLanguage]: join(originalLanguage) };
  const langs = new Set(chosen.flatMap((s) => s.texts.map((x) => x.lang)));
  for (const lang of langs) if (lang !== originalLanguage && chosen.every((s) => s.texts.some((x) => x.lang === lang))) out[lang] = join(lang);
  return out;
}

async function checkDraft(ctx: Pick<Deps, 'db'>, processId: string, d: DraftInput): Promise<Map<string, StatementView>> {
  // A consultation linked to another process cannot feed this one's documents; one linked to none still can.
  const consultation = await getConsultation(ctx, d.consultationId);
  if (consultation.processId !== null && consultation.processId !== processId) throw new DomainError('invalid', 'error.invalid', { consultationId: 'plan.consultation_other_process' });
  const accepted = new Map((await listStatements(ctx, null, d.consultationId, { lang: d.originalLanguage })).map((s) => [s.id, s]));
  const fields: Record<string, string> = {};
  d.sections.forEach((s, i) => s.statementIds.forEach((id, j) => {
    if (!accepted.has(id)) fields[`sections.${i}.statementIds.${j}`] = 'plan.statement_not_accepted';
  }));
  const owners = [...new Set(d.sections.map((s) => s.ownerOrganisationId).filter((o): o is string => o !== null))];
  if ((await repo.countOrganisations(ctx.db, owners)) !== owners.length) fields.sections = 'validation.unknown_organisation';
  if (Object.keys(fields).length) throw new DomainError('invalid', 'error.invalid', fields);
  return accepted;
}

/**
 * Drafts a declaration or an action plan from accepted statements of a consultation: each section's first
 * version is built from its statements' text, their ids kept; an action plan's sections may bring action
 * items. One transaction, while the process's phase allows amendments (drafting is amending from nothing).
 * Errors: unauthenticated, forbidden (admins and curators), not_found (process, consultation), invalid (also
 * `plan.consultation_other_process`: a consultation linked to another process),
 * conflict (`process.not_in_phase`, `plan.code_taken`). Not idempotent.
 */
export async function draftDocument(ctx: Deps, actor: Actor, processId: unknown, input: unknown): Promise<PlanDocument> {
  const me = signedIn(actor);
  if (!canDraftPlan(me)) throw forbidden('plan.drafters_only');
  const process = await getProcess(ctx, processId);
  const d = parseInput(draftInputSchema, input);
  const statements = await checkDraft(ctx, process.id, d);
  const at = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await assertInPhase(tx, process.id, 'amendments');
    const documentId = await repo.insertDocument(tx, { processId: process.id, kind: d.kind, originalLanguage: d.originalLanguage, consultationId: d.consultationId, texts: d.texts, createdBy: me.id, at });
    for (const [i, s] of d.sections.entries()) {
      const sectionId = await repo.insertSection(tx, { documentId, position: i + 1, ownerOrganisationId: s.ownerOrganisationId, sourceStatementIds: s.statementIds });
      for (const [lang, text] of Object.entries(firstTexts(s.statementIds.map((sid) => statements.get(sid)!), d.originalLanguage))) {
        await repo.insertVersion(tx, { sectionId, version: 1, lang, text, amendmentId: null, byUser: me.id, at });
      }
      for (const item of s.actionItems) await addItem(tx, documentId, sectionId, item, at);
    }
    return documentId;
  });
  return getDocument(ctx, id);
}

async function addItem(tx: DbOrTx, documentId: string, sectionId: string, item: { code: string; weight: number; texts: Record<string, { title: string }> }, at: Date) {
  if (!(await repo.insertActionItem(tx, { documentId, sectionId, ...item, at }))) throw new DomainError('conflict', 'plan.code_taken', { code: 'plan.code_taken' });
}

/**
 * Adds an action item under a section of an action plan in drafting, while the phase allows amendments.
 * Errors: unauthenticated, forbidden, not_found, invalid (`plan.items_only_in_action_plan`), conflict
 * (`process.not_in_phase`, `plan.adopted_read_only`, `plan.code_taken`). Not idempotent.
 */
export async function addActionItem(ctx: Deps, actor: Actor, sectionId: unknown, input: unknown): Promise<PlanDocument> {
  const me = signedIn(actor);
  if (!canDraftPlan(me)) throw forbidden('plan.drafters_only');
  const id = uuid.safeParse(sectionId);
  if (!id.success) throw notFound();
  const item = parseInput(actionItemInputSchema, input);
  const documentId = await ctx.db.transaction(async (tx) => {
    const s = await repo.lockSection(tx, id.data);
    if (!s) throw notFound();
    await assertInPhase(tx, s.processId, 'amendments');
    if (s.status !== 'drafting') throw readOnlyError();
    if (s.kind !== 'action_plan') throw new DomainError('invalid', 'error.invalid', { code: 'plan.items_only_in_action_plan' });
    await addItem(tx, s.documentId, s.id, item, ctx.clock.now());
    return s.documentId;
  });
  return getDocument(ctx, documentId);
}

/** Anyone may read a document. Errors: not_found. */
export async function getDocument(ctx: Pick<Deps, 'db'>, id: unknown): Promise<PlanDocument> {
  const parsed = uuid.safeParse(id);
  const [found] = parsed.success ? await repo.findDocuments(ctx.db, { ids: [parsed.data] }) : [];
  if (!found) throw notFound();
  return found;
}

/** A process's declaration and action plan (as many documents as were drafted), oldest first. Errors: not_found. */
export async function getPlan(ctx: Pick<Deps, 'db'>, processId: unknown): Promise<PlanDocument[]> {
  return repo.findDocuments(ctx.db, { processId: (await getProcess(ctx, processId)).id });
}

/** The document a section belongs to. Errors: not_found. */
export async function getSectionDocument(ctx: Pick<Deps, 'db'>, sectionId: unknown): Promise<PlanDocument> {
  const parsed = uuid.safeParse(sectionId);
  const documentId = parsed.success ? await repo.findSectionDocumentId(ctx.db, parsed.data) : null;
  if (!documentId) throw notFound();
  return getDocument(ctx, documentId);
}

/** Every version of a section in every language, oldest first, and its document. Errors: not_found. */
export async function getSectionHistory(ctx: Pick<Deps, 'db'>, sectionId: unknown): Promise<{ document: PlanDocument; versions: SectionVersion[] }> {
  const document = await getSectionDocument(ctx, sectionId);
  return { document, versions: await repo.findVersions(ctx.db, uuid.parse(sectionId)) };
}

/**
 * Adopts a document: from then on it is read-only. Admins only, while the phase allows adoption, and only
 * once no amendment to it is still proposed. Errors: unauthenticated, forbidden, not_found, conflict
 * (`process.not_in_phase`, `plan.already_adopted`, `plan.amendments_pending`). Not idempotent.
 */
export async function adoptDocument(ctx: Deps, actor: Actor, documentId: unknown): Promise<PlanDocument> {
  const me = signedIn(actor);
  if (!canAdoptPlan(me)) throw forbidden('plan.admins_adopt');
  const doc = await getDocument(ctx, documentId);
  await ctx.db.transaction(async (tx) => {
    await assertInPhase(tx, doc.processId, 'adoption');
    const locked = await repo.lockDocument(tx, doc.id);
    if (locked!.status === 'adopted') throw new DomainError('conflict', 'plan.already_adopted');
    if ((await repo.countProposed(tx, doc.id)) > 0) throw new DomainError('conflict', 'plan.amendments_pending');
    await repo.setAdopted(tx, doc.id, me.id, ctx.clock.now());
  });
  return getDocument(ctx, doc.id);
}
