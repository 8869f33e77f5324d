import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../errors.js';
import { languageTag, requiredText, text } from '../shared/fields.js';
import { STATEMENT_MAX, type ModerationStatus, type VoteValue } from './consultation.js';
import * as consultations from './consultation.repo.js';
import * as statements from './statements.repo.js';
import * as votes from './votes.repo.js';

type Deps = { db: Db; clock: Clock };

/** A whole consultation as another system (Polis) or the demo hands it over; ids are the source's own. */
export type ConsultationSnapshot = {
  process: string;
  originalLanguage: string;
  texts: Record<string, { title: string; description: string }>;
  participants: consultations.ImportedParticipant[];
  statements: { externalId: string; authorExternalId: string | null; status: ModerationStatus; originalLanguage: string; texts: Record<string, string>; at: Date }[];
  votes: { participantExternalId: string; statementExternalId: string; value: VoteValue; lang: string | null }[];
};
export type ImportSummary = { consultationId: string; participants: number; statements: number; votes: number };

const statementText = requiredText(STATEMENT_MAX);
const title = requiredText(200);
const description = text(4000);

/** Every text checked before anything is written; the first problem is named (field → message key). */
function check(snap: ConsultationSnapshot) {
  const bad = (field: string, key: string) => new DomainError('invalid', 'error.invalid', { [field]: key });
  for (const lang of [snap.originalLanguage, ...Object.keys(snap.texts)]) if (!languageTag.safeParse(lang).success) throw bad('lang', 'validation.language');
  for (const [lang, t] of Object.entries(snap.texts)) {
    if (!title.safeParse(t.title).success) throw bad(`title ${lang}`, 'validation.required');
    if (!description.safeParse(t.description).success) throw bad(`description ${lang}`, 'validation.too_long:4000');
  }
  for (const s of snap.statements) {
    for (const [lang, body] of Object.entries(s.texts)) {
      if (!languageTag.safeParse(lang).success) throw new DomainError('invalid', 'error.polis_comment', { [`statement ${s.externalId}`]: 'validation.language' });
      if (!statementText.safeParse(body).success) {
        throw new DomainError('invalid', 'error.polis_comment', { [`statement ${s.externalId}`]: body.trim() ? `validation.too_long:${STATEMENT_MAX}` : 'validation.required' });
      }
    }
  }
}

/**
 * Stores a snapshot as a new consultation, all or nothing (one transaction): participants without
 * accounts, statements with their language versions, current votes each with one history row.
 * Errors: invalid (a text or language, named); a vote naming an unknown participant or statement
 * fails the transaction. Not idempotent: importing twice makes two consultations.
 */
export async function importConsultation(ctx: Deps, snap: ConsultationSnapshot, opts: { isDemo?: boolean } = {}): Promise<ImportSummary> {
  check(snap);
  const at = ctx.clock.now();
  const original = snap.texts[snap.originalLanguage];
  if (!original) throw new DomainError('invalid', 'error.invalid', { [`title ${snap.originalLanguage}`]: 'validation.required' });
  return ctx.db.transaction(async (tx) => {
    const consultationId = await consultations.insertConsultation(tx, {
      process: snap.process, originalLanguage: snap.originalLanguage, ...original, createdBy: null, at, isDemo: opts.isDemo,
    });
    await consultations.insertConsultationTexts(tx, consultationId, Object.entries(snap.texts).filter(([lang]) => lang !== snap.originalLanguage).map(([lang, t]) => ({ lang, ...t })));
    const people = await consultations.insertImportedParticipants(tx, consultationId, snap.participants, at);
    const said = await statements.insertImportedStatements(tx, consultationId, snap.statements.map((s) => ({
      externalId: s.externalId, authorId: s.authorExternalId ? people.get(s.authorExternalId) ?? null : null, status: s.status,
      originalLanguage: s.originalLanguage, texts: Object.fromEntries(Object.entries(s.texts).map(([lang, body]) => [lang, body.trim()])), at: s.at,
    })));
    await votes.insertImportedVotes(tx, snap.votes.map((v) => ({
      participantId: people.get(v.participantExternalId)!, statementId: said.get(v.statementExternalId)!, value: v.value, lang: v.lang, at,
    })));
    return { consultationId, participants: people.size, statements: said.size, votes: snap.votes.length };
  });
}

/** Whether demo content already holds a consultation (so seeding twice adds none). */
export const hasDemoConsultation = (ctx: Pick<Deps, 'db'>) => consultations.hasDemoConsultation(ctx.db);
