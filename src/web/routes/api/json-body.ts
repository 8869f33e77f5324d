import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { WebEnv } from '../../env.js';

export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Transport errors have no DomainError code (422 is for content); they still use the API's error shape. */
function transportError(c: Context<WebEnv>, status: ContentfulStatusCode, code: string, key: string) {
  return c.json({ error: { code, message: c.get('t')(key), fields: {} } }, status);
}

const limitSize = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => transportError(c as Context<WebEnv>, 413, 'payload_too_large', 'error.payload_too_large'),
});

/**
 * A write's body must be a JSON object of at most 1 MB: 415 for another media type, 413 when larger,
 * 400 when it does not parse or is not an object. Content rules are the services' (422).
 */
export const jsonBody = createMiddleware<WebEnv>(async (c, next) => {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    return transportError(c, 415, 'unsupported_media_type', 'error.unsupported_media_type');
  }
  return limitSize(c, async () => {
    // Hono caches the parsed body: the handler's `readBody` gets this same value without re-reading.
    const body: unknown = await c.req.json().catch(() => undefined);
    // bodyLimit's `next` returns nothing, so the refusal is set on the context rather than returned.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) c.res = transportError(c, 400, 'invalid', 'error.bad_json');
    else await next();
  });
});

/** The body `jsonBody` let through; `unknown`, because the services validate it. */
export async function readBody(c: Context<WebEnv>): Promise<unknown> {
  return c.req.json();
}
