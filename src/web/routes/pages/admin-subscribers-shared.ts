import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../../domain/errors.js';
import { adminAreaNames } from '../../../domain/subscribers/subscriber-admin.service.js';
import type { Area } from '../../../domain/subscribers/subscribers.js';
import type { WebEnv } from '../../env.js';
import type { PlaceNames } from '../../views/admin-subscribers-labels.js';
import { hubNamesOf } from './hub-names.js';

/**
 * Anyone signed out is sent to sign in, and back here afterwards (a form post comes back to the page it
 * was sent from, never re-sent). Who is signed in but not an admin is refused by the services (403).
 */
export const signInFirst = createMiddleware<WebEnv>(async (c, next) => {
  if (c.get('actor')) return next();
  const url = new URL(c.req.url);
  const back = c.req.method === 'GET' ? url.pathname + url.search : url.pathname.replace(/\/(export|forget|block|unblock|remove)$/, '');
  return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303);
});

/** `?page=` as a page number; anything else is the first page. */
export function pageOf(c: Context<WebEnv>): number {
  const n = Number(c.req.query('page'));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The field messages of a refused form; anything but a validation error goes on to the error page. */
export function fieldsOf(e: unknown): Record<string, string> {
  if (e instanceof DomainError && e.code === 'invalid') return e.fields;
  throw e;
}

/** Names of the hubs and admin areas among `areas`, in the reader's language. */
export async function placeNamesOf(c: Context<WebEnv>, areas: Area[]): Promise<PlaceNames> {
  const hubIds = [...new Set(areas.filter((a) => a.kind === 'hub').map((a) => a.code))];
  const areaKeys = [...new Set(areas.filter((a) => a.kind === 'admin_area').map((a) => a.code))];
  const [hubs, adminAreas] = await Promise.all([hubNamesOf(c, hubIds), adminAreaNames(c.get('ctx'), areaKeys)]);
  return { hubs, adminAreas };
}
