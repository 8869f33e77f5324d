import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';
import type { WebEnv } from './env.js';
import { translateFieldError } from './i18n/i18n.js';

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_OF: Record<DomainErrorCode, ContentfulStatusCode> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/** A JSON error body for the API: a stable code, a localised message and localised field messages. */
export function apiError(c: Context<WebEnv>, err: DomainError) {
  const t = c.get('t');
  const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, translateFieldError(t, v)]));
  return c.json({ error: { code: err.code, message: t(err.message), fields } }, STATUS_OF[err.code]);
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
