import { describe, expect, it } from 'vitest';
import { decodeGsm7, encodeGsm7, isGsm7 } from './smpp-gsm7.js';
import { decodeBody, encodeMessage, isTextCoding, parseUdh, splitText } from './smpp-segments.js';

describe('GSM 03.38', () => {
  it('encodes the basic table one byte each and the extension table behind ESC', () => {
    expect([...encodeGsm7('@£$A_')]).toEqual([0x00, 0x01, 0x02, 0x41, 0x11]);
    expect([...encodeGsm7('{}[]~|\\^€\f')]).toEqual([0x1b, 0x28, 0x1b, 0x29, 0x1b, 0x3c, 0x1b, 0x3e, 0x1b, 0x3d, 0x1b, 0x40, 0x1b, 0x2f, 0x1b, 0x14, 0x1b, 0x65, 0x1b, 0x0a]);
    expect(decodeGsm7(encodeGsm7('Ça coûte 5€ {au} [plus] à Niamey'.replace('û', 'u')))).toBe('Ça coute 5€ {au} [plus] à Niamey');
  });

  it('knows what is not GSM: lower-case ç, ê, Arabic, emoji', () => {
    expect(isGsm7('Ça va? àèéìòù ÄÖÑÜ ¿¡')).toBe(true);
    for (const text of ['français', 'fête', 'مرحبا', '👍']) expect(isGsm7(text), text).toBe(false);
    expect(() => encodeGsm7('ç')).toThrow(RangeError);
  });

  it('decodes an ESC before an unknown code as the basic character, and refuses bytes over 0x7F', () => {
    expect(decodeGsm7(Uint8Array.from([0x1b, 0x41, 0x42]))).toBe('AB');
    expect(decodeGsm7(Uint8Array.from([0x41, 0x1b]))).toBe('A');
    expect(decodeGsm7(Uint8Array.from([0x41, 0x80]))).toBeNull();
  });
});

describe('segments', () => {
  it('keeps 160 septets or 70 UCS-2 units in one segment without a UDH', () => {
    expect(encodeMessage('a'.repeat(160), 1)).toMatchObject({ dataCoding: 0, udh: false, parts: [expect.any(Buffer)] });
    expect(encodeMessage('ê'.repeat(70), 1).parts).toHaveLength(1);
    // Extension characters count double: 80 euros are 160 septets, 81 are not.
    expect(encodeMessage('€'.repeat(80), 1).parts).toHaveLength(1);
    expect(encodeMessage('€'.repeat(81), 1).parts).toHaveLength(2);
  });

  it('cuts long GSM text at 153 septets, never between ESC and its character', () => {
    const text = `${'a'.repeat(152)}€${'b'.repeat(10)}`;
    const { pieces } = splitText(text);
    expect(pieces).toEqual(['a'.repeat(152), `€${'b'.repeat(10)}`]);
    const { parts } = encodeMessage(text, 7);
    expect([...parts[0]!.subarray(0, 6)]).toEqual([0x05, 0x00, 0x03, 7, 2, 1]);
    expect([...parts[1]!.subarray(0, 8)]).toEqual([0x05, 0x00, 0x03, 7, 2, 2, 0x1b, 0x65]);
    expect(parts[0]!.length).toBe(6 + 152);
  });

  it('cuts long UCS-2 text at 67 units, never inside a surrogate pair', () => {
    const text = `${'ê'.repeat(66)}👍${'ê'.repeat(10)}`;
    const { dataCoding, pieces } = splitText(text);
    expect(dataCoding).toBe(8);
    expect(pieces[0]).toBe('ê'.repeat(66));
    expect(pieces[1]!.startsWith('👍')).toBe(true);
    const { parts } = encodeMessage(text, 200);
    expect(parts[1]!.subarray(6).toString('hex').slice(0, 8)).toBe('d83ddc4d');
    expect(parts.every((p) => p.length <= 140)).toBe(true);
  });

  it('reads back the concatenation header, 8-bit and 16-bit references', () => {
    expect(parseUdh(Buffer.from([0x05, 0x00, 0x03, 9, 3, 2, 0x41]))).toEqual({ concat: { ref: 9, total: 3, seq: 2 }, rest: Buffer.from([0x41]) });
    expect(parseUdh(Buffer.from([0x06, 0x08, 0x04, 0x01, 0x02, 4, 1, 0x41]))?.concat).toEqual({ ref: 0x0102, total: 4, seq: 1 });
    // A port-addressing element only: no concatenation, body after the header.
    expect(parseUdh(Buffer.from([0x06, 0x05, 0x04, 0x0b, 0x84, 0x23, 0xf0, 0x41]))).toEqual({ concat: null, rest: Buffer.from([0x41]) });
    expect(parseUdh(Buffer.from([0x09, 0x00, 0x03]))).toBeNull();
    expect(parseUdh(Buffer.from([0x05, 0x00, 0x09, 1, 1, 1]))).toBeNull();
  });

  it('decodes each text coding and refuses binary', () => {
    expect(decodeBody(0, encodeGsm7('Hello @ home'))).toBe('Hello @ home');
    expect(decodeBody(1, Buffer.from('a@b_c$', 'latin1'))).toBe('a@b_c$');
    expect(decodeBody(1, Buffer.from([0x41, 0xe9]))).toBeNull();
    expect(decodeBody(3, Buffer.from('façade', 'latin1'))).toBe('façade');
    expect(decodeBody(8, Buffer.from('مرحبا', 'utf16le').swap16())).toBe('مرحبا');
    expect(decodeBody(8, Buffer.from([0x00]))).toBeNull();
    expect(decodeBody(0xf0, encodeGsm7('class 0'))).toBe('class 0');
    expect(decodeBody(6, Buffer.from([0xbf, 0xe0, 0xd8]))).toBe('При');
    for (const dc of [2, 4, 0xf5, 0xf6, 5, 9]) expect(isTextCoding(dc), String(dc)).toBe(false);
    // Some SMSCs send Latin-1 as their "default": bytes over 0x7F are read so rather than lost.
    expect(decodeBody(0, Buffer.from('été', 'latin1'))).toBe('été');
  });
});
