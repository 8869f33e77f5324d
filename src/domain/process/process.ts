import { z } from 'zod';
import { isIsoDate } from '../accountability/iso-date.js';
import { languageTag, oneOf, requiredText, setOf, text, uuid } from '../shared/fields.js';
import { ACTIVITIES, phaseDateProblems, type Activity } from './phases.js';

export const PROCESS_STATUSES = ['open', 'closed'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export const MAX_PHASES = 30;

const textSchema = z.object({ title: requiredText(200), description: text(4000).default('') });
export type ProcessText = z.output<typeof textSchema>;

const texts = z.record(languageTag, textSchema, { error: 'validation.invalid_type' });

const isoDay = z.string({ error: 'validation.invalid_type' }).trim().refine(isIsoDate, { error: 'process.invalid_day' });

const phaseSchema = z.object({
  startsOn: isoDay,
  // An empty field is an open-ended phase.
  endsOn: z.preprocess((v) => (v === '' || v === undefined ? null : v), isoDay.nullable()),
  activities: setOf(oneOf(ACTIVITIES), { max: ACTIVITIES.length }),
  texts,
});

/** A process with its phases in order; `activePhase` is the position (1 for the first, the default) of the phase that starts active. */
export const processInputSchema = z
  .object({
    originalLanguage: languageTag,
    texts,
    phases: z.array(phaseSchema, { error: 'validation.invalid_type' }).min(1, { error: 'process.phases_required' }).max(MAX_PHASES, { error: 'validation.too_many' }),
    activePhase: z.int({ error: 'validation.invalid_type' }).min(1, { error: 'validation.invalid_choice' }).default(1),
  })
  .superRefine((p, ctx) => {
    if (!p.texts[p.originalLanguage]) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'validation.original_text_required' });
    p.phases.forEach((phase, i) => {
      if (!phase.texts[p.originalLanguage]) ctx.addIssue({ code: 'custom', path: ['phases', i, 'texts'], message: 'validation.original_text_required' });
    });
    for (const [i, problem] of phaseDateProblems(p.phases)) ctx.addIssue({ code: 'custom', path: ['phases', i, problem.field], message: problem.key });
    if (p.phases.length > 0 && p.activePhase > p.phases.length) ctx.addIssue({ code: 'custom', path: ['activePhase'], message: 'validation.invalid_choice' });
  });
export type ProcessInput = z.output<typeof processInputSchema>;

const phaseTranslationSchema = z.object({ phaseId: uuid, title: text(200).default(''), description: text(4000).default('') });

/**
 * The texts of a process and of some of its phases in one language (the original one too). A phase left with
 * neither title nor description has no text in that language (any it had is removed) — except in the original
 * language, which every phase keeps.
 */
export const processTranslationSchema = z
  .object({
    lang: languageTag,
    title: requiredText(200),
    description: text(4000).default(''),
    phases: z.array(phaseTranslationSchema, { error: 'validation.invalid_type' }).max(MAX_PHASES, { error: 'validation.too_many' }).default([]),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.phases.forEach((ph, i) => {
      if (seen.has(ph.phaseId)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'phaseId'], message: 'process.phase_repeated' });
      seen.add(ph.phaseId);
      if (!ph.title && ph.description) ctx.addIssue({ code: 'custom', path: ['phases', i, 'title'], message: 'validation.required' });
    });
  });
export type ProcessTranslation = z.output<typeof processTranslationSchema>;

export const phaseChangeInputSchema = z.object({ toPhaseId: uuid, note: text(1000).default('') });

export type Phase = {
  id: string;
  /** 1 for the first phase. */
  position: number;
  startsOn: string;
  endsOn: string | null;
  activities: Activity[];
  texts: Record<string, ProcessText>;
};

export type Process = {
  id: string;
  status: ProcessStatus;
  originalLanguage: string;
  activePhaseId: string | null;
  texts: Record<string, ProcessText>;
  /** In their order (position). */
  phases: Phase[];
  createdAt: Date;
};

export type PhaseChange = {
  id: number;
  fromPhaseId: string;
  toPhaseId: string;
  byName: string | null;
  at: Date;
  note: string;
};
