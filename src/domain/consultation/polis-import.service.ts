import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../errors.js';
import { languageTag, requiredText } from '../shared/fields.js';
import { STATEMENT_MAX, type ModerationStatus } from './consultation.js';
import * as consultations from './consultation.repo.js';
import type { PolisConversation } from './polis/polis-import.js';
import * as statements from './statements.repo.js';
import * as votes from './votes.repo.js';

type Deps = { db: Db; clock: Clock };
export type PolisImportOptions = { title: string; lang: string; process?: string };
export type PolisImportSummary = { consultationId: string; participants: number; statements: number; votes: number };

const MODERATION: Record<-1 | 0 | 1, ModerationStatus> = { [-1]: 'rejected', 0: 'pending', 1: 'accepted' };
const statementText = requiredText(STATEMENT_MAX);

/** Every id that voted, wrote or was grouped, in a stable order. */
function participantIds(conv: PolisConversation): string[] {
  const ids = new Set<string>([...conv.polisGroups.keys(), ...conv.input.votes.map((v) => v.participantId)]);
  for (const c of conv.comments) if (c.authorId) ids.add(c.authorId);
  return [...ids].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
}

/**
 * Stores a Polis conversation (read by `readPolisFolder`) as a new consultation: participants by their
 * Polis ids (no sector, no account), comments as statements in `lang` (moderated-out ones rejected,
 * unmoderated ones pending), current votes with one history row each. All or nothing: one
 * transaction. Errors: invalid (title, language, or a comment empty or over 500 characters, named).
 * Not idempotent: importing twice makes two consultations.
 */
export async function importPolisConversation(ctx: Deps, conv: PolisConversation, opts: PolisImportOptions): Promise<PolisImportSummary> {
  const title = requiredText(200).safeParse(opts.title);
  const lang = languageTag.safeParse(opts.lang);
  if (!title.success) throw new DomainError('invalid', 'error.invalid', { title: 'validation.required' });
  if (!lang.success) throw new DomainError('invalid', 'error.invalid', { lang: 'validation.language' });
  for (const c of conv.comments) {
    if (!statementText.safeParse(c.text).success) throw new DomainError('invalid', 'error.polis_comment', { [`comment ${c.id}`]: c.text.trim() ? `validation.too_long:${STATEMENT_MAX}` : 'validation.required' });
  }
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const consultationId = await consultations.insertConsultation(tx, {
      process: opts.process ?? 'Polis import', originalLanguage: lang.data, title: title.data, description: '', createdBy: null, at,
    });
    const people = await consultations.insertImportedParticipants(tx, consultationId, participantIds(conv), at);
    const said = await statements.insertImportedStatements(tx, consultationId, conv.comments.map((c) => ({
      externalId: c.id, authorId: c.authorId ? people.get(c.authorId) ?? null : null, status: MODERATION[c.moderated], lang: lang.data, text: c.text.trim(), at: c.createdAt,
    })));
    await votes.insertImportedVotes(tx, conv.input.votes.map((v) => ({ participantId: people.get(v.participantId)!, statementId: said.get(v.statementId)!, value: v.value, at })));
    return { consultationId, participants: people.size, statements: said.size, votes: conv.input.votes.length };
  });
}
