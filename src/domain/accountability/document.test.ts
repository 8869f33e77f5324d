import { describe, expect, it } from 'vitest';
import { cleanDocumentName, documentTypeOf } from './document.js';

const bytes = (head: number[] | string, length = 64) => {
  const b = new Uint8Array(length);
  b.set(typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head);
  return b;
};

describe('documentTypeOf', () => {
  it('knows PDF, PNG, JPEG and WebP by their first bytes, whatever the name says', () => {
    expect(documentTypeOf(bytes('%PDF-1.4\n'))).toBe('application/pdf');
    expect(documentTypeOf(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(documentTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(documentTypeOf(bytes('RIFF\u0024\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses what only looks like one: HTML, SVG, a RIFF that is not WebP, a PNG without its line-ending bytes, a stub', () => {
    expect(documentTypeOf(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(documentTypeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(documentTypeOf(bytes('RIFF\u0024\u0000\u0000\u0000WAVEfmt '))).toBeNull();
    expect(documentTypeOf(bytes([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(documentTypeOf(bytes('%PDF', 4))).toBeNull();
    expect(documentTypeOf(bytes('RIFF\u0024\u0000\u0000\u0000WEB', 11))).toBeNull();
    expect(documentTypeOf(new Uint8Array())).toBeNull();
  });
});

describe('cleanDocumentName', () => {
  it('keeps the last part of a path, without control or direction-override characters', () => {
    expect(cleanDocumentName('C:\\Users\\amina\\rapport juin.pdf', 'application/pdf')).toBe('rapport juin.pdf');
    expect(cleanDocumentName('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
    expect(cleanDocumentName('evil\r\nSet-Cookie: x.pdf', 'application/pdf')).toBe('evilSet-Cookie: x.pdf');
    expect(cleanDocumentName('invoice\u202Efdp.exe.pdf', 'application/pdf')).toBe('invoicefdp.exe.pdf');
    expect(cleanDocumentName('سجل الإنذارات.pdf', 'application/pdf')).toBe('سجل الإنذارات.pdf');
  });

  it('gives a default named after the type when nothing is left', () => {
    expect(cleanDocumentName('', 'application/pdf')).toBe('evidence.pdf');
    expect(cleanDocumentName('  \u0000 ', 'image/jpeg')).toBe('evidence.jpg');
    expect(cleanDocumentName('..', 'image/webp')).toBe('evidence.webp');
    expect(cleanDocumentName('dir/', 'image/png')).toBe('evidence.png');
  });

  it('cuts a long name to 200 characters, keeping its extension', () => {
    const name = cleanDocumentName(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});
