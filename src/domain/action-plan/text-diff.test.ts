import { describe, expect, it } from 'vitest';
import { type DiffPart, diffStats, diffWords } from './text-diff.js';

const side = (parts: DiffPart[], kind: 'removed' | 'added') => parts.filter((p) => p.kind === 'same' || p.kind === kind).map((p) => p.text).join('');

/** Every diff must give both texts back, never repeat a kind, and put removals before additions. */
function expectWellFormed(before: string, after: string, parts: DiffPart[]) {
  expect(side(parts, 'removed')).toBe(before.normalize('NFC').replace(/\r\n?/g, '\n'));
  expect(side(parts, 'added')).toBe(after.normalize('NFC').replace(/\r\n?/g, '\n'));
  parts.forEach((p, i) => {
    expect(p.text).not.toBe('');
    expect(p.kind).not.toBe(parts[i - 1]?.kind);
    if (p.kind === 'removed') expect(parts[i + 1]?.kind ?? 'same').not.toBe('removed');
    if (p.kind === 'added') expect(parts[i - 1]?.kind === 'removed' || parts[i + 1]?.kind !== 'removed').toBe(true);
  });
}

describe('diffWords', () => {
  it('shows a replaced word between unchanged text', () => {
    const parts = diffWords('The hub opens every Monday.', 'The hub opens every Tuesday.');
    expect(parts).toEqual([
      { kind: 'same', text: 'The hub opens every ' },
      { kind: 'removed', text: 'Monday' },
      { kind: 'added', text: 'Tuesday' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('handles empty and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(diffWords('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }]);
    expect(diffWords('old text', '')).toEqual([{ kind: 'removed', text: 'old text' }]);
  });

  it('keeps whitespace, and a change of whitespace alone shows', () => {
    expect(diffWords('a  b', 'a b')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: '  ' },
      { kind: 'added', text: ' ' },
      { kind: 'same', text: 'b' },
    ]);
    expect(diffWords('one\n\ntwo', 'one\n\ntwo three')).toEqual([{ kind: 'same', text: 'one\n\ntwo' }, { kind: 'added', text: ' three' }]);
  });

  // Found by the process journey: the demo action plan's amended section struck through a lone space.
  it('does not strike through a space that a phrase added beside it keeps', () => {
    const before = 'Early warnings of drought and locusts must reach herders by SMS and radio.';
    const after = 'Early warnings of drought, floods and locusts must reach herders and farmers by SMS and radio.';
    const parts = diffWords(before, after, { locale: 'en' });
    expect(parts).toEqual([
      { kind: 'same', text: 'Early warnings of drought' },
      { kind: 'added', text: ', floods' },
      { kind: 'same', text: ' and locusts must reach herders' },
      { kind: 'added', text: ' and farmers' },
      { kind: 'same', text: ' by SMS and radio.' },
    ]);
    expectWellFormed(before, after, parts);
    expect(diffStats(parts, 'en')).toEqual({ added: 3, removed: 0 });
    // Shared spaces at both ends of a replacement go back to the text around it too.
    expect(diffWords('a  x  b', 'a  y, z  b')).toEqual([
      { kind: 'same', text: 'a  ' },
      { kind: 'removed', text: 'x' },
      { kind: 'added', text: 'y, z' },
      { kind: 'same', text: '  b' },
    ]);
  });

  it('ignores differences nobody can see: line ends and Unicode composition', () => {
    expect(diffWords('a\r\nb', 'a\nb')).toEqual([{ kind: 'same', text: 'a\nb' }]);
    expect(diffWords('caf\u00e9', 'cafe\u0301')).toEqual([{ kind: 'same', text: 'caf\u00e9' }]);
  });

  it('splits Arabic on its words, and keeps Arabic punctuation', () => {
    const before = 'تحسين الوصول إلى الإنترنت، في القرى.';
    const after = 'تحسين الوصول إلى الإنترنت، في المدن.';
    const parts = diffWords(before, after);
    expect(parts).toEqual([
      { kind: 'same', text: 'تحسين الوصول إلى الإنترنت، في ' },
      { kind: 'removed', text: 'القرى' },
      { kind: 'added', text: 'المدن' },
      { kind: 'same', text: '.' },
    ]);
    expect(diffStats(parts)).toEqual({ added: 1, removed: 1 });
  });

  it('finds words in scripts written without spaces (Chinese, Thai)', () => {
    const zh = diffWords('我们的社区中心提供免费上网', '我们的社区中心提供廉价上网');
    expect(zh.find((p) => p.kind === 'removed')?.text).toBe('免费');
    expect(zh[0]).toEqual({ kind: 'same', text: '我们的社区中心提供' });
    const th = diffWords('ระบบอินเทอร์เน็ตในชุมชน', 'ระบบไฟฟ้าในชุมชน');
    expect(th.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['อินเทอร์เน็ต', 'ไฟฟ้า']);
  });

  it('folds spaces and punctuation between two changes into them, so a rewritten phrase reads whole', () => {
    expect(diffWords('a cat sat here', 'one dog sat here')).toEqual([
      { kind: 'removed', text: 'a cat' },
      { kind: 'added', text: 'one dog' },
      { kind: 'same', text: ' sat here' },
    ]);
    // Unchanged words stay, even short ones: they help the reader find their place.
    expect(diffWords('the quick brown fox', 'the slow brown dog').map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same', 'removed', 'added']);
    expect(diffWords('Water, for all.', 'Clean water, for every household.')).toEqual([
      { kind: 'removed', text: 'Water' },
      { kind: 'added', text: 'Clean water' },
      { kind: 'same', text: ', for ' },
      { kind: 'removed', text: 'all' },
      { kind: 'added', text: 'every household' },
      { kind: 'same', text: '.' },
    ]);
    expect(diffWords('a, b; c', 'x, y; z')).toEqual([{ kind: 'removed', text: 'a, b; c' }, { kind: 'added', text: 'x, y; z' }]);
  });

  it('shows a rewrite past the edit limit as one replaced block', () => {
    const parts = diffWords('start a b c end', 'start x y z end', { maxEdits: 3 });
    expect(parts).toEqual([
      { kind: 'same', text: 'start ' },
      { kind: 'removed', text: 'a b c' },
      { kind: 'added', text: 'x y z' },
      { kind: 'same', text: ' end' },
    ]);
  });

  it('stays minimal and fast on a long text with a few scattered edits', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const edited = words.map((w, i) => (i % 500 === 250 ? `changed${i}` : w));
    const started = performance.now();
    const parts = diffWords(words.join(' '), edited.join(' '));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diffStats(parts)).toEqual({ added: 10, removed: 10 });
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(words.filter((_, i) => i % 500 === 250));
  });

  it('always gives both texts back (random edits)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const vocab = ['le', 'hub', 'de', ' ', '  ', ',', '.', '\n', 'الإنترنت', 'في', '社区', 'accès', 'l’eau'];
    const text = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(next() * vocab.length)]).join(' ');
    for (let i = 0; i < 200; i++) {
      const before = text(Math.floor(next() * 30));
      const after = next() < 0.5 ? text(Math.floor(next() * 30)) : before.replace(/hub/g, () => (next() < 0.5 ? 'centre' : 'hub'));
      expectWellFormed(before, after, diffWords(before, after));
      expectWellFormed(before, after, diffWords(before, after, { maxEdits: 4 }));
    }
  });
});

describe('diffStats', () => {
  it('counts words, not spaces or punctuation', () => {
    expect(diffStats(diffWords('Water, for all.', 'Clean water, for every household.'))).toEqual({ added: 4, removed: 2 });
    expect(diffStats([{ kind: 'same', text: 'a b c' }])).toEqual({ added: 0, removed: 0 });
  });
});
