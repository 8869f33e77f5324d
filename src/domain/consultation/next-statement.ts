import { createRandom } from '../../lib/random.js';
/**
 * Which statement to show a participant next, so that each vote tells the most (after Polis's
 * comment priority, polismath `priority-metric`). Among the accepted statements the participant has
 * not voted on, one is drawn at random with weight
 *
 *   S = A + D + P votes so far;  a = (A+1)/(S+2), d = (D+1)/(S+2), p = (P+1)/(S+2)   (smoothed shares)
 *   balance    = 4ad / (a+d)²          1 when agree and disagree are even (contested or unknown), → 0 when one-sided
 *   importance = (1 − p) · (1 + E) · (1 + balance)   E: the statement's extremity on the opinion map, 0 until analysed
 *   novelty    = 1 + 8 · 2^(−S/5)      Polis's boost for statements few people have seen
 *   weight     = (importance · novelty)²
 *
 * Polis weighs agreement (a) where this weighs balance: a consultation looks for where sectors split
 * as much as where they agree. The draw is seeded, so the same state and seed give the same statement.
 */
export type Tally = { id: string; agrees: number; disagrees: number; passes: number; extremity?: number };

export function statementWeight(t: Tally): number {
  const seen = t.agrees + t.disagrees + t.passes;
  const a = (t.agrees + 1) / (seen + 2);
  const d = (t.disagrees + 1) / (seen + 2);
  const p = (t.passes + 1) / (seen + 2);
  const balance = (4 * a * d) / (a + d) ** 2;
  const importance = (1 - p) * (1 + (t.extremity ?? 0)) * (1 + balance);
  const novelty = 1 + 8 * 2 ** (-seen / 5);
  return (importance * novelty) ** 2;
}

/** A 32-bit seed from a string (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Draws one candidate by weight; null when there is none. The input order does not matter. */
export function pickNextStatement(candidates: Tally[], seed: number): string | null {
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const weights = sorted.map(statementWeight);
  let r = createRandom(seed)() * weights.reduce((sum, w) => sum + w, 0);
  for (let i = 0; i < sorted.length; i++) {
    r -= weights[i]!;
    if (r < 0) return sorted[i]!.id;
  }
  return sorted[sorted.length - 1]!.id;
}
