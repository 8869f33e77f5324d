import { VOICES, type AnalysisInput, type AnalysisVote, type Voice } from './analysis.js';
import { createRandom } from './random.js';

export type SyntheticOptions = {
  participants: number;
  statements: number;
  /** Opinion camps; participant i belongs to camp i mod camps. */
  camps: number;
  /** Chance that a participant sees a given statement. */
  density: number;
  /** Chance that a vote goes against the participant's camp (or is a pass). */
  noise: number;
  seed: number;
  /** Languages the statements exist in; each voter reads one. */
  languages?: string[];
};

/**
 * A seeded synthetic consultation for tests and benchmarks: each camp has a random stance per
 * statement; members vote it, with noise. Sectors go round-robin over the five voices. Returns the
 * input, the true camp of each participant ("p0", "p1", …) and each camp's stance (±1) per statement.
 */
export function syntheticConsultation(o: SyntheticOptions): { input: AnalysisInput; camps: Map<string, number>; stances: number[][] } {
  const random = createRandom(o.seed);
  const stance = Array.from({ length: o.camps }, () => Array.from({ length: o.statements }, () => (random() < 0.5 ? 1 : -1)));
  const votes: AnalysisVote[] = [];
  const camps = new Map<string, number>();
  const participants: { id: string; sector: Voice }[] = [];
  for (let p = 0; p < o.participants; p++) {
    const id = `p${p}`;
    const camp = p % o.camps;
    camps.set(id, camp);
    participants.push({ id, sector: VOICES[p % VOICES.length]! });
    const language = o.languages ? o.languages[p % o.languages.length]! : null;
    for (let s = 0; s < o.statements; s++) {
      if (random() >= o.density) continue;
      const r = random();
      const value = r < o.noise / 2 ? 0 : r < o.noise ? -stance[camp]![s]! : stance[camp]![s]!;
      votes.push({ participantId: id, statementId: `s${s}`, value: value as AnalysisVote['value'], language });
    }
  }
  const statements = Array.from({ length: o.statements }, (_, s) => ({ id: `s${s}` }));
  return { input: { statements, votes, participants }, camps, stances: stance };
}
