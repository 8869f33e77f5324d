import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { ModerationStatus } from './consultation.js';
import { importConsultation, type ImportSummary } from './consultation-import.service.js';
import type { PolisConversation } from './polis/polis-import.js';

type Deps = { db: Db; clock: Clock };
export type PolisImportOptions = { title: string; lang: string; process?: string };

const MODERATION: Record<-1 | 0 | 1, ModerationStatus> = { [-1]: 'rejected', 0: 'pending', 1: 'accepted' };

/** Every id that voted, wrote or was grouped, in a stable order. */
function participantIds(conv: PolisConversation): string[] {
  const ids = new Set<string>([...conv.polisGroups.keys(), ...conv.input.votes.map((v) => v.participantId)]);
  for (const c of conv.comments) if (c.authorId) ids.add(c.authorId);
  return [...ids].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
}

/**
 * Stores a Polis conversation (read by `readPolisFolder`) as a new consultation: participants by their
 * Polis ids (no sector, no account), comments as statements in `lang` (moderated-out ones rejected,
 * unmoderated ones pending), current votes with one history row each; all or nothing. Errors:
 * invalid (title, language, or a comment empty or over 500 characters, named). Not idempotent.
 */
export async function importPolisConversation(ctx: Deps, conv: PolisConversation, opts: PolisImportOptions): Promise<ImportSummary> {
  return importConsultation(ctx, {
    process: opts.process ?? 'Polis import',
    originalLanguage: opts.lang,
    texts: { [opts.lang]: { title: opts.title, description: '' } },
    participants: participantIds(conv).map((externalId) => ({ externalId, sector: null, organisationId: null, hubId: null })),
    statements: conv.comments.map((c) => ({
      externalId: c.id, authorExternalId: c.authorId || null, status: MODERATION[c.moderated], originalLanguage: opts.lang, texts: { [opts.lang]: c.text }, at: c.createdAt,
    })),
    votes: conv.input.votes.map((v) => ({ participantExternalId: v.participantId, statementExternalId: v.statementId, value: v.value, lang: null })),
  });
}
