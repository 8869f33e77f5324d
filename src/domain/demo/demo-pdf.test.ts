import { describe, expect, it } from 'vitest';
import { documentTypeOf } from '../accountability/document.js';
import { minimalPdf } from './demo-pdf.js';

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('minimalPdf', () => {
  it('writes a PDF whose cross-reference table points at each object, and startxref at the table', () => {
    const pdf = latin1(minimalPdf(['Demo evidence: radio warnings log, Tillabéri, 2004', 'Line two']));
    expect(documentTypeOf(minimalPdf(['x']))).toBe('application/pdf');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 9)).toBe('xref\n0 7\n');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((at, i) => expect(pdf.slice(at, at + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)![1]);
    const start = pdf.indexOf('stream\n') + 7;
    expect(pdf.slice(start + length, start + length + 10)).toBe('\nendstream');
  });

  it('writes Latin-1 letters as WinAnsi bytes and escapes what would end a string', () => {
    const pdf = minimalPdf(['Tillabéri (Niger) \\ ok', 'ẹ̀']);
    expect(latin1(pdf)).toContain('(Tillab\u00e9ri \\(Niger\\) \\\\ ok) Tj');
    expect(Buffer.from(pdf).includes(Buffer.from([0xe9]))).toBe(true);
    expect(latin1(pdf)).toContain('(??) Tj');
  });
});
