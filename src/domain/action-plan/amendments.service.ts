import type { Db, DbOrTx } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { canDecideAmendment, canProposeAmendment, canVoteOnAmendment } from '../accounts/permissions.js';
import { DomainError, forbidden, notFound } from '../errors.js';
import type { Activity } from '../process/phases.js';
import { assertInPhase } from '../process/process.service.js';
import { uuid } from '../shared/fields.js';
import { parseInput } from '../shared/validation.js';
import {
  amendmentDecisionSchema, amendmentInputSchema, amendmentVoteSchema, VOTE_CHOICES, voteOutcome, type Amendment, type DecidedHow, type PlanSection, type VoteCounts,
} from './action-plan.js';
import { getDocument, readOnlyError, signedIn } from './action-plan.service.js';
import * as repo from './action-plan.repo.js';

type Deps = { db: Db; clock: Clock };

const words = (s: string) => s.replace(/\s+/g, ' ').trim();
const staleError = () => new DomainError('conflict', 'plan.stale_version');
const decidedError = () => new DomainError('conflict', 'plan.amendment_decided');

function idOf(id: unknown): string {
  const parsed = uuid.safeParse(id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** Voting is open while the phase allows amendments or voting: a refusal only when it allows neither. */
async function assertInOnePhase(tx: DbOrTx, processId: string, activities: Activity[]) {
  for (const [i, activity] of activities.entries()) {
    try {
      return await assertInPhase(tx, processId, activity);
    } catch (e) {
      if (!(e instanceof DomainError) || e.message !== 'process.not_in_phase' || i === activities.length - 1) throw e;
    }
  }
}

/**
 * Proposes a new text for a section, against the version the author read. One transaction: the phase
 * must allow amendments, the document must be in drafting, and the base version must still be the
 * latest. Errors: unauthenticated, not_found, invalid (`plan.no_change` too), conflict
 * (`process.not_in_phase`, `plan.adopted_read_only`, `plan.stale_version`). Not idempotent.
 */
export async function proposeAmendment(ctx: Deps, actor: Actor, sectionId: unknown, input: unknown): Promise<Amendment> {
  const me = signedIn(actor);
  if (!canProposeAmendment(me)) throw forbidden();
  const id = idOf(sectionId);
  const a = parseInput(amendmentInputSchema, input);
  const amendmentId = await ctx.db.transaction(async (tx) => {
    const s = await repo.lockSection(tx, id);
    if (!s) throw notFound();
    await assertInPhase(tx, s.processId, 'amendments');
    if (s.status !== 'drafting') throw readOnlyError();
    if (a.baseVersion !== s.latestVersion) throw staleError();
    const current = (await repo.findVersions(tx, id)).find((v) => v.version === s.latestVersion && v.lang === a.lang);
    // Spacing alone is no change: the word diff would show nothing.
    if (current && words(current.text) === words(a.text)) throw new DomainError('invalid', 'error.invalid', { text: 'plan.no_change' });
    return repo.insertAmendment(tx, { sectionId: id, baseVersion: a.baseVersion, lang: a.lang, text: a.text, rationale: a.rationale, by: me.id, at: ctx.clock.now() });
  });
  return (await findAmendment(ctx, amendmentId)).amendment;
}

/** An amendment with its section (current text, owner) and document. Errors: not_found. */
export async function findAmendment(ctx: Pick<Deps, 'db'>, amendmentId: unknown): Promise<{ amendment: Amendment; section: PlanSection; documentId: string; processId: string }> {
  const ref = await repo.findAmendmentRef(ctx.db, idOf(amendmentId));
  if (!ref) throw notFound();
  const doc = await getDocument(ctx, await repo.findSectionDocumentId(ctx.db, ref.sectionId));
  const section = doc.sections.find((s) => s.id === ref.sectionId)!;
  return { amendment: section.amendments.find((x) => x.id === ref.id)!, section, documentId: doc.id, processId: doc.processId };
}

/**
 * Casts or changes the actor's vote on a proposed amendment (one vote per person), while the phase allows
 * amendments or voting and the document is in drafting. Errors: unauthenticated, not_found, invalid,
 * conflict (`process.not_in_phase`, `plan.adopted_read_only`, `plan.amendment_decided`). Idempotent.
 */
export async function voteOnAmendment(ctx: Deps, actor: Actor, amendmentId: unknown, input: unknown): Promise<VoteCounts> {
  const me = signedIn(actor);
  if (!canVoteOnAmendment(me)) throw forbidden();
  const { vote } = parseInput(amendmentVoteSchema, input);
  const ref = await repo.findAmendmentRef(ctx.db, idOf(amendmentId));
  if (!ref) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const s = (await repo.lockSection(tx, ref.sectionId))!;
    await assertInOnePhase(tx, s.processId, ['amendments', 'voting']);
    if (s.status !== 'drafting') throw readOnlyError();
    if ((await repo.findAmendmentRef(tx, ref.id))!.status !== 'proposed') throw decidedError();
    await repo.upsertVote(tx, ref.id, me.id, VOTE_CHOICES[vote], ctx.clock.now());
    return (await repo.countVotes(tx, [ref.id])).get(ref.id)!;
  });
}

/** The actor's votes on the given amendments, for the forms to show what they chose. */
export async function myAmendmentVotes(ctx: Pick<Deps, 'db'>, actor: Actor, amendmentIds: string[]): Promise<Map<string, number>> {
  return actor ? repo.findVotesOf(ctx.db, actor.id, amendmentIds) : new Map();
}

/** Whether the actor may decide amendments to this section (the page shows the buttons; the service decides). */
export async function mayDecideAmendments(ctx: Pick<Deps, 'db'>, actor: Actor, section: Pick<PlanSection, 'owner'>): Promise<boolean> {
  if (!actor) return false;
  return canDecideAmendment(actor, await repo.findUserOrganisationId(ctx.db, actor.id), section.owner?.id ?? null);
}

/** The shared path of both ways of deciding: checks, then the decision and (accepted) the next version, in one transaction. */
async function decide(ctx: Deps, actor: Actor, amendmentId: unknown, how: DecidedHow, choose: (counts: VoteCounts) => 'accepted' | 'rejected'): Promise<Amendment> {
  const me = signedIn(actor);
  const { amendment, section } = await findAmendment(ctx, amendmentId);
  if (!(await mayDecideAmendments(ctx, me, section))) throw forbidden('plan.owner_decides');
  await ctx.db.transaction(async (tx) => {
    const s = (await repo.lockSection(tx, section.id))!;
    await assertInPhase(tx, s.processId, how === 'owner' ? 'amendments' : 'voting');
    if (s.status !== 'drafting') throw readOnlyError();
    const current = (await repo.findAmendmentRef(tx, amendment.id))!;
    if (current.status !== 'proposed') throw decidedError();
    const counts = (await repo.countVotes(tx, [amendment.id])).get(amendment.id) ?? { for: 0, against: 0, abstain: 0 };
    const status = choose(counts);
    if (status === 'accepted') {
      if (current.baseVersion !== s.latestVersion) throw staleError();
      await repo.insertVersion(tx, { sectionId: s.id, version: s.latestVersion + 1, lang: current.lang, text: current.text, amendmentId: current.id, byUser: me.id, at: ctx.clock.now() });
    }
    await repo.setDecision(tx, current.id, { status, by: me.id, at: ctx.clock.now(), how, counts });
  });
  return (await findAmendment(ctx, amendment.id)).amendment;
}

/**
 * The section's owner (a member of its organisation) or an admin accepts or rejects a proposed amendment
 * while the phase allows amendments; accepting writes the next version in the same transaction. Errors:
 * unauthenticated, forbidden (`plan.owner_decides`), not_found, invalid, conflict (`process.not_in_phase`,
 * `plan.adopted_read_only`, `plan.amendment_decided`, `plan.stale_version`). Not idempotent.
 */
export async function decideAmendment(ctx: Deps, actor: Actor, amendmentId: unknown, input: unknown): Promise<Amendment> {
  const { decision } = parseInput(amendmentDecisionSchema, input);
  return decide(ctx, actor, amendmentId, 'owner', () => (decision === 'accept' ? 'accepted' : 'rejected'));
}

/**
 * Decides a proposed amendment by its votes, while the phase allows voting: accepted when more votes are
 * for than against (`voteOutcome`), else rejected. Asked for by the same people who may decide. Errors: as
 * decideAmendment, and conflict (`plan.no_votes`) when nobody voted for or against.
 */
export async function countAmendmentVotes(ctx: Deps, actor: Actor, amendmentId: unknown): Promise<Amendment> {
  return decide(ctx, actor, amendmentId, 'vote', (counts) => {
    const outcome = voteOutcome(counts);
    if (!outcome) throw new DomainError('conflict', 'plan.no_votes');
    return outcome;
  });
}
