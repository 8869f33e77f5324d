import type { AnalysisInput } from '../../src/domain/consultation/analysis/analysis.js';
import { shuffled, type Random } from '../../src/domain/consultation/analysis/random.js';

/**
 * Participants in the order they joined: Polis numbers them as they join (in these three exports that
 * is the order of their first votes, but for two participants), while participants-votes.csv lists a
 * tail of them out of order.
 */
export function inArrivalOrder(input: AnalysisInput): AnalysisInput {
  return { ...input, participants: [...(input.participants ?? [])].sort((a, b) => Number(a.id) - Number(b.id)) };
}

/** The same votes, with participants and votes listed in another order (as if people had arrived in another order). */
export function reorderInput(input: AnalysisInput, random: Random): AnalysisInput {
  return { ...input, participants: shuffled(input.participants ?? [], random), votes: shuffled(input.votes, random) };
}

/**
 * The input without a share of the voters (drawn at random) and their votes; the others keep their
 * order, so only the absence of the dropped ones differs from the original.
 */
export function dropParticipants(input: AnalysisInput, share: number, random: Random): AnalysisInput {
  const voters = [...new Set(input.votes.map((v) => v.participantId))];
  const dropped = new Set(shuffled(voters, random).slice(0, Math.floor(voters.length * share)));
  return {
    ...input,
    participants: (input.participants ?? []).filter((p) => !dropped.has(p.id)),
    votes: input.votes.filter((v) => !dropped.has(v.participantId)),
  };
}
