/**
 * A one-page PDF of a few lines of text, written by hand so the demo needs no PDF library: Helvetica with
 * WinAnsi encoding (Latin-1 letters such as "é"; anything else becomes "?"), one line every 20 points from the
 * top, and the cross-reference table with each object's byte offset. Pure.
 */
export function minimalPdf(lines: string[], title = lines[0] ?? ''): Uint8Array {
  const text = (s: string) => `(${[...s].map((ch) => (ch.charCodeAt(0) > 0xff ? '?' : ch)).join('').replace(/[()\\]/g, '\\$&')})`;
  const content = ['BT', '/F1 16 Tf', '72 770 Td', ...lines.flatMap((l, i) => [...(i === 1 ? ['/F1 11 Tf', '0 -28 Td'] : i > 1 ? ['0 -18 Td'] : []), `${text(l)} Tj`]), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${text(title)} /Producer (Passerelle demo) >>`,
  ];
  // The second line's bytes above 127 tell tools the file is binary, as the PDF specification advises.
  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
