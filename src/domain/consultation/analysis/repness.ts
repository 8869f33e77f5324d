import type { RepresentativeStatement } from './analysis.js';
import type { Counts } from './matrix.js';
import { isSignificant90, proportionTest, pseudoShare, twoProportionTest } from './stats.js';

/** Polis's per-group statistics of one statement (n = count, p = share, t = test, r = ratio to the rest). */
type Stats = {
  na: number; nd: number; ns: number;
  pa: number; pd: number; pat: number; pdt: number;
  ra: number; rd: number; rat: number; rdt: number;
};

function statsFor(groups: Counts[], g: number, s: number): Stats {
  const own = groups[g]!;
  const [na, nd, ns] = [own.agree[s]!, own.disagree[s]!, own.seen[s]!];
  let [naRest, ndRest, nsRest] = [0, 0, 0];
  for (const [h, other] of groups.entries()) {
    if (h === g) continue;
    naRest += other.agree[s]!;
    ndRest += other.disagree[s]!;
    nsRest += other.seen[s]!;
  }
  const pa = pseudoShare(na, ns);
  const pd = pseudoShare(nd, ns);
  return {
    na, nd, ns, pa, pd, pat: proportionTest(na, ns), pdt: proportionTest(nd, ns),
    ra: pa / pseudoShare(naRest, nsRest), rd: pd / pseudoShare(ndRest, nsRest),
    rat: twoProportionTest(na, naRest, ns, nsRest), rdt: twoProportionTest(nd, ndRest, ns, nsRest),
  };
}

/** Polis's finalize-cmt-stats: a statement represents a group by agreement if rat > rdt, else by disagreement. */
function finalize(statementId: string, s: Stats, isBestAgree = false): RepresentativeStatement {
  const agree = s.rat > s.rdt;
  return {
    statementId, repfulFor: agree ? 'agree' : 'disagree', nSuccess: agree ? s.na : s.nd, nTrials: s.ns,
    pSuccess: agree ? s.pa : s.pd, pTest: agree ? s.pat : s.pdt, repness: agree ? s.ra : s.rd,
    repnessTest: agree ? s.rat : s.rdt, isBestAgree,
  };
}

const passes = (s: Stats) => (isSignificant90(s.rat) && isSignificant90(s.pat)) || (isSignificant90(s.rdt) && isSignificant90(s.pdt));

/** Polis's beats-best-agr?: keeps one statement the group agrees on, favouring repness once one beats 1. */
function beatsBestAgree(s: Stats, best: Stats | null): boolean {
  if (s.na === 0 && s.nd === 0) return false;
  if (best && best.ra > 1) return s.ra * s.rat * s.pa * s.pat > best.ra * best.rat * best.pa * best.pat;
  if (best) return s.pa * s.pat > best.pa * best.pat;
  return isSignificant90(s.pat) || (s.ra > 1 && s.pa > 0.5);
}

const metric = (r: RepresentativeStatement) => r.repness * r.repnessTest * r.pSuccess * r.pTest;

/**
 * Representative statements of each group against all the others, selected as Polis's
 * select-rep-comments does: statements significant at 90% on both the share and the ratio test,
 * ranked by repness × its test × share × its test, the best "agree" statement first, at most 5, agrees
 * before disagrees; when none is significant, the single best one. Statements are visited in
 * canonical order, which decides Polis's order-sensitive "best so far" choices.
 */
export function representativeStatements(statementIds: readonly string[], groups: Counts[]): RepresentativeStatement[][] {
  return groups.map((_, g) => {
    const sufficient: RepresentativeStatement[] = [];
    let best: RepresentativeStatement | null = null;
    let bestAgree: { id: string; stats: Stats } | null = null;
    for (const [s, id] of statementIds.entries()) {
      const stats = statsFor(groups, g, s);
      if (passes(stats)) sufficient.push(finalize(id, stats));
      if (sufficient.length === 0 && (!best || Math.max(stats.rat, stats.rdt) > best.repnessTest)) best = finalize(id, stats);
      if (beatsBestAgree(stats, bestAgree?.stats ?? null)) bestAgree = { id, stats };
    }
    const head = bestAgree ? finalize(bestAgree.id, bestAgree.stats, true) : null;
    if (sufficient.length === 0) return head ? [head] : best ? [best] : [];
    const ranked = sufficient.filter((r) => r.statementId !== head?.statementId).sort((a, b) => metric(b) - metric(a));
    const top = [...(head ? [head] : []), ...ranked].slice(0, 5);
    return [...top.filter((r) => r.repfulFor === 'agree'), ...top.filter((r) => r.repfulFor === 'disagree')];
  });
}
