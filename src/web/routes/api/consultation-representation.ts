import { z } from 'zod';
import { CONSULTATION_STATUSES, MODERATION_STATUSES, VOTE_VALUES, type Consultation, type Participant, type StatementView, type VoteValue } from '../../../domain/consultation/consultation.js';
import type { ConsultationSummary } from '../../../domain/consultation/consultation-list.service.js';
import { SECTORS } from '../../../domain/taxonomy/index.js';

/*
 * How the API shows consultations, statements and votes. As in representation.ts, these zod schemas
 * feed the OpenAPI document and the tests check real answers against them. Who wrote a statement and
 * who voted are not published: participants are pseudonymous.
 */

const timestamp = z.iso.datetime();
const VOTE_NAMES = Object.keys(VOTE_VALUES) as (keyof typeof VOTE_VALUES)[];
const nameOf = (v: VoteValue) => VOTE_NAMES.find((k) => VOTE_VALUES[k] === v)!;

const statementTextSchema = z.object({ lang: z.string(), text: z.string(), isOriginal: z.boolean() });

export const statementJsonSchema = z.object({
  id: z.uuid(),
  status: z.enum(MODERATION_STATUSES),
  originalLanguage: z.string(),
  text: statementTextSchema.describe('The version for the requested language (`lang`, else Accept-Language), else the original.'),
  texts: z.array(statementTextSchema),
  createdAt: timestamp,
});

export const consultationJsonSchema = z.object({
  id: z.uuid(),
  process: z.string(),
  processId: z.uuid().nullable().describe('The process this consultation belongs to (GET /processes/{id}), or null.'),
  status: z.enum(CONSULTATION_STATUSES),
  originalLanguage: z.string(),
  texts: z.record(z.string(), z.object({ title: z.string(), description: z.string() })),
  createdAt: timestamp,
  closedAt: timestamp.nullable(),
});

export const consultationSummaryJsonSchema = consultationJsonSchema.extend({ statementCount: z.int().min(0), participantCount: z.int().min(0) });
export const consultationListJsonSchema = z.object({ items: z.array(consultationSummaryJsonSchema) });
export const consultationDetailJsonSchema = consultationJsonSchema.extend({ statements: z.array(statementJsonSchema) });

export const participantJsonSchema = z.object({
  id: z.uuid(),
  consultationId: z.uuid(),
  organisationId: z.uuid().nullable(),
  hubId: z.uuid().nullable(),
  sector: z.enum([...SECTORS, 'hub']).nullable(),
});

export const voteJsonSchema = z.object({
  statementId: z.uuid(),
  vote: z.enum(['agree', 'disagree', 'pass']),
  lang: z.string(),
  isChanged: z.boolean().describe('False when this repeated the current vote (nothing was recorded).'),
});

export const nextJsonSchema = z.object({ statement: statementJsonSchema.nullable().describe('Null when the participant has voted on every accepted statement.') });

export function consultationJson(c: Consultation): z.input<typeof consultationJsonSchema> {
  return {
    id: c.id, process: c.process, processId: c.processId, status: c.status, originalLanguage: c.originalLanguage, texts: c.texts,
    createdAt: c.createdAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null,
  };
}

export function consultationSummaryJson(c: ConsultationSummary): z.input<typeof consultationSummaryJsonSchema> {
  return { ...consultationJson(c), statementCount: c.statementCount, participantCount: c.participantCount };
}

export function statementJson(s: StatementView): z.input<typeof statementJsonSchema> {
  return { id: s.id, status: s.status, originalLanguage: s.originalLanguage, text: s.text, texts: s.texts, createdAt: s.createdAt.toISOString() };
}

export function participantJson(p: Participant): z.input<typeof participantJsonSchema> {
  return { id: p.id, consultationId: p.consultationId, organisationId: p.organisationId, hubId: p.hubId, sector: p.sector };
}

export function voteJson(v: { statementId: string; value: VoteValue; lang: string; isChanged: boolean }): z.input<typeof voteJsonSchema> {
  return { statementId: v.statementId, vote: nameOf(v.value), lang: v.lang, isChanged: v.isChanged };
}
