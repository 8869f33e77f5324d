import { VOICES, type CrossSectorStatement, type SectorPosition, type SectorStatement, type SectorTable, type Voice } from './analysis.js';
import { countVotes, type VoteMatrix } from './matrix.js';
import { representativeStatements } from './repness.js';
import { wilsonLower } from './stats.js';

const share = (n: number, d: number) => (d > 0 ? n / d : 0);

/**
 * A sector's position on a statement: it agrees (or disagrees) only when the one-sided 90% Wilson
 * lower bound of the share agreeing (disagreeing, out of all who saw it, passes included) is above
 * one half; with fewer than `minVotes` votes it has not spoken yet.
 */
export function sectorPosition(s: Pick<SectorStatement, 'seen' | 'agreeLower' | 'disagreeLower'>, minVotes: number): SectorPosition {
  if (s.seen < minVotes) return 'not_enough_votes';
  if (s.agreeLower > 0.5) return 'agrees';
  if (s.disagreeLower > 0.5) return 'disagrees';
  return 'undecided';
}

/** Per-sector tables: counts, shares and position per statement, and Polis's repness of each sector against the others. */
export function sectorTables(m: VoteMatrix, minVotes: number): SectorTable[] {
  const present = VOICES.filter((v) => m.sectors.includes(v));
  const counts = present.map((sector) => countVotes(m, [...m.sectors.keys()].filter((r) => m.sectors[r] === sector)));
  const representative = present.length >= 2 ? representativeStatements(m.statementIds, counts) : [];
  return present.map((sector, i) => {
    const c = counts[i]!;
    const statements = m.statementIds.map((statementId, s): SectorStatement => {
      const [agree, disagree, seen] = [c.agree[s]!, c.disagree[s]!, c.seen[s]!];
      const row = {
        statementId, agree, disagree, pass: seen - agree - disagree, seen, pAgree: share(agree, seen), pDisagree: share(disagree, seen),
        agreeLower: wilsonLower(agree, seen), disagreeLower: wilsonLower(disagree, seen),
      };
      return { ...row, position: sectorPosition(row, minVotes) };
    });
    return {
      sector, participants: m.sectors.filter((x) => x === sector).length, votes: c.seen.reduce((a, b) => a + b, 0),
      statements, representative: representative[i] ?? [],
    };
  });
}

/**
 * Across sectors, per statement: common ground only if at least two sectors have enough votes and every
 * one of them agrees with confidence (the sectors still short of votes are listed, not counted as
 * agreeing); shared rejection likewise; a divergence when one sector agrees and another disagrees
 * with confidence; "mixed" otherwise; "not enough votes" when fewer than two sectors have spoken.
 */
export function crossSector(tables: SectorTable[], statementIds: readonly string[]): CrossSectorStatement[] {
  return statementIds.map((statementId, s) => {
    const rows = tables.map((t) => ({ sector: t.sector, row: t.statements[s]! }));
    const having = (p: SectorPosition): Voice[] => rows.filter((r) => r.row.position === p).map((r) => r.sector);
    const [agree, disagree, undecided, notEnoughVotes] = [having('agrees'), having('disagrees'), having('undecided'), having('not_enough_votes')];
    const spoken = rows.filter((r) => r.row.position !== 'not_enough_votes').map((r) => r.row.pAgree);
    const agreeGap = spoken.length >= 2 ? Math.max(...spoken) - Math.min(...spoken) : 0;
    const status = spoken.length < 2 ? 'not_enough_votes'
      : agree.length === spoken.length ? 'common_ground'
        : disagree.length === spoken.length ? 'shared_rejection'
          : agree.length > 0 && disagree.length > 0 ? 'divergence'
            : 'mixed';
    return { statementId, status, agree, disagree, undecided, notEnoughVotes, agreeGap };
  });
}

/** Common ground, most solid first (highest of the sectors' weakest agreement bound). `cross` is in statement order. */
export function commonGround(tables: SectorTable[], cross: CrossSectorStatement[]): CrossSectorStatement[] {
  const weakest = (s: number) => Math.min(...tables.flatMap((t) => (t.statements[s]!.position === 'agrees' ? [t.statements[s]!.agreeLower] : [])));
  return cross.map((c, s) => ({ c, w: weakest(s) })).filter(({ c }) => c.status === 'common_ground').sort((a, b) => b.w - a.w).map(({ c }) => c);
}

/** Divergences, widest split first. */
export function divergences(cross: CrossSectorStatement[]): CrossSectorStatement[] {
  return cross.filter((c) => c.status === 'divergence').sort((a, b) => b.agreeGap - a.agreeGap);
}
