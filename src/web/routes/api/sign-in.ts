import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../../domain/errors.js';
import type { WebEnv } from '../../env.js';

/**
 * Writes need a bearer token. Checked before the body is read, so an anonymous caller learns nothing
 * about validation; what the signed-in actor may do is the services' decision (403).
 */
export const requireToken = createMiddleware<WebEnv>(async (c, next) => {
  if (!c.get('actor')) {
    c.header('WWW-Authenticate', 'Bearer');
    throw new DomainError('unauthenticated', 'error.sign_in_required');
  }
  await next();
});
