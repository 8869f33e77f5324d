import { describe, expect, it } from 'vitest';
import type { AnalysisVote } from './analysis.js';
import { compareLanguages } from './languages.js';
import { buildVoteMatrix } from './matrix.js';

let next = 0;
/** `agree` of `n` voters agree with statement `s` in language `lang`; the others disagree. */
const voters = (s: string, lang: string | null, agree: number, n: number): AnalysisVote[] =>
  Array.from({ length: n }, (_, i) => ({ participantId: `v${next++}`, statementId: s, value: i < agree ? 1 : -1, language: lang }));

describe('language versions', () => {
  const m = buildVoteMatrix({
    statements: ['translated-badly', 'fine', 'few', 'one-language'].map((id) => ({ id })),
    votes: [
      ...voters('translated-badly', 'fr', 18, 20), ...voters('translated-badly', 'en', 4, 20),
      ...voters('fine', 'fr', 15, 20), ...voters('fine', 'en', 14, 20), ...voters('fine', 'ha', 16, 20), ...voters('fine', null, 0, 10),
      ...voters('few', 'fr', 10, 20), ...voters('few', 'en', 0, 2),
      ...voters('one-language', 'fr', 5, 10),
    ],
  });
  const result = compareLanguages(m, 5);
  const byId = (id: string) => result.find((r) => r.statementId === id);

  it('flags a version whose agreement differs from the others', () => {
    expect(byId('translated-badly')).toMatchObject({ status: 'differs', differing: ['en', 'fr'] });
    const en = byId('translated-badly')!.versions.find((v) => v.language === 'en')!;
    expect(en).toMatchObject({ agree: 4, seen: 20, pAgree: 0.2 });
    expect(en.z!).toBeLessThan(-3);
  });

  it('does not flag ordinary variation, and leaves out votes with no language', () => {
    expect(byId('fine')).toMatchObject({ status: 'same', differing: [] });
    expect(byId('fine')!.versions.map((v) => v.seen)).toEqual([20, 20, 20]);
  });

  it('waits for enough votes in two versions, and skips one-language statements', () => {
    expect(byId('few')).toMatchObject({ status: 'not_enough_votes' });
    expect(byId('one-language')).toBeUndefined();
  });
});
