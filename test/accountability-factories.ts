import type { AppContext } from '../src/context.js';
import type { Actor } from '../src/domain/accounts/accounts.js';
import { adoptDocument, draftDocument } from '../src/domain/action-plan/action-plan.service.js';
import { recordCommitment } from '../src/domain/accountability/accountability.service.js';
import { changePhase } from '../src/domain/process/process.service.js';
import { makeConsultation, makeStatement } from './factories.js';
import { makeProcess } from './process-factories.js';
import { makeMember } from './stocktake-factories.js';

const phase = (startsOn: string, endsOn: string, activities: string[], title: string) => ({ startsOn, endsOn, activities, texts: { fr: { title, description: '' }, en: { title, description: '' } } });

/** Drafting and adoption, then commitments only, then action (commitments and progress), then a review. */
export const ACCOUNTABILITY_PHASES = [
  phase('2026-01-05', '2026-03-31', ['amendments', 'adoption'], 'Drafting'),
  phase('2026-04-01', '2026-04-30', ['commitments'], 'Commitments'),
  phase('2026-05-01', '2026-12-31', ['commitments', 'progress'], 'Action'),
  phase('2027-01-01', '', ['review'], 'Review'),
];

/**
 * A process whose action plan has two items — A1 (weight 2, "Radios in every hub") and B1 (weight 1) — and a
 * member of an organisation; the plan is adopted (unless `isAdopted` is false) and the process left in phase
 * `at` (1–4).
 */
export async function makeAccountabilityPlan(ctx: AppContext, at = 3, opts: { isAdopted?: boolean } = {}) {
  const { admin, process } = await makeProcess(ctx, { phases: ACCOUNTABILITY_PHASES });
  const consultation = await makeConsultation(ctx, admin);
  const s1 = await makeStatement(ctx, consultation.id, 'Every hub has a radio.', 'en', { fr: 'Chaque centre a une radio.' });
  const s2 = await makeStatement(ctx, consultation.id, 'Budgets are published.');
  const doc = await draftDocument(ctx, admin, process.id, {
    kind: 'action_plan', originalLanguage: 'en', consultationId: consultation.id,
    texts: { en: { title: 'Joint action plan', preamble: '' } },
    sections: [
      { statementIds: [s1.id], actionItems: [{ code: 'A1', weight: 2, texts: { en: { title: 'Radios in every hub' }, fr: { title: 'Des radios dans chaque centre' } } }] },
      { statementIds: [s2.id], actionItems: [{ code: 'B1', weight: 1, texts: { en: { title: 'Published budgets' } } }] },
    ],
  });
  const [a1, b1] = doc.sections.flatMap((s) => s.actionItems);
  if (opts.isAdopted !== false) await adoptDocument(ctx, admin, doc.id);
  const member = await makeMember(ctx, 'government', 'Ministère du Plan');
  const moveTo = (n: number) => changePhase(ctx, admin, process.id, { toPhaseId: process.phases[n - 1]!.id });
  if (at !== 1) await moveTo(at);
  return { admin, process, document: doc, items: { a1: a1!, b1: b1! }, member, moveTo };
}

/** A commitment input: 10 → 50 radios by the end of 2026, serving the items given with their weights. */
export function commitmentInput(items: { itemId: string; weight: number }[], over: Record<string, unknown> = {}) {
  return {
    originalLanguage: 'en', texts: { en: { title: 'Radios for rural hubs', indicator: 'Hubs with a working radio' } },
    partners: ['Radio network'], baseline: 10, target: 50, unit: 'hubs', deadline: '2026-12-31', items, ...over,
  };
}

export async function makeCommitment(ctx: AppContext, actor: Actor, processId: string, items: { itemId: string; weight: number }[], over: Record<string, unknown> = {}) {
  return recordCommitment(ctx, actor, processId, commitmentInput(items, over));
}
