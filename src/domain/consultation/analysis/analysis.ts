import { SECTORS } from '../../taxonomy/vocabularies.js';

/** The four stakeholder sectors of the founding document, and community hubs as a fifth voice. */
export const VOICES = [...SECTORS, 'hub'] as const;
export type Voice = (typeof VOICES)[number];

/** Agree = 1, disagree = −1, pass = 0 (the sign of Polis's export files, not of its internal math). */
export type VoteValue = 1 | 0 | -1;

export type AnalysisVote = {
  participantId: string;
  statementId: string;
  value: VoteValue;
  /** BCP 47 tag of the language version the participant voted on; votes are pooled across versions. */
  language?: string | null;
};

export type AnalysisStatement = {
  id: string;
  /** Moderated out: left out of the math, but votes on it still count as participation (as in Polis). */
  isModeratedOut?: boolean;
};

export type AnalysisParticipant = { id: string; sector?: Voice | null };

/**
 * What the analysis reads: the current vote of each participant on each statement (one per pair;
 * the history of changed votes stays with the caller). The order of the arrays does not matter.
 */
export type AnalysisInput = {
  statements: AnalysisStatement[];
  votes: AnalysisVote[];
  /** Optional: sectors, and participants who have not voted yet. Voters missing here have no sector. */
  participants?: AnalysisParticipant[];
};

export type AnalysisOptions = {
  /** Every random choice derives from it: the same input and seed give the same result. */
  seed: number;
  /** k-means++ restarts of each base clustering and of each opinion-group clustering; the lowest inertia wins. */
  baseRestarts: number;
  groupRestarts: number;
  /** Clusterings run with derived seeds; the most typical one is published (see opinion-map.ts). */
  ensembleRuns: number;
  /**
   * How each k-means starts. 'kmeans++' (ours): seeded draws over participants in id order, so the
   * input's order never matters. 'polis': Polis's first k distinct points, participants in the order
   * of the input (listed participants, then other voters by first vote) and base clusters in the
   * order they were started, with no restarts and no ensemble (ensembleRuns counts as 1) — kept to
   * measure what our start changes (bench:consult).
   */
  init: 'kmeans++' | 'polis';
  /** Polis: 100 base clusters, opinion groups k in 2..5. */
  baseK: number;
  maxK: number;
  /** Polis: a participant is clustered with at least min(7, number of statements) votes. */
  minVotes: number;
  /** Polis: if fewer than 15 participants qualify, the most active ones are taken in up to 15. */
  greedyParticipants: number;
  /** Fewer clustered participants than this: no opinion groups yet ("not enough votes"), where Polis would split 3 people. */
  minClustered: number;
  /** Upper bound on PCA iterations; they stop earlier once the components settle. */
  pcaIterations: number;
  /**
   * Polis zeroes moderated-out statements instead of dropping them, so they count as answered in the
   * projection's sqrt(statements / votes) scale; true reproduces that (on the biodiversity conversation,
   * half moderated out, the agreement with Polis's groups drops from 0.98 to 0.78 without it).
   */
  polisScaling: boolean;
  /** Stability: this many re-runs with another seed and a share of participants left out; 0 to skip. */
  stabilityRuns: number;
  stabilityDropShare: number;
  /** Below this many votes on a statement, a sector (or a language version) is "not enough votes yet". */
  minSectorVotes: number;
  minLanguageVotes: number;
};

export const DEFAULT_OPTIONS: AnalysisOptions = {
  seed: 1,
  baseRestarts: 1,
  groupRestarts: 10,
  ensembleRuns: 15,
  init: 'kmeans++',
  baseK: 100,
  maxK: 5,
  minVotes: 7,
  greedyParticipants: 15,
  minClustered: 10,
  pcaIterations: 1000,
  polisScaling: true,
  stabilityRuns: 10,
  stabilityDropShare: 0.1,
  minSectorVotes: 3,
  minLanguageVotes: 5,
};

/** One statement's counts in a set of participants. */
export type VoteCounts = { agree: number; disagree: number; pass: number; seen: number };

/** A statement that characterises a group (or a sector) against the rest, with Polis's statistics. */
export type RepresentativeStatement = {
  statementId: string;
  repfulFor: 'agree' | 'disagree';
  nSuccess: number;
  nTrials: number;
  /** (1 + n) / (2 + seen): the pseudo-counted share agreeing (or disagreeing) inside the group. */
  pSuccess: number;
  /** Proportion test of that share against 1/2 (z). */
  pTest: number;
  /** Ratio of the share inside to the share outside the group, and its two-proportion test (z). */
  repness: number;
  repnessTest: number;
  /** Polis's "best agree" statement, put first so each group shows something it agrees on. */
  isBestAgree: boolean;
};

export type ConsensusStatement = { statementId: string; nSuccess: number; nTrials: number; pSuccess: number; pTest: number };

export type ParticipantResult = {
  id: string;
  /** Position on the first two principal components; null for a participant with no vote counted. */
  x: number | null;
  y: number | null;
  /** Opinion group, or null when not clustered (too few votes). */
  group: number | null;
  sector: Voice | null;
  votes: number;
};

export type GroupResult = {
  id: number;
  size: number;
  center: { x: number; y: number };
  representative: RepresentativeStatement[];
};

export type SectorPosition = 'agrees' | 'disagrees' | 'undecided' | 'not_enough_votes';

export type SectorStatement = VoteCounts & {
  statementId: string;
  pAgree: number;
  pDisagree: number;
  /** One-sided 90% Wilson lower bounds on the raw shares agreeing and disagreeing. */
  agreeLower: number;
  disagreeLower: number;
  position: SectorPosition;
};

export type SectorTable = {
  sector: Voice;
  participants: number;
  votes: number;
  statements: SectorStatement[];
  representative: RepresentativeStatement[];
};

export type CrossSectorStatus = 'common_ground' | 'shared_rejection' | 'divergence' | 'mixed' | 'not_enough_votes';

export type CrossSectorStatement = {
  statementId: string;
  status: CrossSectorStatus;
  agree: Voice[];
  disagree: Voice[];
  undecided: Voice[];
  notEnoughVotes: Voice[];
  /** Largest gap in the share agreeing between two sectors with enough votes (0 when fewer than two). */
  agreeGap: number;
};

export type LanguageVersion = { language: string; agree: number; seen: number; pAgree: number; z: number | null };

export type LanguageComparison = {
  statementId: string;
  status: 'differs' | 'same' | 'not_enough_votes';
  versions: LanguageVersion[];
  /** Versions whose share agreeing differs from the other versions' (two-proportion test). */
  differing: string[];
};

export type Stability = {
  runs: number;
  dropShare: number;
  /** Mean (and worst) adjusted Rand index between the grouping and the re-runs' groupings. */
  meanAdjustedRand: number;
  minAdjustedRand: number;
  /** How often the re-runs chose the same number of groups. */
  sameKShare: number;
};

export type AnalysisResult = {
  status: 'ok' | 'not_enough_votes';
  seed: number;
  counts: { participants: number; clustered: number; statements: number; votes: number };
  k: number;
  silhouettes: { k: number; silhouette: number }[];
  participants: ParticipantResult[];
  groups: GroupResult[];
  consensus: { agree: ConsensusStatement[]; disagree: ConsensusStatement[] };
  groupInformedConsensus: { statementId: string; value: number }[];
  sectors: SectorTable[];
  crossSector: CrossSectorStatement[];
  commonGround: CrossSectorStatement[];
  divergences: CrossSectorStatement[];
  languages: LanguageComparison[];
  stability: Stability | null;
};
