import { z } from 'zod';
import { languageTag, requiredText, setOf, text, uuid } from '../shared/fields.js';
import type { DocumentType } from './document.js';
import { isIsoDate } from './iso-date.js';
import type { PlanProgress } from './rollup.js';

export const PROGRESS_SOURCES = ['web', 'csv'] as const;
export type ProgressSource = (typeof PROGRESS_SOURCES)[number];
export const COMMITMENT_STATUSES = ['active', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const CHANGE_KINDS = ['edit', 'withdraw'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A number from a form's text or JSON; '' is missing (not 0), and a comma may be the decimal point. */
const finite = z.union([z.number(), z.string()], { error: 'validation.required' }).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : v.trim().replace(/^([^,.]*),([^,.]*)$/, '$1.$2');
  const n = s === '' ? NaN : Number(s);
  if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: s === '' ? 'validation.required' : 'validation.number' });
  return n;
});
const isoDay = z.string({ error: 'validation.invalid_type' }).trim().refine(isIsoDate, { error: 'validation.iso_date' });
const commitmentText = z.object({ title: requiredText(200), indicator: requiredText(300) });
export type CommitmentText = z.output<typeof commitmentText>;
const itemLinks = z
  .array(z.object({ itemId: uuid, weight: z.coerce.number({ error: 'validation.number' }).int({ error: 'accountability.weight_range' }).min(1, { error: 'accountability.weight_range' }).max(100, { error: 'accountability.weight_range' }) }), { error: 'validation.invalid_type' })
  .min(1, { error: 'accountability.item_required' })
  .max(20, { error: 'validation.too_many' })
  .refine((items) => new Set(items.map((i) => i.itemId)).size === items.length, { error: 'accountability.item_twice' });
const reason = requiredText(1000);

/** What a commitment promises, as recorded and as revised: with whom, from what to what, by when, for which items. */
const commitmentTerms = {
  partners: setOf(requiredText(200), { max: 30 }),
  baseline: finite,
  target: finite,
  unit: text(40).default(''),
  deadline: isoDay,
  items: itemLinks,
};

/** A commitment as a form or a client sends it: the organisation (admins name one), the indicator, the items it serves. */
export const commitmentInputSchema = z
  .object({
    organisationId: uuid.nullable().default(null),
    originalLanguage: languageTag,
    texts: z.record(languageTag, commitmentText, { error: 'validation.invalid_type' }),
    ...commitmentTerms,
  })
  .superRefine((c, ctx) => {
    if (!c.texts[c.originalLanguage]) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'validation.original_text_required' });
  });
export type CommitmentInput = z.output<typeof commitmentInputSchema>;

/**
 * A commitment as its organisation revises it: every field that may change (the texts in the original
 * language only; translations apart), and the reason, which is published with the change.
 */
export const commitmentEditSchema = z.object({
  title: requiredText(200),
  indicator: requiredText(300),
  ...commitmentTerms,
  reason,
});
export type CommitmentEdit = z.output<typeof commitmentEditSchema>;

export const withdrawalSchema = z.object({ reason });

/** A commitment's title and indicator in another language than its original one. */
export const commitmentTranslationSchema = z.object({ lang: languageTag, title: requiredText(200), indicator: requiredText(300) });

/** One progress update from the form or the API; the CSV import builds the same from each valid row. */
export const progressInputSchema = z.object({
  reportedOn: isoDay,
  value: finite,
  note: text(1000).default(''),
  evidenceUrl: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().trim().max(2048, { error: 'validation.url' }).pipe(z.httpUrl({ error: 'validation.url' })).nullable()),
  evidencePracticeId: z.preprocess((v) => (v === '' || v === undefined ? null : v), uuid.nullable()),
});
export type ProgressInput = z.output<typeof progressInputSchema>;

export const STORY_TEXT_MAX = 2000;
/** A story's text fields and links; the audio comes apart, as bytes, and is checked by `audioTypeOf`. */
export const storyInputSchema = z.object({
  hubId: uuid,
  lang: languageTag,
  title: requiredText(150),
  text: requiredText(STORY_TEXT_MAX),
  itemIds: setOf(uuid, { max: 20 }),
  practiceIds: setOf(uuid, { max: 20 }),
});
export type StoryInput = z.output<typeof storyInputSchema>;

export type Organisation = { id: string; name: string; sector: string };

/** A document kept as evidence, as listed (its bytes are read apart, for download): `size` in bytes, `sha256` in hex. */
export type EvidenceDocument = { name: string; type: DocumentType; size: number; sha256: string };

/** A document as a form or a client sends it, before its type and size are checked. */
export type DocumentUpload = { name: string; bytes: Uint8Array };

export type ProgressUpdate = {
  id: string; reportedOn: string; value: number; note: string; evidenceUrl: string | null;
  evidencePractice: { id: string; title: string; lang: string } | null; document: EvidenceDocument | null; source: ProgressSource; at: Date;
};

/** Who made a change, as the public sees it: their organisation, or "an administrator" (null: account gone). */
export type ChangeAuthor = { kind: 'organisation'; name: string } | { kind: 'admin' } | null;

/** One revision or the withdrawal; `before` and `after` hold only the fields that changed (commitment-changes.ts). */
export type CommitmentChange = {
  id: number; kind: ChangeKind; before: Record<string, unknown>; after: Record<string, unknown>; reason: string; by: ChangeAuthor; at: Date;
};

export type Commitment = {
  id: string; processId: string; organisation: Organisation; partners: string[]; baseline: number; target: number; unit: string;
  deadline: string; originalLanguage: string; texts: Record<string, CommitmentText>; links: { itemId: string; weight: number }[];
  status: CommitmentStatus;
  /** Oldest first by the day reported. */
  updates: ProgressUpdate[];
  /** Oldest first. */
  changes: CommitmentChange[];
  createdAt: Date;
};

/** A commitment with what the roll-up says of it today. */
export type CommitmentView = Commitment & { latest: number | null; progress: number; isOverdue: boolean };

export type Story = {
  id: string; processId: string; hub: { id: string; name: string; lang: string }; lang: string; title: string; text: string;
  audioType: string | null; items: string[]; practices: { id: string; title: string; lang: string }[]; createdAt: Date;
};

export type ItemView = {
  id: string; code: string; weight: number; texts: Record<string, { title: string }>; documentLanguage: string;
  progress: number | null; commitments: number; isOverdue: boolean;
};

/** Everything the accountability page and API show, computed on read. */
export type Accountability = { today: string; items: ItemView[]; plan: PlanProgress; commitments: CommitmentView[]; stories: Story[] };
