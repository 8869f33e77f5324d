import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The stylesheet, read once; its URL carries a content hash so it can be cached for a year. */
const css = readFileSync(new URL('./style.css', import.meta.url), 'utf8');
export const STYLESHEET = {
  body: css,
  path: `/static/style.${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`,
};
