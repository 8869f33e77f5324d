import type { Actor } from '../accounts/accounts.js';
import { canEditPractice, canModerate } from '../accounts/permissions.js';
import type { PracticeStatus } from '../taxonomy/index.js';

export const REVIEW_ACTIONS = ['submit', 'publish', 'return', 'archive', 'restore', 'comment'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

type Rule = { from: PracticeStatus[]; to: PracticeStatus | null; who: 'author' | 'curator' | 'either'; needsComment?: boolean };

/** draft → submitted → published → archived, with "return" sending a submission back to its authors. */
const RULES: Record<ReviewAction, Rule> = {
  submit: { from: ['draft'], to: 'submitted', who: 'author' },
  publish: { from: ['draft', 'submitted'], to: 'published', who: 'curator' },
  return: { from: ['submitted'], to: 'draft', who: 'curator', needsComment: true },
  archive: { from: ['published'], to: 'archived', who: 'curator' },
  restore: { from: ['archived'], to: 'published', who: 'curator' },
  comment: { from: ['draft', 'submitted', 'published', 'archived'], to: null, who: 'either', needsComment: true },
};

type PracticeRef = { status: PracticeStatus; createdBy: string | null; hubIds: string[] };

export type TransitionCheck =
  | { ok: true; to: PracticeStatus }
  | { ok: false; reason: 'forbidden' | 'wrong_status' | 'comment_required' };

/** Pure: may this actor apply this action to this practice now, and what status follows. */
export function checkTransition(actor: Actor, p: PracticeRef, action: ReviewAction, comment: string): TransitionCheck {
  const rule = RULES[action];
  const isAuthor = canEditPractice(actor, p);
  const allowed = rule.who === 'curator' ? canModerate(actor) : rule.who === 'author' ? isAuthor : isAuthor || canModerate(actor);
  if (!allowed) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(p.status)) return { ok: false, reason: 'wrong_status' };
  if (rule.needsComment && comment.trim() === '') return { ok: false, reason: 'comment_required' };
  return { ok: true, to: rule.to ?? p.status };
}

/** The actions to offer as buttons; the service checks again when one is used. */
export function availableActions(actor: Actor, p: PracticeRef): ReviewAction[] {
  return REVIEW_ACTIONS.filter((a) => checkTransition(actor, p, a, 'x').ok);
}
