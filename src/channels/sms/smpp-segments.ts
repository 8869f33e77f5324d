import { decodeGsm7, encodeGsm7, gsm7Septets, isGsm7 } from './smpp-gsm7.js';

/**
 * Message bodies on the SMPP wire, both ways. Pure.
 *
 * Out: GSM 03.38 unpacked with data_coding 0 when every character has a septet, else UCS-2 (UTF-16BE)
 * with data_coding 8. One segment holds 160 septets or 70 UTF-16 units; a longer text is cut into parts
 * of 153 septets or 67 units, each behind a 6-byte UDH (IEI 0x00: 8-bit reference, total, sequence).
 * A cut never separates an ESC from its extension character nor the halves of a surrogate pair.
 */
export const DATA_CODING = { gsm7: 0, ucs2: 8 } as const;
export const MAX_PARTS = 255;

export type Concat = { ref: number; total: number; seq: number };
export type EncodedMessage = { dataCoding: 0 | 8; parts: Buffer[]; udh: boolean };

/** The text cut into the pieces each segment carries (one piece when it fits one segment). */
export function splitText(text: string): { dataCoding: 0 | 8; pieces: string[] } {
  const gsm = isGsm7(text);
  const size = gsm ? (char: string) => gsm7Septets(char) : (char: string) => char.length;
  let total = 0;
  for (const char of text) total += size(char);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  if (total <= single) return { dataCoding: gsm ? 0 : 8, pieces: [text] };

  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  // for…of walks code points, so a surrogate pair or an ESC pair is one step, never split.
  for (const char of text) {
    const n = size(char);
    if (used + n > multi) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += char;
    used += n;
  }
  pieces.push(piece);
  return { dataCoding: gsm ? 0 : 8, pieces };
}

export function buildConcatUdh({ ref, total, seq }: Concat): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, ref & 0xff, total, seq]);
}

/** Every short_message of a text, with a UDH when there is more than one; `ref` is 0–255. */
export function encodeMessage(text: string, ref: number): EncodedMessage {
  const { dataCoding, pieces } = splitText(text);
  const encode = (piece: string) => (dataCoding === 0 ? encodeGsm7(piece) : Buffer.from(piece, 'utf16le').swap16());
  if (pieces.length === 1) return { dataCoding, parts: [encode(pieces[0]!)], udh: false };
  const total = pieces.length;
  const parts = pieces.map((piece, i) => Buffer.concat([buildConcatUdh({ ref, total, seq: i + 1 }), encode(piece)]));
  return { dataCoding, parts, udh: true };
}

/**
 * Splits a body whose esm_class has the UDHI bit into its UDH and the rest, and reads a concatenation
 * element (IEI 0x00, 8-bit reference, or 0x08, 16-bit). Null when the header is malformed.
 */
export function parseUdh(body: Buffer): { concat: Concat | null; rest: Buffer } | null {
  if (body.length < 1) return null;
  const length = body[0]!;
  if (length + 1 > body.length) return null;
  let concat: Concat | null = null;
  for (let i = 1; i < length + 1; ) {
    const iei = body[i]!;
    const len = body[i + 1];
    if (len === undefined || i + 2 + len > length + 1) return null;
    const data = body.subarray(i + 2, i + 2 + len);
    if (iei === 0x00 && len === 3) concat = { ref: data[0]!, total: data[1]!, seq: data[2]! };
    if (iei === 0x08 && len === 4) concat = { ref: data.readUInt16BE(0), total: data[2]!, seq: data[3]! };
    i += 2 + len;
  }
  return { concat, rest: body.subarray(length + 1) };
}

const latin1 = new TextDecoder('latin1');
const strictDecoders: Record<number, string> = { 6: 'iso-8859-5', 7: 'iso-8859-8' };

/**
 * A body to text by its data_coding; null when it is binary or cannot be decoded. Handled: 0 (GSM 03.38
 * unpacked — bytes above 0x7F are read as Latin-1, which some SMSCs send as their "default"), 1 (IA5,
 * ASCII), 3 (Latin-1), 6 and 7 (ISO 8859-5/-8), 8 (UCS-2, read as UTF-16BE), and the message-class
 * groups 0xC0–0xEF and 0xF0–0xFF where they say 7-bit or UCS-2. Everything else (2, 4, 0xF4: 8-bit data;
 * 5, 9–14: Japanese and Korean sets) is treated as binary.
 */
export function decodeBody(dataCoding: number, bytes: Buffer): string | null {
  const alphabet = textAlphabet(dataCoding);
  switch (alphabet) {
    case 'gsm7':
      return decodeGsm7(bytes) ?? latin1.decode(bytes);
    case 'ascii':
      return bytes.every((b) => b < 0x80) ? bytes.toString('latin1') : null;
    case 'latin1':
      return latin1.decode(bytes);
    case 'ucs2':
      return bytes.length % 2 === 0 ? Buffer.from(bytes).swap16().toString('utf16le') : null;
    case null:
      return null;
    default:
      try {
        return new TextDecoder(alphabet, { fatal: true }).decode(bytes);
      } catch {
        return null;
      }
  }
}

/** Whether a data_coding carries text we can read (else: 8-bit data or an alphabet we do not handle). */
export function isTextCoding(dataCoding: number): boolean {
  return textAlphabet(dataCoding) !== null;
}

function textAlphabet(dc: number): string | null {
  if (dc === 0) return 'gsm7';
  if (dc === 1) return 'ascii';
  if (dc === 3) return 'latin1';
  if (dc === 8) return 'ucs2';
  if (strictDecoders[dc]) return strictDecoders[dc];
  if (dc >= 0xc0 && dc <= 0xdf) return 'gsm7'; // message waiting indication, 7-bit
  if (dc >= 0xe0 && dc <= 0xef) return 'ucs2'; // message waiting indication, UCS-2
  if (dc >= 0xf0) return dc & 0x04 ? null : 'gsm7'; // message class: bit 2 set means 8-bit data
  return null;
}
