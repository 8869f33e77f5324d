import type { LanguageComparison, LanguageVersion } from './analysis.js';
import type { VoteMatrix } from './matrix.js';
import { normalQuantile, plainTwoProportionZ } from './stats.js';

/** Two-sided 90% overall, split over the versions compared (Bonferroni), so more languages do not mean more false alarms. */
const criticalZ = (versions: number) => normalQuantile(1 - 0.1 / (2 * versions));

/**
 * Per statement voted on in at least two language versions: whether the share agreeing differs
 * between versions. Each version with at least `minVotes` votes is compared with the other such
 * versions pooled (two-proportion z-test); a translation that changes the meaning shows up as a
 * version that differs. Votes without a language are left out of this comparison only.
 */
export function compareLanguages(m: VoteMatrix, minVotes: number): LanguageComparison[] {
  const nLang = m.languageTags.length;
  if (nLang < 2) return [];
  const agree = new Int32Array(m.statementIds.length * nLang);
  const seen = new Int32Array(m.statementIds.length * nLang);
  for (let e = 0; e < m.cols.length; e++) {
    const l = m.languages[e]!;
    if (l < 0) continue;
    const cell = m.cols[e]! * nLang + l;
    seen[cell]!++;
    if (m.values[e] === 1) agree[cell]!++;
  }
  const out: LanguageComparison[] = [];
  m.statementIds.forEach((statementId, s) => {
    const versions = m.languageTags.flatMap((language, l) => {
      const [a, n] = [agree[s * nLang + l]!, seen[s * nLang + l]!];
      return n > 0 ? [{ language, agree: a, seen: n, pAgree: a / n, z: null as number | null }] : [];
    });
    if (versions.length < 2) return;
    const compared = versions.filter((v) => v.seen >= minVotes);
    if (compared.length < 2) {
      out.push({ statementId, status: 'not_enough_votes', versions, differing: [] });
      return;
    }
    const [totalAgree, totalSeen] = compared.reduce(([a, n], v) => [a + v.agree, n + v.seen], [0, 0]);
    for (const v of compared) v.z = plainTwoProportionZ(v.agree, v.seen, totalAgree - v.agree, totalSeen - v.seen);
    const limit = criticalZ(compared.length);
    const differing = compared.filter((v) => Math.abs(v.z!) > limit).map((v) => v.language);
    out.push({ statementId, status: differing.length ? 'differs' : 'same', versions: versions as LanguageVersion[], differing });
  });
  return out;
}
