import { eq } from 'drizzle-orm';
import type { AppContext } from '../src/context.js';
import { consultations } from '../src/db/schema/index.js';
import { draftDocument } from '../src/domain/action-plan/action-plan.service.js';
import { makeConsultation, makeStatement } from './factories.js';
import { makeProcess } from './process-factories.js';
import { makeMember } from './stocktake-factories.js';

const phase = (startsOn: string, endsOn: string, activities: string[], title: string) => ({ startsOn, endsOn, activities, texts: { fr: { title, description: '' }, en: { title, description: '' } } });

/** Four phases: drafting (amendments), a vote, adoption, then action (none of the plan's activities). */
export const PLAN_PHASES = [
  phase('2026-01-05', '2026-03-31', ['amendments'], 'Drafting'),
  phase('2026-04-01', '2026-04-03', ['voting'], 'Vote'),
  phase('2026-04-04', '2026-04-05', ['adoption'], 'Adoption'),
  phase('2026-04-06', '', ['commitments'], 'Action'),
];

/**
 * A process in its drafting phase, a consultation (not linked to the process) with three accepted
 * statements (the first two also in French) and an organisation with a member; nothing drafted yet.
 */
export async function makeDraftingSetup(ctx: AppContext) {
  const { admin, process } = await makeProcess(ctx, { phases: PLAN_PHASES });
  const consultation = await makeConsultation(ctx, admin);
  const s1 = await makeStatement(ctx, consultation.id, 'Every hub has a radio.', 'en', { fr: 'Chaque centre a une radio.' });
  const s2 = await makeStatement(ctx, consultation.id, 'Alerts reach herders.', 'en', { fr: 'Les alertes atteignent les éleveurs.' });
  const s3 = await makeStatement(ctx, consultation.id, 'Budgets are published.');
  const owner = await makeMember(ctx, 'government', 'Ministère du Plan');
  return { admin, process, consultation, statements: [s1, s2, s3] as const, owner };
}

/** Links a consultation to a process as an admin does from the consultation's page. */
export async function linkConsultation(ctx: AppContext, consultationId: string, processId: string) {
  await ctx.db.update(consultations).set({ processId }).where(eq(consultations.id, consultationId));
}

/**
 * A process in its drafting phase, a consultation with three accepted statements (the first two also in
 * French), an organisation with a member, and an action plan of two sections drafted by the admin: the
 * first from statements 1 and 2, owned by the organisation, with item A1; the second from statement 3, no owner.
 */
export async function makePlan(ctx: AppContext) {
  const setup = await makeDraftingSetup(ctx);
  const { admin, process, consultation, statements: [s1, s2, s3], owner } = setup;
  const doc = await draftDocument(ctx, admin, process.id, planInput(consultation.id, owner.organisation.id, [s1.id, s2.id], [s3.id]));
  return { ...setup, statements: [s1, s2, s3], doc, sections: doc.sections };
}

export function planInput(consultationId: string, ownerId: string | null, first: string[], second: string[], over: Record<string, unknown> = {}) {
  return {
    kind: 'action_plan', originalLanguage: 'en', consultationId,
    texts: { en: { title: 'Joint action plan', preamble: 'What we will do together.' }, fr: { title: 'Plan d’action commun', preamble: '' } },
    sections: [
      { statementIds: first, ownerOrganisationId: ownerId, actionItems: [{ code: 'A1', weight: 2, texts: { en: { title: 'Radios in every hub' }, fr: { title: 'Des radios dans chaque centre' } } }] },
      { statementIds: second },
    ],
    ...over,
  };
}
