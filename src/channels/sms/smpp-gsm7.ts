/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, one septet per byte
 * ("unpacked"), as SMPP carries it with data_coding 0. Pure.
 *
 * 0x09 is Ç as in the standard table (and Unicode's GSM0338.TXT, and the segment counter we use for
 * reply budgets): a text with a lower-case ç goes out as UCS-2, as most SMSCs and phones expect.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const ESC = 0x1b;
/** Characters reached through ESC: the character, then its code after ESC. */
const EXTENSION: [string, number][] = [
  ['\f', 0x0a], ['^', 0x14], ['{', 0x28], ['}', 0x29], ['\\', 0x2f],
  ['[', 0x3c], ['~', 0x3d], [']', 0x3e], ['|', 0x40], ['€', 0x65],
];

const basicCodes = new Map<string, number>();
for (let i = 0; i < BASIC.length; i++) if (i !== ESC) basicCodes.set(BASIC[i]!, i);
const extensionCodes = new Map(EXTENSION);
const extensionChars = new Map(EXTENSION.map(([c, code]) => [code, c]));

/** Septets a character takes: 1 (basic table), 2 (ESC + extension), 0 when it is not in GSM 03.38. */
export function gsm7Septets(char: string): 0 | 1 | 2 {
  if (basicCodes.has(char)) return 1;
  return extensionCodes.has(char) ? 2 : 0;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (gsm7Septets(char) === 0) return false;
  return true;
}

/** One byte per septet; a character outside GSM 03.38 is an error of the caller (check isGsm7 first). */
export function encodeGsm7(text: string): Buffer {
  const out: number[] = [];
  for (const char of text) {
    const code = basicCodes.get(char);
    if (code !== undefined) {
      out.push(code);
      continue;
    }
    const ext = extensionCodes.get(char);
    if (ext === undefined) throw new RangeError(`not a GSM 03.38 character: U+${char.codePointAt(0)!.toString(16)}`);
    out.push(ESC, ext);
  }
  return Buffer.from(out);
}

/**
 * Unpacked septets to text; null when a byte is not a septet (over 0x7F). An ESC before a code the
 * extension table lacks shows the basic character, as TS 23.038 asks; a trailing ESC is dropped.
 */
export function decodeGsm7(bytes: Uint8Array): string | null {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b > 0x7f) return null;
    if (b !== ESC) {
      text += BASIC[b];
      continue;
    }
    const next = bytes[++i];
    if (next === undefined) break;
    if (next > 0x7f) return null;
    text += extensionChars.get(next) ?? (next === ESC ? ' ' : BASIC[next]);
  }
  return text;
}
