import { stringify } from 'csv-stringify/sync';
import type { AnalysisResult, AnalysisVote } from '../analysis/analysis.js';
import { compareIds } from '../analysis/matrix.js';

export type ExportStatement = {
  id: string;
  text: string;
  authorId?: string | null;
  createdAt?: Date | null;
  /** Polis's "moderated": 1 accepted, 0 not yet moderated, −1 moderated out. */
  moderated: -1 | 0 | 1;
};

export type ExportVote = AnalysisVote & { at?: Date | null };

export type PolisExport = {
  files: { 'comments.csv': string; 'votes.csv': string; 'participants-votes.csv': string };
  /** Polis ids are whole numbers: ours are kept when they all are, otherwise numbered in id order. */
  statementIds: Map<string, string>;
  participantIds: Map<string, string>;
};

function polisIds(ids: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(ids)].sort(compareIds);
  const keep = sorted.every((id) => /^\d+$/.test(id));
  return new Map(sorted.map((id, i) => [id, keep ? id : String(i)]));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Java's Date.toString(), which Polis writes in its "datetime" columns, here always in UTC. */
export function polisDatetime(d: Date): string {
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * Writes a consultation in Polis's export format — comments.csv, votes.csv (current votes only) and
 * participants-votes.csv with our opinion groups in "group-id" — so that tools made for Polis data
 * read it, and readPolisFolder reads it back. Agree is 1 as in Polis's files. Pure; throws nothing.
 */
export function toPolisExport(statements: ExportStatement[], votes: ExportVote[], analysis: Pick<AnalysisResult, 'participants'>): PolisExport {
  const statementIds = polisIds(statements.map((s) => s.id));
  const authors = statements.flatMap((s) => (s.authorId ? [s.authorId] : []));
  const participantIds = polisIds([...analysis.participants.map((p) => p.id), ...votes.map((v) => v.participantId), ...authors]);
  const sortedStatements = [...statements].sort((a, b) => compareIds(a.id, b.id));
  const tally = new Map<string, { agrees: number; disagrees: number }>();
  const cells = new Map<string, Map<string, number>>();
  for (const v of votes) {
    const t = tally.get(v.statementId) ?? { agrees: 0, disagrees: 0 };
    if (v.value === 1) t.agrees++;
    if (v.value === -1) t.disagrees++;
    tally.set(v.statementId, t);
    if (!cells.has(v.participantId)) cells.set(v.participantId, new Map());
    cells.get(v.participantId)!.set(v.statementId, v.value);
  }
  const time = (d?: Date | null) => [d ? d.getTime() : 0, d ? polisDatetime(d) : ''];

  const comments = sortedStatements.map((s) => [
    ...time(s.createdAt), statementIds.get(s.id), s.authorId ? participantIds.get(s.authorId) : '',
    tally.get(s.id)?.agrees ?? 0, tally.get(s.id)?.disagrees ?? 0, s.moderated, s.text,
  ]);
  const voteRows = [...votes].sort((a, b) => compareIds(a.participantId, b.participantId) || compareIds(a.statementId, b.statementId))
    .map((v) => [...time(v.at), statementIds.get(v.statementId), participantIds.get(v.participantId), v.value]);
  const columns = sortedStatements.filter((s) => tally.has(s.id)).map((s) => s.id);
  const authored = new Map<string, number>();
  for (const s of statements) if (s.authorId) authored.set(s.authorId, (authored.get(s.authorId) ?? 0) + 1);
  const groupOf = new Map(analysis.participants.map((p) => [p.id, p.group]));
  const matrix = [...cells.keys()].sort(compareIds).map((pid) => {
    const row = cells.get(pid)!;
    const values = [...row.values()];
    return [
      participantIds.get(pid), groupOf.get(pid) ?? '', authored.get(pid) ?? 0, values.length,
      values.filter((v) => v === 1).length, values.filter((v) => v === -1).length, ...columns.map((c) => row.get(c) ?? ''),
    ];
  });
  return {
    files: {
      'comments.csv': stringify([['timestamp', 'datetime', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'], ...comments]),
      'votes.csv': stringify([['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'], ...voteRows]),
      'participants-votes.csv': stringify([
        ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...columns.map((c) => statementIds.get(c))],
        ...matrix,
      ]),
    },
    statementIds,
    participantIds,
  };
}
