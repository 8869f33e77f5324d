/**
 * Which near-misses count as typos: one edit, with the first letter right. A letter left out, doubled in
 * or swapped with its neighbour counts between words of six letters or more (eight code points in Bengali
 * and Devanagari, where a vowel sign or virama is a code point of its own); a mis-hit letter counts only
 * in words of eight letters or more, and only for a key next to the intended one on a QWERTY or AZERTY
 * keyboard. Looser rules took real words one letter away from a vocabulary word for slips of it
 * ("former" → farmers, "electrons" → elections, Swahili "wakati", time → "wakazi", residents; Hindi
 * "प्रकार", kind → "पत्रकार", journalist). Pure.
 */

/** Typos are forgiven only between words this long: shorter words are too often other real words. */
export const MIN_TYPO_LENGTH = 6;
const MIN_INDIC_TYPO_LENGTH = 8;
const MIN_SUBSTITUTION_LENGTH = 8;
const INDIC = /[\p{Script=Bengali}\p{Script=Devanagari}]/u;

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const AZERTY_PAIRS = ['az', 'ze', 'qs', 'wx', 'ml'];

const NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const link = (a: string | undefined, b: string | undefined): void => {
    if (!a || !b) return;
    map.set(a, (map.get(a) ?? new Set()).add(b));
    map.set(b, (map.get(b) ?? new Set()).add(a));
  };
  ROWS.forEach((row, r) => {
    [...row].forEach((key, c) => {
      link(key, row[c + 1]);
      // Each row is shifted half a key right of the one above: key c touches c and c+1 above it.
      const above = ROWS[r - 1];
      if (above) { link(key, above[c]); link(key, above[c + 1]); }
    });
  });
  for (const [a, b] of AZERTY_PAIRS) link(a, b);
  return map;
})();

/** Common words of the languages we serve that sit one slip from a vocabulary word but mean something else. */
const NOT_TYPOS = new Set([
  'algunos', 'celula', 'commun', 'compter', 'doentes', 'escolha', 'farasi', 'fortes', 'ganador', 'ingressos',
  'interet', 'interets', 'irritacao', 'irritation', 'makini', 'marcher', 'medidas', 'mkataba', 'nomeadas',
  'postes', 'precious', 'preciosa', 'preciso', 'precisos', 'umakini',
]);

function isKeyboardSlip(a: string, b: string): boolean {
  return NEIGHBOURS.get(a)?.has(b) ?? false;
}

/** Every form of the word with one letter deleted (the index's keys for finding near-misses quickly). */
export function deletions(word: string): string[] {
  const chars = [...word];
  return chars.map((_, i) => [...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
}

/** True when `typed` is plausibly `word` with one slip: a letter left out, doubled in, swapped or mis-hit. */
export function isTypoOf(typed: string, word: string): boolean {
  const x = [...typed];
  const y = [...word];
  const shorter = Math.min(x.length, y.length);
  const minLength = INDIC.test(typed) ? MIN_INDIC_TYPO_LENGTH : MIN_TYPO_LENGTH;
  if (shorter < minLength || Math.abs(x.length - y.length) > 1) return false;
  if (x[0] !== y[0] || NOT_TYPOS.has(typed)) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return false;
  const rest = (p: number, q: number): boolean => x.slice(p).join('') === y.slice(q).join('');
  if (x.length !== y.length) return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1);
  if (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2)) return true;
  return shorter >= MIN_SUBSTITUTION_LENGTH && rest(i + 1, i + 1) && isKeyboardSlip(x[i]!, y[i]!);
}
