import { DomainError } from '../../errors.js';
import { VOICES, type AnalysisInput, type Voice } from './analysis.js';

/**
 * The vote matrix, participants × statements, stored by row as sparse lists (most cells are unseen).
 * Rows and columns are in canonical id order, so the order in which votes arrive never matters.
 */
export type VoteMatrix = {
  participantIds: string[];
  /** Statements in the math (moderated-out ones left out). */
  statementIds: string[];
  /** Row i holds entries rowStart[i] .. rowStart[i+1]-1 of cols/values/languages, by column. */
  rowStart: Int32Array;
  cols: Int32Array;
  values: Int8Array;
  /** Index into languageTags, or -1 when the vote carries no language. */
  languages: Int32Array;
  languageTags: string[];
  /** Votes per participant, counting moderated-out statements too: Polis's participation count. */
  voteCounts: Int32Array;
  /** Statements with at least one vote, moderated-out ones included (Polis's n-cmts). */
  statementsVoted: number;
  /** Moderated-out statements with at least one vote: Polis keeps them as columns of zeros. */
  moderatedOutVoted: number;
  sectors: (Voice | null)[];
  /**
   * Each row's rank in the input (listed participants first, then other voters by first vote). Only
   * Polis's initialisation reads it (options.init = 'polis'), to reproduce its order dependence.
   */
  arrival: Int32Array;
};

const isDigits = (s: string) => /^\d+$/.test(s);

/** A total order on ids: numeric ids by value (Polis's are integers), then the others by code unit. */
export function compareIds(a: string, b: string): number {
  const na = isDigits(a);
  const nb = isDigits(b);
  if (na !== nb) return na ? -1 : 1;
  if (na && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const invalid = (message: string) => new DomainError('invalid', message);

/**
 * Builds the matrix from the analysis input. Errors: invalid — a duplicate statement or participant,
 * a vote on an unknown statement, two votes by one participant on one statement, a vote value other
 * than −1, 0, 1, or an unknown sector.
 */
export function buildVoteMatrix(input: AnalysisInput): VoteMatrix {
  const moderatedOut = new Set<string>();
  const known = new Set<string>();
  for (const s of input.statements) {
    if (known.has(s.id)) throw invalid(`Statement ${s.id} is listed twice.`);
    known.add(s.id);
    if (s.isModeratedOut) moderatedOut.add(s.id);
  }
  const statementIds = [...known].filter((id) => !moderatedOut.has(id)).sort(compareIds);
  const column = new Map(statementIds.map((id, i) => [id, i]));

  const sectorOf = new Map<string, Voice | null>();
  for (const p of input.participants ?? []) {
    if (sectorOf.has(p.id)) throw invalid(`Participant ${p.id} is listed twice.`);
    if (p.sector != null && !(VOICES as readonly string[]).includes(p.sector)) throw invalid(`Participant ${p.id} has an unknown sector "${p.sector}".`);
    sectorOf.set(p.id, p.sector ?? null);
  }

  const byParticipant = new Map<string, AnalysisInput['votes']>();
  const votedStatements = new Set<string>();
  for (const v of input.votes) {
    if (!known.has(v.statementId)) throw invalid(`A vote of participant ${v.participantId} is on unknown statement ${v.statementId}.`);
    if (v.value !== 1 && v.value !== 0 && v.value !== -1) throw invalid(`A vote of participant ${v.participantId} has value ${String(v.value)}; expected 1, 0 or -1.`);
    let list = byParticipant.get(v.participantId);
    if (!list) byParticipant.set(v.participantId, (list = []));
    list.push(v);
    votedStatements.add(v.statementId);
  }

  const arrived = [...new Set([...sectorOf.keys(), ...byParticipant.keys()])];
  const arrivalOf = new Map(arrived.map((id, i) => [id, i]));
  const participantIds = [...arrived].sort(compareIds);
  const languageTags = [...new Set(input.votes.flatMap((v) => (v.language ? [v.language] : [])))].sort();
  const languageIndex = new Map(languageTags.map((t, i) => [t, i]));
  const rowStart = new Int32Array(participantIds.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  const languages: number[] = [];
  const voteCounts = new Int32Array(participantIds.length);
  participantIds.forEach((pid, i) => {
    const votes = byParticipant.get(pid) ?? [];
    voteCounts[i] = votes.length;
    const entries = votes.flatMap((v) => {
      const c = column.get(v.statementId);
      return c === undefined ? [] : [{ c, v }];
    }).sort((a, b) => a.c - b.c);
    for (const [k, { c, v }] of entries.entries()) {
      if (k > 0 && entries[k - 1]!.c === c) throw invalid(`Participant ${pid} has two votes on statement ${v.statementId}.`);
      cols.push(c);
      values.push(v.value);
      languages.push(v.language ? languageIndex.get(v.language)! : -1);
    }
    rowStart[i + 1] = cols.length;
  });
  // Duplicates on moderated-out statements are not in the rows; check them too.
  for (const [pid, votes] of byParticipant) {
    if (new Set(votes.map((v) => v.statementId)).size !== votes.length) throw invalid(`Participant ${pid} has two votes on one statement.`);
  }
  return {
    participantIds, statementIds, rowStart, cols: Int32Array.from(cols), values: Int8Array.from(values),
    languages: Int32Array.from(languages), languageTags, voteCounts, statementsVoted: votedStatements.size,
    moderatedOutVoted: [...votedStatements].filter((id) => moderatedOut.has(id)).length,
    sectors: participantIds.map((id) => sectorOf.get(id) ?? null),
    arrival: Int32Array.from(participantIds, (id) => arrivalOf.get(id)!),
  };
}

/** The same matrix restricted to some participants (rows), in the given order. */
export function selectRows(m: VoteMatrix, rows: readonly number[]): VoteMatrix {
  const rowStart = new Int32Array(rows.length + 1);
  let n = 0;
  for (const [k, r] of rows.entries()) rowStart[k + 1] = n += m.rowStart[r + 1]! - m.rowStart[r]!;
  const cols = new Int32Array(n);
  const values = new Int8Array(n);
  const languages = new Int32Array(n);
  for (const [k, r] of rows.entries()) {
    const from = m.rowStart[r]!;
    const to = m.rowStart[r + 1]!;
    cols.set(m.cols.subarray(from, to), rowStart[k]!);
    values.set(m.values.subarray(from, to), rowStart[k]!);
    languages.set(m.languages.subarray(from, to), rowStart[k]!);
  }
  return {
    ...m, rowStart, cols, values, languages,
    participantIds: rows.map((r) => m.participantIds[r]!),
    voteCounts: Int32Array.from(rows, (r) => m.voteCounts[r]!),
    sectors: rows.map((r) => m.sectors[r]!),
    arrival: Int32Array.from(rows, (r) => m.arrival[r]!),
  };
}

/** Agree, disagree and pass counts per statement over a set of rows (all rows when omitted). */
export function countVotes(m: VoteMatrix, rows?: Iterable<number>) {
  const s = m.statementIds.length;
  const agree = new Int32Array(s);
  const disagree = new Int32Array(s);
  const seen = new Int32Array(s);
  for (const r of rows ?? m.participantIds.keys()) {
    for (let e = m.rowStart[r]!; e < m.rowStart[r + 1]!; e++) {
      const c = m.cols[e]!;
      seen[c]!++;
      if (m.values[e] === 1) agree[c]!++;
      else if (m.values[e] === -1) disagree[c]!++;
    }
  }
  return { agree, disagree, seen };
}

export type Counts = ReturnType<typeof countVotes>;
