const ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  '\u0001': '<mark>', '\u0002': '</mark>', '\u0003': '&lt;', '\u0004': '&gt;', '\u0005': '&amp;',
};

/**
 * Turns a ts_headline result made by the search repository (highlights between \x01 and \x02, the
 * text's own < > & carried as \x03 \x04 \x05) into HTML: everything is escaped, and the only markup
 * is <mark>…</mark>, balanced even when the excerpt was cut inside a highlight.
 */
export function headlineToHtml(headline: string): string {
  let isOpen = false;
  let html = '';
  for (const ch of headline) {
    if (ch === '\u0001') {
      if (isOpen) continue;
      isOpen = true;
    } else if (ch === '\u0002') {
      if (!isOpen) continue;
      isOpen = false;
    }
    html += ESCAPES[ch] ?? ch;
  }
  return isOpen ? `${html}</mark>` : html;
}
