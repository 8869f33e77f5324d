// Every random choice of the analysis derives from one integer seed (see lib/random.ts).
export { createRandom, type Random } from '../../../lib/random.js';
import type { Random } from '../../../lib/random.js';

/** A seed for a named sub-task, so that adding a step does not shift the draws of the others. */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const p of parts) h = Math.imul(h ^ (p + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
