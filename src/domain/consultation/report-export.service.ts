import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import type { AnalysisResult } from './analysis/analysis.js';
import * as repo from './analysis.repo.js';
import { getAnalysis } from './analysis.service.js';
import { toPolisExport } from './polis/polis-export.js';

type Deps = { db: Db; clock: Clock };

/** Polis numbers people and comments 0, 1, 2… in order of arrival; so do we, so the numbers never change. */
const numbering = (ids: string[]) => new Map(ids.map((id, i) => [id, String(i)]));

/** The analysis with participants under their Polis-style numbers: nothing in it names or links to a person. */
function withNumbers(result: AnalysisResult, people: Map<string, string>): AnalysisResult {
  return { ...result, participants: result.participants.flatMap((p) => (people.has(p.id) ? [{ ...p, id: people.get(p.id)! }] : [])) };
}

/**
 * comments.csv and participants-votes.csv in Polis's export format, with our opinion groups in
 * "group-id". Only accepted statements (pending texts are not public); participants and comments are
 * numbered in order of arrival; no names, e-mails or phone numbers. Public. Errors: not_found.
 */
export async function exportPolisFiles(ctx: Deps, actor: Actor, consultationId: unknown) {
  const view = await getAnalysis(ctx, actor, consultationId);
  const rows = await ctx.db.transaction((tx) => repo.exportRows(tx, view.consultation.id), { isolationLevel: 'repeatable read', accessMode: 'read only' });
  const people = numbering(rows.participants);
  const comments = numbering(rows.statements.map((s) => s.id));
  const accepted = rows.statements.filter((s) => s.status === 'accepted');
  const isAccepted = new Set(accepted.map((s) => s.id));
  const out = toPolisExport(
    accepted.map((s) => ({ id: comments.get(s.id)!, text: s.text, authorId: s.authorId ? people.get(s.authorId) : null, createdAt: s.createdAt, moderated: 1 })),
    rows.votes.filter((v) => isAccepted.has(v.statementId) && people.has(v.participantId))
      .map((v) => ({ participantId: people.get(v.participantId)!, statementId: comments.get(v.statementId)!, value: v.value, at: v.at })),
    view.analysis ? withNumbers(view.analysis.result, people) : { participants: [] },
  );
  return out.files;
}

/**
 * The stored analysis as open data: when it was computed, how many votes it reflects and how many
 * arrived since, participants under their Polis-style numbers, statements under their ids and their
 * comment-id in the CSV files. Public. Errors: not_found.
 */
export async function exportAnalysis(ctx: Deps, actor: Actor, consultationId: unknown) {
  const view = await getAnalysis(ctx, actor, consultationId);
  const id = view.consultation.id;
  const [people, statements] = await Promise.all([repo.participantOrder(ctx.db, id), repo.statementOrder(ctx.db, id)]);
  const a = view.analysis;
  return {
    consultationId: id,
    computedAt: a ? a.computedAt.toISOString() : null,
    durationMs: a?.durationMs ?? null,
    votes: a?.voteCount ?? 0,
    votesSince: view.votesSince,
    isStale: view.isStale,
    statements: statements.flatMap((s, i) => (s.status === 'accepted' ? [{ id: s.id, commentId: i }] : [])),
    result: a ? withNumbers(a.result, numbering(people)) : null,
  };
}
