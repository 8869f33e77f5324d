import { DomainError } from '../../errors.js';
import { DEFAULT_OPTIONS, type AnalysisInput, type AnalysisOptions, type AnalysisResult, type GroupResult } from './analysis.js';
import { consensusStatements, groupInformedConsensus } from './consensus.js';
import { compareLanguages } from './languages.js';
import { buildVoteMatrix, countVotes } from './matrix.js';
import { mapOpinions } from './opinion-map.js';
import { representativeStatements } from './repness.js';
import { commonGround, crossSector, divergences, sectorTables } from './sectors.js';
import { measureStability } from './stability.js';

const INTEGER_OPTIONS = ['seed', 'baseRestarts', 'groupRestarts', 'ensembleRuns', 'baseK', 'maxK', 'minVotes', 'greedyParticipants', 'minClustered', 'pcaIterations', 'stabilityRuns', 'minSectorVotes', 'minLanguageVotes'] as const;

function checkOptions(opts: AnalysisOptions) {
  for (const key of INTEGER_OPTIONS) {
    if (!Number.isSafeInteger(opts[key]) || opts[key] < 0) throw new DomainError('invalid', `Option ${key} must be a whole number ≥ 0.`);
  }
  if (opts.maxK < 2 || opts.baseK < 2) throw new DomainError('invalid', 'Options baseK and maxK must be at least 2.');
  if (!(opts.stabilityDropShare >= 0 && opts.stabilityDropShare < 1)) throw new DomainError('invalid', 'Option stabilityDropShare must be in [0, 1).');
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Polis's opinion analysis of a consultation's current votes, plus what Polis lacks: a seed (same
 * input and seed, same result, whatever the order of the votes), a stability score, per-sector and
 * cross-sector statistics, "not enough votes yet" instead of false consensus, and differences between
 * language versions. Pure and synchronous; the result is plain JSON. Errors: invalid (see
 * buildVoteMatrix; options out of range).
 */
export function analyzeConsultation(input: AnalysisInput, options: Partial<AnalysisOptions> = {}): AnalysisResult {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  checkOptions(opts);
  const m = buildVoteMatrix(input);
  const { x, y, grouping } = mapOpinions(m, opts, opts.seed);
  const members = grouping.centers.map(() => [] as number[]);
  grouping.group.forEach((g, r) => g >= 0 && members[g]!.push(r));
  const groupCounts = members.map((rows) => countVotes(m, rows));
  const representative = representativeStatements(m.statementIds, groupCounts);
  const groups: GroupResult[] = grouping.centers.map((c, id) => ({
    id, size: members[id]!.length, center: { x: round(c.x), y: round(c.y) }, representative: representative[id]!,
  }));
  const tables = sectorTables(m, opts.minSectorVotes);
  const cross = tables.length ? crossSector(tables, m.statementIds) : [];
  return {
    status: grouping.k >= 2 ? 'ok' : 'not_enough_votes',
    seed: opts.seed,
    counts: { participants: m.participantIds.length, clustered: grouping.clustered.length, statements: m.statementIds.length, votes: input.votes.length },
    k: grouping.k,
    silhouettes: grouping.silhouettes.map((s) => ({ k: s.k, silhouette: round(s.silhouette) })),
    participants: m.participantIds.map((id, r) => {
      const voted = m.voteCounts[r]! > 0;
      const group = grouping.group[r]!;
      return { id, x: voted ? round(x[r]!) : null, y: voted ? round(y[r]!) : null, group: group >= 0 ? group : null, sector: m.sectors[r]!, votes: m.voteCounts[r]! };
    }),
    groups,
    consensus: consensusStatements(m.statementIds, countVotes(m)),
    groupInformedConsensus: groupInformedConsensus(m.statementIds, groupCounts),
    sectors: tables,
    crossSector: cross,
    commonGround: commonGround(tables, cross),
    divergences: divergences(cross),
    languages: compareLanguages(m, opts.minLanguageVotes),
    stability: measureStability(m, grouping, opts),
  };
}
