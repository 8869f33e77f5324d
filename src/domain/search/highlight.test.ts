import { describe, expect, it } from 'vitest';
import { headlineToHtml } from './highlight.js';

describe('headlineToHtml', () => {
  it('escapes the text and lets only the highlight marks through', () => {
    expect(headlineToHtml('\u0003script\u0004 \u0001Vaccination\u0002 \u0005 "x" <b>')).toBe(
      '&lt;script&gt; <mark>Vaccination</mark> &amp; &quot;x&quot; &lt;b&gt;',
    );
  });

  it('balances marks cut by the excerpt and ignores stray ones', () => {
    expect(headlineToHtml('a \u0001b')).toBe('a <mark>b</mark>');
    expect(headlineToHtml('\u0002a\u0001\u0001b\u0002')).toBe('a<mark>b</mark>');
  });
});
