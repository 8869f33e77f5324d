import { z } from 'zod';
import { countryCode, languageTag, oneOf, requiredText, text, uuid } from '../shared/fields.js';
import { SECTORS, type Sector } from '../taxonomy/vocabularies.js';

export const CONSULTATION_STATUSES = ['open', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const MODERATION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** The four sectors of the founding document, and community hubs as a fifth voice. */
export type ParticipantSector = Sector | 'hub';

/** Agree = 1, disagree = −1, pass = 0, as in Polis's export files. */
export const VOTE_VALUES = { agree: 1, disagree: -1, pass: 0 } as const;
export type VoteValue = -1 | 0 | 1;

export const STATEMENT_MAX = 500;

const consultationTextSchema = z.object({ title: requiredText(200), description: text(4000).default('') });

export const consultationInputSchema = z.object({
  process: requiredText(120).default('default'),
  /** The process it belongs to, if any; the service checks that it exists. */
  processId: uuid.nullable().default(null),
  originalLanguage: languageTag,
  text: consultationTextSchema,
});

/** Linking a consultation to a process, or unlinking it with null. */
export const consultationLinkSchema = z.object({ processId: uuid.nullable() });

export const organisationInputSchema = z.object({
  name: requiredText(200),
  sector: oneOf(SECTORS),
  country: countryCode.nullable().default(null),
});

export const delegateInputSchema = z.object({ organisationId: uuid, userId: uuid });

/** Joining: a delegate speaks for their organisation; a coordinator names the hub they speak for. */
export const joinInputSchema = z.object({ hubId: uuid.optional() });

export const statementInputSchema = z.object({ lang: languageTag, text: requiredText(STATEMENT_MAX) });

export const moderationInputSchema = z.object({ decision: z.enum(['accept', 'reject'], { error: 'validation.invalid_choice' }) });

export const voteInputSchema = z.object({
  statementId: uuid,
  vote: z.enum(['agree', 'disagree', 'pass'], { error: 'validation.invalid_choice' }),
  lang: languageTag,
});

export type Consultation = {
  id: string;
  process: string;
  /** The process it belongs to, when linked (its plan drafts from these statements). */
  processId: string | null;
  status: ConsultationStatus;
  originalLanguage: string;
  texts: Record<string, { title: string; description: string }>;
  createdBy: string | null;
  createdAt: Date;
  closedAt: Date | null;
};

export type Participant = {
  id: string;
  consultationId: string;
  userId: string | null;
  organisationId: string | null;
  hubId: string | null;
  sector: ParticipantSector | null;
  externalId: string | null;
};

export type StatementText = { lang: string; text: string; isOriginal: boolean };

/** A statement shown in one language: `text` is the version picked for the reader, `texts` all versions. */
export type StatementView = {
  id: string;
  status: ModerationStatus;
  originalLanguage: string;
  text: StatementText;
  languages: string[];
  texts: StatementText[];
  /** Who proposed it (null for imports): pages offer its author to translate it. Not published by the API. */
  authorUserId: string | null;
  createdAt: Date;
};

/**
 * The version to show for a preferred language: the same tag, else the same primary language
 * ("fr-CA" reads "fr"), else the original. Null only when there is no text at all.
 */
export function pickText<T extends StatementText>(texts: T[], preferred: string): T | null {
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  return (
    texts.find((t) => t.lang === preferred) ??
    texts.find((t) => primary(t.lang) === primary(preferred)) ??
    texts.find((t) => t.isOriginal) ??
    texts[0] ??
    null
  );
}
