import { describe, expect, it } from 'vitest';
import { wordsOf } from './words.js';

describe('wordsOf', () => {
  it('finds words in any script, keeps inner apostrophes and hyphens, drops punctuation and repeats', () => {
    expect(wordsOf("l'eau, l'eau… sans-fil!")).toEqual(["l'eau", 'sans-fil']);
    expect(wordsOf('মাছ চাষ ও মাছ')).toEqual(['মাছ', 'চাষ', 'ও']);
    expect(wordsOf('مياه الشرب؟')).toEqual(['مياه', 'الشرب']);
    expect(wordsOf('!!! ---')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(wordsOf('a b c d', 2)).toEqual(['a', 'b']);
  });
});
