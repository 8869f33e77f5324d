import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name as RFC 5987 asks', () => {
    expect(contentDisposition('attachment', 'report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('attachment', 'relevé juin (2).pdf')).toBe(`attachment; filename="relev_ juin (2).pdf"; filename*=UTF-8''relev%C3%A9%20juin%20%282%29.pdf`);
    expect(contentDisposition('inline', 'سجل.png')).toBe(`inline; filename="___.png"; filename*=UTF-8''%D8%B3%D8%AC%D9%84.png`);
  });

  it('cannot be broken out of by quotes, backslashes, semicolons or line breaks in the name', () => {
    const header = contentDisposition('attachment', 'a"; filename="evil.html\\\r\n.pdf');
    expect(header).toBe(`attachment; filename="a_; filename=_evil.html___.pdf"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html%5C%0D%0A.pdf`);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
