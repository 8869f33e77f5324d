import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { WebEnv } from '../env.js';
import { MAX_AUDIO_BYTES } from '../../domain/accountability/audio.js';
import { MAX_DOCUMENT_BYTES } from '../../domain/accountability/document.js';
import { MAX_PROGRESS_CSV_BYTES } from '../../domain/accountability/progress-csv.js';
import { IATI_UPLOAD_MAX_BYTES } from '../../domain/stocktake/stocktake.js';
import { clientAddress } from './client-address.js';

const MAX_FORM_BYTES = 1024 * 1024;
// Uploads that may be larger than a form: the file's own limit plus room for the multipart framing and fields.
const LARGE_UPLOADS: { path: RegExp; maxFileBytes: number }[] = [
  { path: /^\/processes\/[^/]+\/stocktake\/import$/, maxFileBytes: IATI_UPLOAD_MAX_BYTES },
  { path: /^\/processes\/[^/]+\/accountability\/import$/, maxFileBytes: MAX_PROGRESS_CSV_BYTES },
  { path: /^\/processes\/[^/]+\/accountability\/stories\/new$/, maxFileBytes: MAX_AUDIO_BYTES },
  { path: /^\/processes\/[^/]+\/accountability\/commitments\/[^/]+\/progress$/, maxFileBytes: MAX_DOCUMENT_BYTES },
];
const MULTIPART_SLACK = 64 * 1024;

/**
 * Every write (POST, PUT) is counted — 60 a minute unless the operator sets PASSERELLE_WRITES_PER_MINUTE —
 * so a script cannot flood forms or the API; and a form body may not exceed 1 MB (a few uploads, such as IATI files, more). Refusals are plain,
 * localised pages. A signed-in person is counted by account rather than by address: the people of one
 * telecentre share one address and must not use up each other's allowance.
 */
export const writeGuard = createMiddleware<WebEnv>(async (c, next) => {
  if (c.req.method !== 'POST' && c.req.method !== 'PUT') return next();
  const t = c.get('t');
  const actor = c.get('actor');
  const who = actor ? `account:${actor.id}` : `address:${clientAddress(c)}`;
  const { allowed, retryAfterSeconds } = c.get('ctx').limits.forms.hit(`write:${who}`);
  const isApi = c.req.path.startsWith('/api/');
  if (!allowed) {
    c.header('Retry-After', String(retryAfterSeconds));
    return isApi ? c.json({ error: { code: 'rate_limited', message: t('error.rate_limited'), fields: {} } }, 429) : c.text(t('error.rate_limited'), 429);
  }
  if (isApi) return next(); // the API applies its own JSON size rule
  const upload = LARGE_UPLOADS.find((u) => u.path.test(c.req.path));
  if (upload) {
    const max = String(upload.maxFileBytes / 1024 / 1024);
    return bodyLimit({ maxSize: upload.maxFileBytes + MULTIPART_SLACK, onError: (cc) => cc.text(t('error.upload_too_large', { max }), 413) })(c, next);
  }
  return bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (cc) => cc.text(t('error.payload_too_large'), 413) })(c, next);
});
