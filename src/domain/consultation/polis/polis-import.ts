import type { AnalysisInput, AnalysisVote } from '../analysis/analysis.js';
import { columnsOf, integerCell, invalid, readCsvFile, voteCell, MAX_POLIS_FILE_BYTES } from './polis-csv.js';

export type PolisComment = {
  id: string;
  /** Empty when the export names no author (a statement seeded by the organisers). */
  authorId: string;
  createdAt: Date;
  agrees: number;
  disagrees: number;
  /** 1 accepted, 0 not yet moderated, −1 moderated out (left out of the math). */
  moderated: -1 | 0 | 1;
  text: string;
};

export type PolisConversation = {
  comments: PolisComment[];
  /** Ready for analyzeConsultation: the last vote of each participant on each comment. */
  input: AnalysisInput;
  /** Polis's own opinion group of each participant (participants-votes.csv), null if not clustered. */
  polisGroups: Map<string, number | null>;
  /** Rows of votes.csv, changed votes included. */
  voteRows: number;
};

const COMMENT_COLUMNS = ['timestamp', 'comment-id', 'author-id', 'agrees', 'disagrees', 'moderated', 'comment-body'] as const;
const VOTE_COLUMNS = ['timestamp', 'comment-id', 'voter-id', 'vote'] as const;
const PARTICIPANT_COLUMNS = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'] as const;

async function readComments(dir: string, maxBytes: number): Promise<PolisComment[]> {
  const comments = new Map<string, PolisComment>();
  await readCsvFile(dir, 'comments.csv', maxBytes, (table) => {
    const c = columnsOf(table, COMMENT_COLUMNS);
    return (row) => {
      const id = String(integerCell(table, row, c['comment-id']));
      if (comments.has(id)) throw invalid(`comments.csv line ${row.line}: comment ${id} appears twice.`);
      const moderated = integerCell(table, row, c.moderated, true);
      if (moderated !== -1 && moderated !== 0 && moderated !== 1) throw invalid(`comments.csv line ${row.line}: "moderated" is ${moderated}; expected 1, 0 or -1.`);
      comments.set(id, {
        id, authorId: (row.cells[c['author-id']] ?? '').trim() === '' ? '' : String(integerCell(table, row, c['author-id'])), createdAt: new Date(integerCell(table, row, c.timestamp)),
        agrees: integerCell(table, row, c.agrees), disagrees: integerCell(table, row, c.disagrees), moderated, text: row.cells[c['comment-body']] ?? '',
      });
    };
  });
  return [...comments.values()];
}

/** votes.csv is a history: the last row by timestamp of each (voter, comment) is the current vote; a tie goes to the later row. */
async function readVotes(dir: string, comments: Set<string>, maxBytes: number) {
  const latest = new Map<string, { at: number; vote: AnalysisVote }>();
  const rows = await readCsvFile(dir, 'votes.csv', maxBytes, (table) => {
    const c = columnsOf(table, VOTE_COLUMNS);
    return (row) => {
      const statementId = String(integerCell(table, row, c['comment-id']));
      if (!comments.has(statementId)) throw invalid(`votes.csv line ${row.line}: comment ${statementId} is not in comments.csv.`);
      const participantId = String(integerCell(table, row, c['voter-id']));
      const at = integerCell(table, row, c.timestamp);
      const value = voteCell(table, row, c.vote)!;
      const key = `${participantId}|${statementId}`;
      const before = latest.get(key);
      if (!before || at >= before.at) latest.set(key, { at, vote: { participantId, statementId, value } });
    };
  });
  return { votes: [...latest.values()].map((v) => v.vote), rows };
}

async function readParticipants(dir: string, comments: Set<string>, maxBytes: number) {
  const groups = new Map<string, number | null>();
  await readCsvFile(dir, 'participants-votes.csv', maxBytes, (table) => {
    const c = columnsOf(table, PARTICIPANT_COLUMNS);
    const firstComment = Math.max(...Object.values<number>(c)) + 1;
    for (const id of table.header.slice(firstComment)) {
      if (!comments.has(id)) throw invalid(`participants-votes.csv has a column for comment "${id.slice(0, 40)}", which is not in comments.csv.`);
    }
    return (row) => {
      const id = String(integerCell(table, row, c.participant));
      if (groups.has(id)) throw invalid(`participants-votes.csv line ${row.line}: participant ${id} appears twice.`);
      const group = (row.cells[c['group-id']] ?? '').trim() === '' ? null : integerCell(table, row, c['group-id']);
      for (let i = firstComment; i < table.header.length; i++) voteCell(table, row, i, true);
      groups.set(id, group);
    };
  });
  return groups;
}

/**
 * Reads a Polis export folder (comments.csv, votes.csv, participants-votes.csv; formats in
 * ../shared/data/polis/README.md) into an analysis input, without storing anything. Moderated-out
 * comments (−1) stay listed but out of the math. Errors: invalid — a missing file, a file over
 * MAX_POLIS_FILE_BYTES, a missing header column, a cell that is not a number or not a vote, a comment
 * listed twice, a vote or a column for a comment not in comments.csv, a voter with no row in
 * participants-votes.csv. Each message names the file and, for cells, the line.
 */
export async function readPolisFolder(dir: string, opts: { maxFileBytes?: number } = {}): Promise<PolisConversation> {
  const maxBytes = opts.maxFileBytes ?? MAX_POLIS_FILE_BYTES;
  const comments = await readComments(dir, maxBytes);
  const ids = new Set(comments.map((c) => c.id));
  const { votes, rows } = await readVotes(dir, ids, maxBytes);
  const polisGroups = await readParticipants(dir, ids, maxBytes);
  const unknown = votes.find((v) => !polisGroups.has(v.participantId));
  if (unknown) throw invalid(`votes.csv has votes of participant ${unknown.participantId}, who has no row in participants-votes.csv.`);
  return {
    comments,
    input: {
      statements: comments.map((c) => ({ id: c.id, isModeratedOut: c.moderated === -1 })),
      votes,
      participants: [...polisGroups.keys()].map((id) => ({ id })),
    },
    polisGroups,
    voteRows: rows,
  };
}
