import { z } from 'zod';
import { languageTag, oneOf, requiredText, text, uuid } from '../shared/fields.js';

export const DOCUMENT_KINDS = ['declaration', 'action_plan'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['drafting', 'adopted'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const AMENDMENT_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];
export type DecidedHow = 'owner' | 'vote';
export const VOTE_CHOICES = { for: 1, against: -1, abstain: 0 } as const;
export type VoteChoice = keyof typeof VOTE_CHOICES;

export const SECTION_MAX = 8000;

const actionItemSchema = z.object({
  code: requiredText(20).pipe(z.string().regex(/^[A-Za-z0-9.-]+$/, { error: 'plan.invalid_code' })),
  weight: z.coerce.number({ error: 'validation.invalid_type' }).int({ error: 'plan.invalid_weight' }).min(1, { error: 'plan.invalid_weight' }).max(100, { error: 'plan.invalid_weight' }).default(1),
  texts: z.record(languageTag, z.object({ title: requiredText(300) }), { error: 'validation.invalid_type' }),
});
export type ActionItemInput = z.output<typeof actionItemSchema>;

/** One item added to a section of an action plan while it is drafted; its title in at least one language. */
export const actionItemInputSchema = actionItemSchema.superRefine((i, ctx) => {
  if (Object.keys(i.texts).length === 0) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'validation.required' });
});

/**
 * A document drafted from accepted statements of a consultation: each section names the statements its
 * first version is built from, an owner organisation (or none: then admins decide its amendments) and,
 * in an action plan, its action items.
 */
export const draftInputSchema = z
  .object({
    kind: oneOf(DOCUMENT_KINDS),
    originalLanguage: languageTag,
    texts: z.record(languageTag, z.object({ title: requiredText(200), preamble: text(4000).default('') }), { error: 'validation.invalid_type' }),
    consultationId: uuid,
    sections: z
      .array(z.object({
        statementIds: z.array(uuid).min(1, { error: 'plan.statements_required' }).max(20, { error: 'validation.too_many' }),
        ownerOrganisationId: uuid.nullable().default(null),
        actionItems: z.array(actionItemInputSchema).max(30, { error: 'validation.too_many' }).default([]),
      }))
      .min(1, { error: 'plan.sections_required' })
      .max(50, { error: 'validation.too_many' }),
  })
  .superRefine((d, ctx) => {
    if (!d.texts[d.originalLanguage]) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'validation.original_text_required' });
    d.sections.forEach((s, i) => {
      if (d.kind !== 'action_plan' && s.actionItems.length > 0) ctx.addIssue({ code: 'custom', path: ['sections', i, 'actionItems'], message: 'plan.items_only_in_action_plan' });
    });
  });
export type DraftInput = z.output<typeof draftInputSchema>;

export const amendmentInputSchema = z.object({
  baseVersion: z.coerce.number({ error: 'validation.invalid_type' }).int().min(1, { error: 'validation.invalid_choice' }),
  lang: languageTag,
  text: requiredText(SECTION_MAX),
  rationale: text(2000).default(''),
});

export const amendmentVoteSchema = z.object({ vote: z.enum(['for', 'against', 'abstain'], { error: 'validation.invalid_choice' }) });
export const amendmentDecisionSchema = z.object({ decision: z.enum(['accept', 'reject'], { error: 'validation.invalid_choice' }) });

export type VoteCounts = { for: number; against: number; abstain: number };

/**
 * The outcome of counting: accepted when more votes are for than against (abstentions are counted and
 * shown, but are not votes cast for the majority); a tie rejects. Null when nobody voted for or against.
 */
export function voteOutcome(c: VoteCounts): 'accepted' | 'rejected' | null {
  if (c.for + c.against === 0) return null;
  return c.for > c.against ? 'accepted' : 'rejected';
}

export type SectionVersion = {
  version: number; lang: string; text: string; amendmentId: string | null; byName: string | null; at: Date;
  /** Added later to a version that already had its text: a translation, not a change of the text. */
  isTranslation: boolean;
};

/**
 * A translation of a section's current version into a language that has no text of it yet; `version` is
 * the one the translator read, refused when it is no longer the current one.
 */
export const sectionTranslationSchema = z.object({
  version: z.coerce.number({ error: 'validation.invalid_type' }).int({ error: 'validation.invalid_choice' }).min(1, { error: 'validation.invalid_choice' }),
  lang: languageTag,
  text: requiredText(SECTION_MAX),
});

/** A document's title and preamble in a language other than its original one (added or corrected). */
export const documentTranslationSchema = z.object({ lang: languageTag, title: requiredText(200), preamble: text(4000).default('') });

/** An action item's title in a language other than its document's original one (added or corrected). */
export const itemTranslationSchema = z.object({ lang: languageTag, title: requiredText(300) });

export type Amendment = {
  id: string; sectionId: string; baseVersion: number; lang: string; text: string; rationale: string; status: AmendmentStatus;
  proposedByName: string | null; proposedAt: Date; decidedByName: string | null; decidedAt: Date | null; decidedHow: DecidedHow | null;
  /** Live counts while proposed; the counts kept at decision time afterwards. */
  votes: VoteCounts;
};

export type ActionItem = { id: string; sectionId: string; code: string; weight: number; texts: Record<string, { title: string }> };

export type PlanSection = {
  id: string; documentId: string; position: number; owner: { id: string; name: string } | null; sourceStatementIds: string[];
  /** The latest version number and its texts per language (a translation of an older version is not current). */
  version: number; texts: Record<string, string>;
  /** Languages whose latest text is of an older version than the current one: that text and its version. */
  outdated: Record<string, { version: number; text: string }>;
  actionItems: ActionItem[]; amendments: Amendment[];
};

export type PlanDocument = {
  id: string; processId: string; kind: DocumentKind; status: DocumentStatus; originalLanguage: string; consultationId: string | null;
  texts: Record<string, { title: string; preamble: string }>; createdAt: Date; adoptedAt: Date | null; adoptedByName: string | null;
  sections: PlanSection[];
};
