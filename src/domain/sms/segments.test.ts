import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { encodingOf, fitReply, partsOf, segmentsOf, toGsm7 } from './segments.js';

/** GSM 03.38 default alphabet (without ESC, which is no character) and extension table, from 3GPP TS 23.038. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('encodingOf', () => {
  it('knows which French letters GSM 03.38 has: é è à ù and Ç, not ç ê â î ô û œ È À', () => {
    for (const ch of ['é', 'è', 'à', 'ù', 'Ç', 'É']) expect(encodingOf(`Ça va ${ch}`)).toBe('gsm7');
    for (const ch of ['ç', 'ê', 'â', 'î', 'ô', 'û', 'œ', 'È', 'À']) expect(encodingOf(`fran${ch}ais`)).toBe('ucs2');
  });

  it('keeps Spanish ñ ü ¿ ¡ in GSM 03.38 but not á í ó ú', () => {
    expect(encodingOf('¿Señal? ¡Pingüino!')).toBe('gsm7');
    for (const ch of ['á', 'í', 'ó', 'ú']) expect(encodingOf(`m${ch}s`)).toBe('ucs2');
  });

  it('needs UCS-2 for Hausa hooked letters, Arabic, emoji and a decomposed accent', () => {
    for (const text of ['ɓarna', 'ɗan', 'ƙasa', 'جفاف', 'ok 👍', 'e\u0301', 'back`tick']) expect(encodingOf(text)).toBe('ucs2');
  });

  it("agrees with 3GPP TS 23.038 on every character of the BMP (the library's table is right)", () => {
    const gsm = new Set([...GSM_BASIC, ...GSM_EXTENSION]);
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCharCode(c);
      if ((encodingOf(ch) === 'gsm7') !== gsm.has(ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe('segmentsOf', () => {
  it('puts 160 septets in one SMS and 153 in each part after that', () => {
    expect(segmentsOf('a'.repeat(160))).toEqual({ encoding: 'gsm7', segments: 1, units: 160 });
    expect(segmentsOf('a'.repeat(161))).toEqual({ encoding: 'gsm7', segments: 2, units: 161 });
    expect(segmentsOf('a'.repeat(306)).segments).toBe(2);
    expect(segmentsOf('a'.repeat(307)).segments).toBe(3);
  });

  it('counts an extension character twice and never splits its escape pair', () => {
    expect(segmentsOf(`${'a'.repeat(158)}€`)).toEqual({ encoding: 'gsm7', segments: 1, units: 160 });
    expect(segmentsOf(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'gsm7', segments: 2, units: 161 });
    expect(segmentsOf('^'.repeat(80)).segments).toBe(1);
    expect(segmentsOf('^'.repeat(81)).segments).toBe(2);
    expect(segmentsOf('\f').units).toBe(2);
    // The euro would take septets 153 and 154: it moves whole to the second part.
    const parts = partsOf(`${'a'.repeat(152)}€${'a'.repeat(10)}`);
    expect(parts).toEqual(['a'.repeat(152), `€${'a'.repeat(10)}`]);
  });

  it('puts 70 UTF-16 units in one UCS-2 SMS and 67 in each part, never splitting a surrogate pair', () => {
    expect(segmentsOf('ب'.repeat(70))).toEqual({ encoding: 'ucs2', segments: 1, units: 70 });
    expect(segmentsOf('ب'.repeat(71)).segments).toBe(2);
    expect(segmentsOf('ب'.repeat(134)).segments).toBe(2);
    expect(segmentsOf('ب'.repeat(135)).segments).toBe(3);
    expect(segmentsOf('😀'.repeat(35))).toEqual({ encoding: 'ucs2', segments: 1, units: 70 });
    const parts = partsOf(`${'ب'.repeat(66)}😀${'ب'.repeat(10)}`);
    expect(parts[0]).toBe('ب'.repeat(66));
    for (const p of parts) expect(p).not.toMatch(LONE_SURROGATE);
  });

  it('may cut between a letter and its marks, where the library would not (so vocalised Arabic costs no extra SMS)', () => {
    const vocalised = 'بَ'.repeat(67); // 134 units
    expect(new SegmentedMessage(vocalised).segmentsCount).toBe(3);
    expect(segmentsOf(vocalised)).toEqual({ encoding: 'ucs2', segments: 2, units: 134 });
  });

  it('makes a whole message UCS-2 for one Hausa hooked letter', () => {
    const text = `Sanarwa: ${'a'.repeat(50)} ɗan`;
    expect(segmentsOf(text)).toEqual({ encoding: 'ucs2', segments: 1, units: text.length });
  });

  it('costs nothing for the empty text', () => {
    expect(segmentsOf('')).toEqual({ encoding: 'gsm7', segments: 0, units: 0 });
    expect(partsOf('')).toEqual([]);
  });

  it('sends parts that join back into the text, as many as it counts', () => {
    for (const text of ['a'.repeat(500), `${'€a'.repeat(120)}`, 'Sécheresse à Maradi. '.repeat(20), 'جفاف 😀 '.repeat(40)]) {
      const parts = partsOf(text);
      expect(parts.join('')).toBe(text);
      expect(parts).toHaveLength(segmentsOf(text).segments);
    }
  });
});

describe('fitReply', () => {
  const french = 'Les agriculteurs de Maradi écoutent la radio communautaire chaque soir pour suivre les prix du mil et du sorgho. '.repeat(5).trim();

  it('returns a text that fits as it is', () => {
    const text = 'a'.repeat(306);
    expect(fitReply(text, { more: 'PLUS' })).toEqual({ text, rest: null });
    expect(fitReply('', { more: 'PLUS' })).toEqual({ text: '', rest: null });
  });

  it('cuts a long text at a word so that it and the MORE word fit the budget', () => {
    const { text, rest } = fitReply(french, { more: 'Envoyez PLUS' });
    expect(segmentsOf(`${text} Envoyez PLUS`).segments).toBeLessThanOrEqual(2);
    expect(segmentsOf(`${text} Envoyez PLUS`).encoding).toBe('gsm7');
    expect(french.startsWith(text)).toBe(true);
    expect(french[text.length]).toBe(' ');
    expect(`${text} ${rest}`).toBe(french);
    // As long as it can be: one more word would not fit.
    const next = french.slice(0, french.indexOf(' ', text.length + 1));
    expect(segmentsOf(`${next} Envoyez PLUS`).segments).toBe(3);
  });

  it('counts the whole string, so an Arabic MORE word makes the head UCS-2', () => {
    const { text } = fitReply(french, { more: 'أرسل المزيد' });
    const sent = `${text} أرسل المزيد`;
    expect(segmentsOf(sent)).toMatchObject({ encoding: 'ucs2', segments: 2 });
    expect(sent.length).toBeLessThanOrEqual(134);
  });

  it('cuts inside a word only when that word alone is too long', () => {
    const word = 'x'.repeat(400);
    const { text, rest } = fitReply(`${word} end`, { budget: 1, more: 'MORE' });
    expect(text).toBe('x'.repeat(155));
    expect(rest).toBe(`${'x'.repeat(245)} end`);
  });

  it('prefers to end at a line, so a list is not cut mid-line', () => {
    const lines = Array.from({ length: 8 }, (_, i) => `${i + 1}. Radio communautaire pour les femmes (3f2a9c1${i})`);
    const { text, rest } = fitReply(lines.join('\n'), { more: 'Envoyez PLUS' });
    expect(lines.join('\n').startsWith(`${text}\n`)).toBe(true);
    expect(rest).toMatch(/^\d\. Radio/);
  });

  it('sends everything, in pieces that each fit, when the caller loops on the rest', () => {
    const pieces: string[] = [];
    let rest: string | null = `${french} 😀 ${french}`;
    while (rest !== null) {
      const fitted = fitReply(rest, { budget: 1, more: 'MORE' });
      pieces.push(fitted.text);
      expect(segmentsOf(fitted.rest === null ? fitted.text : `${fitted.text} MORE`).segments).toBe(1);
      rest = fitted.rest;
    }
    expect(pieces.join(' ').split(/\s+/)).toEqual(`${french} 😀 ${french}`.split(/\s+/));
  });

  it('still moves on when the MORE word alone is over budget', () => {
    const { text, rest } = fitReply('a b c d', { budget: 0, more: 'MORE' });
    expect(text).toBe('a');
    expect(rest).toBe('b c d');
  });
});

describe('toGsm7', () => {
  it('drops accents GSM 03.38 lacks, keeps those it has, and plain-types typographic punctuation', () => {
    const folded = toGsm7('Ça coûte très cher à Niamey — «prix» d’été… garçon señor canción');
    expect(folded).toBe('Ça coute très cher à Niamey - "prix" d\'été... garcon señor cancion');
    expect(encodingOf(folded)).toBe('gsm7');
  });

  it('writes Hausa hooked letters plainly and leaves Arabic alone', () => {
    expect(toGsm7('ɗan ƙasa ɓarna Ƙaura')).toBe('dan kasa barna Kaura');
    expect(toGsm7('جفاف')).toBe('جفاف');
    expect(toGsm7('e\u0301te\u0301')).toBe('été');
  });
});
