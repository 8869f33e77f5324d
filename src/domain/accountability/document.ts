/**
 * A document given as evidence of progress: which of the allowed formats it is, judged by its first bytes (the
 * name and the type the browser sent can say anything), and its name made safe to show and to send back in a
 * header. Pure.
 */

export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** 2 MiB, as the table's check says: a scanned page or a short report, not a whole archive. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const MAX_DOCUMENT_NAME = 200;

/** The format's own name, the same in every language. */
export const DOCUMENT_LABELS: Record<DocumentType, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };
const EXTENSIONS: Record<DocumentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, head: string | number[], at = 0) =>
  (typeof head === 'string' ? [...head].map((ch) => ch.charCodeAt(0)) : head).every((byte, i) => b[at + i] === byte);

/** 'application/pdf' (%PDF-), 'image/png' (its 8-byte signature), 'image/jpeg' (FF D8 FF), 'image/webp' (RIFF….WEBP); else null. */
export function documentTypeOf(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 12 && startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  return null;
}

/**
 * The name to keep: the last part of a path (browsers of old sent "C:\…\report.pdf"), without control or
 * direction-override characters, trimmed, at most 200 characters (keeping the extension when it fits);
 * "evidence.pdf" (the type's extension) when nothing is left.
 */
export function cleanDocumentName(name: string, type: DocumentType): string {
  const base = (name.split(/[/\\]/).at(-1) ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+/, '');
  if (!base) return `evidence.${EXTENSIONS[type]}`;
  const chars = [...base];
  if (chars.length <= MAX_DOCUMENT_NAME) return base;
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(base)?.[0] ?? '';
  return chars.slice(0, MAX_DOCUMENT_NAME - ext.length).join('').trimEnd() + ext;
}
