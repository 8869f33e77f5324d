import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canRecordCommitment, canReportProgress, isAdmin } from '../accounts/permissions.js';
import { getPlan } from '../action-plan/action-plan.service.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import { assertInPhase, getProcess } from '../process/process.service.js';
import { uuid } from '../shared/fields.js';
import { parseInput, toFieldErrors } from '../shared/validation.js';
import {
  commitmentInputSchema, progressInputSchema, type Accountability, type Commitment, type CommitmentView, type DocumentUpload, type ItemView, type Organisation, type ProgressInput,
  type ProgressSource,
} from './accountability.js';
import * as repo from './accountability.repo.js';
import { cleanDocumentName, documentTypeOf, MAX_DOCUMENT_BYTES, type DocumentType } from './document.js';
import { commitmentProgress, isOverdue, planProgress, rollUpItems } from './rollup.js';

type Deps = { db: Db; clock: Clock };

export const todayOf = (clock: Clock) => clock.now().toISOString().slice(0, 10);

export function signedIn(actor: Actor) {
  if (!actor) throw new DomainError('unauthenticated', 'error.sign_in_required');
  return actor;
}

/** The organisations a person may commit for: every one for admins, else their own (or none). */
export async function organisationsFor(ctx: Pick<Deps, 'db'>, actor: Actor): Promise<Organisation[]> {
  if (!actor) return [];
  if (isAdmin(actor)) return repo.listOrganisations(ctx.db);
  const own = await repo.findUserOrganisationId(ctx.db, actor.id);
  const org = own ? await repo.findOrganisation(ctx.db, own) : null;
  return org ? [org] : [];
}

/**
 * The action-plan items of a process, in plan order, with the document's language for their titles: of every
 * action plan, or (`adoptedOnly`) of the adopted ones, the only ones commitments may serve.
 */
export async function listPlanItems(ctx: Pick<Deps, 'db'>, processId: string, opts: { adoptedOnly?: boolean } = {}) {
  const docs = (await getPlan(ctx, processId)).filter((d) => d.kind === 'action_plan' && (!opts.adoptedOnly || d.status === 'adopted'));
  return docs.flatMap((d) => d.sections.flatMap((s) => s.actionItems.map((i) => ({ ...i, documentLanguage: d.originalLanguage }))));
}

/** Whether the process has an adopted action plan: commitments are made to nothing else. */
export async function hasAdoptedPlan(ctx: Pick<Deps, 'db'>, processId: string): Promise<boolean> {
  return (await getPlan(ctx, processId)).some((d) => d.kind === 'action_plan' && d.status === 'adopted');
}

/**
 * Checks that every link names an item of an adopted action plan of the process (an adopted plan is read-only,
 * so this holds once checked). Errors: conflict (`accountability.plan_not_adopted`), invalid (`items.N.itemId`:
 * `accountability.unknown_item`, for items of another process or of a plan still in drafting).
 */
export async function checkItems(ctx: Pick<Deps, 'db'>, processId: string, items: { itemId: string }[]): Promise<void> {
  if (!(await hasAdoptedPlan(ctx, processId))) throw new DomainError('conflict', 'accountability.plan_not_adopted');
  const known = new Set((await listPlanItems(ctx, processId, { adoptedOnly: true })).map((i) => i.id));
  const unknown = items.findIndex((i) => !known.has(i.itemId));
  if (unknown >= 0) throw new DomainError('invalid', 'error.invalid', { [`items.${unknown}.itemId`]: 'accountability.unknown_item' });
}

/**
 * Records a commitment of the actor's organisation (admins: the one named) to items of the process's adopted
 * action plan(s), in one transaction that first checks the active phase allows commitments.
 * Errors: unauthenticated, not_found (process), forbidden (`accountability.no_organisation`,
 * `accountability.not_your_organisation`), invalid (fields; `accountability.unknown_item`), conflict
 * (`accountability.plan_not_adopted`, `process.not_in_phase`). Not idempotent.
 */
export async function recordCommitment(ctx: Deps, actor: Actor, processId: unknown, input: unknown): Promise<Commitment> {
  const me = signedIn(actor);
  const process = await getProcess(ctx, processId);
  const c = parseInput(commitmentInputSchema, input);
  const own = await repo.findUserOrganisationId(ctx.db, me.id);
  const organisationId = c.organisationId ?? own;
  if (!organisationId) throw forbidden(isAdmin(me) ? 'accountability.organisation_required' : 'accountability.no_organisation');
  if (!(await repo.findOrganisation(ctx.db, organisationId))) throw new DomainError('invalid', 'error.invalid', { organisationId: 'validation.unknown_organisation' });
  if (!canRecordCommitment(me, own, organisationId)) throw forbidden('accountability.not_your_organisation');
  await checkItems(ctx, process.id, c.items);
  const id = await ctx.db.transaction(async (tx) => {
    await assertInPhase(tx, process.id, 'commitments');
    return repo.insertCommitment(tx, { ...c, processId: process.id, organisationId, by: me.id, at: ctx.clock.now() });
  });
  return (await repo.findCommitments(ctx.db, { ids: [id] }))[0]!;
}

/** A commitment by id. Errors: not_found (`accountability.unknown_commitment`). */
export async function getCommitment(ctx: Pick<Deps, 'db'>, id: unknown): Promise<Commitment> {
  const parsed = uuid.safeParse(id);
  const [found] = parsed.success ? await repo.findCommitments(ctx.db, { ids: [parsed.data] }) : [];
  if (!found) throw notFound('accountability.unknown_commitment');
  return found;
}

/** Whether the actor may report progress on this commitment (pages show the link; the service decides). */
export async function mayReportOn(ctx: Pick<Deps, 'db'>, actor: Actor, c: Pick<Commitment, 'organisation'>): Promise<boolean> {
  if (!actor) return false;
  return canReportProgress(actor, await repo.findUserOrganisationId(ctx.db, actor.id), c.organisation.id);
}

/** Checks an update's day and evidence practice against the database and the clock; field errors or none. */
export async function checkProgress(ctx: Deps, p: ProgressInput): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (p.reportedOn > todayOf(ctx.clock)) errors.reportedOn = 'validation.date_future';
  if (p.evidencePracticeId && (await repo.findPublishedPractices(ctx.db, [p.evidencePracticeId])).length === 0) errors.evidencePracticeId = 'accountability.unknown_practice';
  return errors;
}

export const withdrawnError = () => new DomainError('conflict', 'accountability.withdrawn');

/** A document ready to be stored with an update: its type read from its bytes, its name cleaned, its SHA-256. */
export type CheckedDocument = { name: string; type: DocumentType; bytes: Buffer; sha256: string };

/**
 * Checks a document sent as evidence: at most 2 MiB, a PDF, PNG, JPEG or WebP by its first bytes. An empty file
 * is no document (a form's file field left empty). Field errors on `document`, or the document to store.
 */
export function checkDocument(d: DocumentUpload | null | undefined): { document: CheckedDocument | null; error?: string } {
  if (!d || d.bytes.byteLength === 0) return { document: null };
  if (d.bytes.byteLength > MAX_DOCUMENT_BYTES) return { document: null, error: `accountability.document_too_large:${MAX_DOCUMENT_BYTES / 1024 / 1024}` };
  const type = documentTypeOf(d.bytes);
  if (!type) return { document: null, error: 'accountability.document_type' };
  const bytes = Buffer.from(d.bytes);
  return { document: { name: cleanDocumentName(d.name, type), type, bytes, sha256: createHash('sha256').update(bytes).digest('hex') } };
}

/**
 * Writes one update in its own transaction, after the phase check and with the commitment's row share-locked
 * (a withdrawal under way is waited for), with its document if any: both or neither are written.
 * Errors: conflict (`process.not_in_phase`, `accountability.withdrawn`).
 */
export async function writeProgress(
  ctx: Deps, actorId: string, ref: { id: string; processId: string }, p: ProgressInput, source: ProgressSource, document: CheckedDocument | null = null,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    await assertInPhase(tx, ref.processId, 'progress');
    if ((await repo.lockStatus(tx, ref.id)) !== 'active') throw withdrawnError();
    const id = await repo.insertProgress(tx, ref.id, p, source, actorId, ctx.clock.now());
    if (document) await repo.insertProgressDocument(tx, id, document);
    return id;
  });
}

/**
 * Reports a value of a commitment's indicator on a day (not after today), with its evidence: a link, a
 * published practice and/or a document (≤ 2 MiB; PDF, PNG, JPEG or WebP by its first bytes; public, like the
 * update). Everything is checked before anything is written; the update and its document are written in one
 * transaction that checks the active phase allows progress reports.
 * Errors: unauthenticated, not_found (`accountability.unknown_commitment`), forbidden
 * (`accountability.not_your_organisation`), invalid (fields; `document`: `accountability.document_type`,
 * `accountability.document_too_large:2`), conflict (`process.not_in_phase`, `accountability.withdrawn`).
 * Not idempotent.
 */
export async function reportProgress(ctx: Deps, actor: Actor, commitmentId: unknown, input: unknown, document: DocumentUpload | null = null): Promise<Commitment> {
  const me = signedIn(actor);
  const c = await getCommitment(ctx, commitmentId);
  if (!(await mayReportOn(ctx, me, c))) throw forbidden('accountability.not_your_organisation');
  if (c.status !== 'active') throw withdrawnError();
  // Every field's problem at once, the document's with the others.
  const doc = checkDocument(document);
  const parsed = progressInputSchema.safeParse(input);
  const errors = parsed.success ? await checkProgress(ctx, parsed.data) : toFieldErrors(parsed.error);
  if (doc.error) errors.document = doc.error;
  if (!parsed.success || Object.keys(errors).length) throw new DomainError('invalid', 'error.invalid', errors);
  await writeProgress(ctx, me.id, c, parsed.data, 'web', doc.document);
  return getCommitment(ctx, c.id);
}

/**
 * An update's document with its bytes, for download: public like the update (also when its commitment was
 * withdrawn). Errors: not_found (an unknown update, one without a document, or one of another process).
 */
export async function getProgressDocument(ctx: Pick<Deps, 'db'>, processId: unknown, updateId: unknown) {
  const parsed = uuid.safeParse(updateId);
  const found = parsed.success ? await repo.findProgressDocument(ctx.db, parsed.data) : null;
  if (!found || found.processId !== processId) throw notFound();
  return found;
}

/** A commitment as of `today`: its latest value (by day reported), progress and whether it is late (a withdrawn one never is). */
export function viewOf(c: Commitment, today: string): CommitmentView {
  const latest = c.updates.at(-1)?.value ?? null;
  const input = { baseline: c.baseline, target: c.target, latest, deadline: c.deadline };
  return { ...c, latest, progress: commitmentProgress(input), isOverdue: c.status === 'active' && isOverdue(input, today) };
}

/** One commitment as of today, for its own page. Errors: not_found (`accountability.unknown_commitment`). */
export async function getCommitmentView(ctx: Deps, id: unknown): Promise<CommitmentView> {
  return viewOf(await getCommitment(ctx, id), todayOf(ctx.clock));
}

/**
 * A process's accountability, computed on read: each action-plan item's progress from its active commitments
 * (weighted), the plan's (items weighted by their own weight), every commitment with its updates and changes
 * (withdrawn ones too, marked, and left out of the roll-up), which are overdue today, and the hubs' stories.
 * Public. Errors: not_found.
 */
export async function getAccountability(ctx: Deps, processId: unknown): Promise<Accountability> {
  const process = await getProcess(ctx, processId);
  const today = todayOf(ctx.clock);
  const planItems = await listPlanItems(ctx, process.id);
  const commitments = (await repo.findCommitments(ctx.db, { processId: process.id })).map((c) => viewOf(c, today));
  const active = commitments.filter((c) => c.status === 'active');
  const rolled = rollUpItems(planItems.map((i) => i.id), active.map((c) => ({ id: c.id, baseline: c.baseline, target: c.target, latest: c.latest, deadline: c.deadline, links: c.links })));
  const items: ItemView[] = planItems.map((i, n) => ({
    id: i.id, code: i.code, weight: i.weight, texts: i.texts, documentLanguage: i.documentLanguage, progress: rolled[n]!.progress, commitments: rolled[n]!.commitments,
    isOverdue: active.some((c) => c.isOverdue && c.links.some((l) => l.itemId === i.id)),
  }));
  const plan = planProgress(items.map((i) => ({ itemId: i.id, progress: i.progress })), new Map(items.map((i) => [i.id, i.weight])));
  return { today, items, plan, commitments, stories: await repo.findStories(ctx.db, { processId: process.id }) };
}
