import { z } from 'zod';
import { CONSULTATION_STATUSES, type Consultation } from '../../../domain/consultation/consultation.js';
import { ACTIVITIES } from '../../../domain/process/phases.js';
import { PROCESS_STATUSES, type Phase, type PhaseChange, type Process } from '../../../domain/process/process.js';

/*
 * How the API shows processes, their phases and phase changes. As in representation.ts, these zod schemas
 * feed the OpenAPI document and the tests check real answers against them. Who changed a phase is not
 * published here (the page shows a display name); the API gives when, from, to and the note.
 */

const day = z.iso.date();
const texts = z.record(z.string(), z.object({ title: z.string(), description: z.string() }));

export const phaseJsonSchema = z.object({
  id: z.uuid(),
  position: z.int().min(1).describe('1 for the first phase; phases come in this order.'),
  startsOn: day,
  endsOn: day.nullable().describe('Null: open-ended (the last phase only).'),
  activities: z.array(z.enum(ACTIVITIES)).describe('What the phase allows; everything else is refused with 409 while it is active.'),
  isActive: z.boolean(),
  texts,
});

export const processJsonSchema = z.object({
  id: z.uuid(),
  status: z.enum(PROCESS_STATUSES),
  originalLanguage: z.string(),
  activePhaseId: z.uuid().nullable(),
  texts,
  phases: z.array(phaseJsonSchema),
  createdAt: z.iso.datetime(),
});

export const phaseChangeJsonSchema = z.object({ fromPhaseId: z.uuid(), toPhaseId: z.uuid(), at: z.iso.datetime(), note: z.string() });

export const processListJsonSchema = z.object({ items: z.array(processJsonSchema) });
/** A consultation linked to the process, in short: GET /consultations/{id} has the rest. */
export const processConsultationJsonSchema = z.object({
  id: z.uuid(),
  status: z.enum(CONSULTATION_STATUSES),
  originalLanguage: z.string(),
  texts: z.record(z.string(), z.object({ title: z.string() })),
});

export const processDetailJsonSchema = processJsonSchema.extend({
  phaseChanges: z.array(phaseChangeJsonSchema).describe('Oldest first.'),
  consultations: z.array(processConsultationJsonSchema).describe('The consultations linked to this process, newest first.'),
});

function phaseJson(p: Phase, activeId: string | null): z.input<typeof phaseJsonSchema> {
  return { id: p.id, position: p.position, startsOn: p.startsOn, endsOn: p.endsOn, activities: p.activities, isActive: p.id === activeId, texts: p.texts };
}

export function processJson(p: Process): z.input<typeof processJsonSchema> {
  return {
    id: p.id, status: p.status, originalLanguage: p.originalLanguage, activePhaseId: p.activePhaseId, texts: p.texts,
    phases: p.phases.map((ph) => phaseJson(ph, p.activePhaseId)), createdAt: p.createdAt.toISOString(),
  };
}

export function phaseChangeJson(c: PhaseChange): z.input<typeof phaseChangeJsonSchema> {
  return { fromPhaseId: c.fromPhaseId, toPhaseId: c.toPhaseId, at: c.at.toISOString(), note: c.note };
}

export function processConsultationJson(c: Consultation): z.input<typeof processConsultationJsonSchema> {
  return { id: c.id, status: c.status, originalLanguage: c.originalLanguage, texts: Object.fromEntries(Object.entries(c.texts).map(([lang, t]) => [lang, { title: t.title }])) };
}
